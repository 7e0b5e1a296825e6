// Lists one server's tools as its launch recipe says, and turns every outcome into an attempt status.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ToolDefinition } from '../db/tool-definition.ts';
import { attemptOci } from './attempt-oci.ts';
import { attemptPypi } from './attempt-pypi.ts';
import { attemptRemote } from './attempt-remote.ts';
import type { Launch } from './launch.ts';
import { listTools } from './list-tools.ts';
import { installNpmPackageOrLatest } from './npm-install.ts';
import { SCRATCH_TOKEN } from './placeholders.ts';
import type { RuntimeOptions } from './runtimes.ts';
import type { SandboxOptions } from './sandbox.ts';

export interface AttemptOptions {
  /** Package cache root. */
  cacheDir: string;
  /** Where per-server scratch dirs are made (each removed afterwards). */
  workDir: string;
  /** Wall-clock limit for listing one server, start-up included. @default 60000 */
  timeoutMs?: number;
  /** Wall-clock limit for installing one package. @default 180000 */
  installTimeoutMs?: number;
  sandbox?: SandboxOptions;
  /** Where uvx and docker are, and how long `docker info` may take. @default found on PATH, 10 s */
  executables?: RuntimeOptions;
}

export interface AttemptResult {
  status: string;
  errorKind?: string;
  error?: string;
  tools?: ToolDefinition[];
  issues?: Record<string, string[]>;
  /** Installed version, protocol version, server info, listing-level issues. */
  details?: Record<string, unknown>;
}

const fill = (value: string, scratch: string) => value.split(SCRATCH_TOKEN).join(scratch);

export async function attemptServer(launch: Launch | null | undefined, options: AttemptOptions): Promise<AttemptResult> {
  if (!launch) return { status: 'unsupported_runtime', errorKind: 'no_launch', error: 'no launch recipe recorded for this server' };
  if (launch.kind === 'unsupported') return { status: 'unsupported_runtime', errorKind: 'unsupported', error: launch.reason };
  if (launch.kind === 'remote') return attemptRemote(launch, options);
  if (launch.registryType === 'pypi') return attemptPypi(launch, options);
  if (launch.registryType === 'oci') return attemptOci(launch, options);
  if (launch.registryType !== 'npm') {
    return { status: 'unsupported_runtime', errorKind: launch.registryType, error: `${launch.registryType} packages are not run by this version of the crawler (npm, pypi and oci only)` };
  }
  let installed;
  try {
    installed = await installNpmPackageOrLatest(launch.identifier, launch.version, { cacheDir: options.cacheDir, timeoutMs: options.installTimeoutMs });
  } catch (error) {
    const e = error as Error & { code?: string };
    return { status: 'install_failed', errorKind: e.code ?? 'E_INSTALL', error: e.message };
  }
  const scratch = await mkdtemp(join(options.workDir, 'server-'));
  try {
    const env = Object.fromEntries(Object.entries(launch.env).map(([k, v]) => [k, fill(v, scratch)]));
    const result = await listTools({
      command: installed.command,
      args: [...installed.args, ...launch.args.map((a) => fill(a, scratch))],
      env,
      writableDir: scratch,
      timeoutMs: options.timeoutMs ?? 60_000,
      sandbox: { ...options.sandbox, readOnlyDirs: [installed.dir, ...(options.sandbox?.readOnlyDirs ?? [])] },
    });
    const issues: Record<string, string[]> = {};
    for (const issue of result.issues) if (issue.tool) (issues[issue.tool] ??= []).push(issue.problem);
    const details = {
      installedVersion: installed.version,
      ...(installed.fallbackFrom ? { note: `npm has no version ${installed.fallbackFrom}; listed ${installed.version} (latest) instead` } : {}),
      era: result.era,
      protocolVersion: result.protocolVersion,
      serverInfo: result.serverInfo,
      pages: result.pages,
      listingIssues: result.issues.filter((i) => !i.tool).map((i) => i.problem),
    };
    return { status: result.tools.length ? 'ok' : 'no_tools', tools: result.tools, issues, details };
  } catch (error) {
    const e = error as Error & { kind?: string; code?: string };
    return { status: e.kind ?? 'crashed', errorKind: e.code ?? e.name, error: e.message, details: { installedVersion: installed.version } };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
