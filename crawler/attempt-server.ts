// Lists one server's tools as its launch recipe says, and turns every outcome into an attempt status.
import type { ToolDefinition } from '../db/tool-definition.ts';
import { attemptOci } from './attempt-oci.ts';
import { attemptPypi } from './attempt-pypi.ts';
import { attemptRemote } from './attempt-remote.ts';
import { attemptCommand } from './attempt-command.ts';
import type { Launch } from './launch.ts';
import { installNpmPackageOrLatest } from './npm-install.ts';
import { failedAttempt, installDetails, listInScratch } from './attempt-common.ts';
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
  /**
   * Header values sent to a remote server in place of placeholders: a user's own configured headers
   * (`mcp-risk scan`). Never stored. @default placeholders for the headers the launch marks required
   */
  remoteHeaders?: Record<string, string>;
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


export async function attemptServer(launch: Launch | null | undefined, options: AttemptOptions): Promise<AttemptResult> {
  if (!launch) return { status: 'unsupported_runtime', errorKind: 'no_launch', error: 'no launch recipe recorded for this server' };
  if (launch.kind === 'unsupported') return { status: 'unsupported_runtime', errorKind: 'unsupported', error: launch.reason };
  if (launch.kind === 'remote') return attemptRemote(launch, options);
  if (launch.kind === 'command') return attemptCommand(launch, options);
  if (launch.registryType === 'pypi') return attemptPypi(launch, options);
  if (launch.registryType === 'oci') return attemptOci(launch, options);
  if (launch.registryType !== 'npm') {
    return { status: 'unsupported_runtime', errorKind: launch.registryType, error: `${launch.registryType} packages are not run by this version of the crawler (npm, pypi and oci only)` };
  }
  let installed;
  try {
    installed = await installNpmPackageOrLatest(launch.identifier, launch.version, { cacheDir: options.cacheDir, timeoutMs: options.installTimeoutMs });
  } catch (error) {
    return failedAttempt(error);
  }
  return listInScratch(
    { command: installed.command, args: [...installed.args, ...launch.args], env: launch.env, readOnlyDirs: [installed.dir] },
    options, installDetails('npm', installed),
  );
}
