// Lists one server's tools as its launch recipe says, and turns every outcome into an attempt status.
import type { ToolDefinition } from '../db/tool-definition.ts';
import { attemptOci } from './attempt-oci.ts';
import { attemptPypi } from './attempt-pypi.ts';
import { attemptRemote } from './attempt-remote.ts';
import { attemptCommand } from './attempt-command.ts';
import type { Launch } from './launch.ts';
import { attemptNpm } from './attempt-npm.ts';
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
   * Let a server that failed for want of the network list again with it (still no host files, no loopback services,
   * no environment of ours). The first try is always without. @default false
   */
  allowNetwork?: boolean;
  /** npm registry for release lists and installs. @default the registry npm is configured with */
  npmRegistry?: string;
  /** How long a dependency from outside the npm registry (git, tarball URL) may take to install. @default 15000 */
  foreignDependencyTimeoutMs?: number;
}

export interface AttemptResult {
  status: string;
  errorKind?: string;
  error?: string;
  tools?: ToolDefinition[];
  issues?: Record<string, string[]>;
  /** Installed version, protocol version, server info, listing-level issues, the tries made. */
  details?: Record<string, unknown>;
  /** The line of the server's stderr, or npm's or the registry's answer, that proves the status. */
  evidence?: string;
  /** The version the record declares, and the one actually listed (they differ when the declared one cannot be had). */
  declaredVersion?: string | null;
  listedVersion?: string | null;
  /** The executable and subcommand that listed (or last failed), e.g. `xcodebuildmcp mcp`. */
  entryPoint?: string;
  /** The command line run, placeholders marked, secrets never. */
  commandLine?: string;
  /** Whether the listing had the network: off (the default) or on (--allow-network, after a needs_network try). */
  networkMode?: 'off' | 'on';
  /** The error behind a failed status, for retry decisions; not stored. */
  failure?: unknown;
}


/** Why a package kind is not run, and what would run it. */
function noRunner(registryType: string, identifier: string, version?: string): string {
  const at = `${identifier}${version ? `@${version}` : ''}`;
  switch (registryType) {
    case 'mcpb': return `MCPB bundles are not run by this crawler: an MCPB host (Claude Desktop, or \`mcpb unpack\` and the command its manifest.json names in server.mcp_config) would run ${identifier}`;
    case 'nuget': return `NuGet packages are not run by this crawler: \`dnx ${at}\` from the .NET 10 SDK would run it`;
    default: return `${registryType} packages are not run by this crawler (it runs npm, pypi through uvx, oci through docker, and remote servers)`;
  }
}

export async function attemptServer(launch: Launch | null | undefined, options: AttemptOptions): Promise<AttemptResult> {
  if (!launch) return { status: 'unsupported_runtime', errorKind: 'no_launch', error: 'no launch recipe recorded for this server' };
  if (launch.kind === 'unsupported') return { status: 'unsupported_runtime', errorKind: 'unsupported', error: launch.reason };
  if (launch.kind === 'remote') return attemptRemote(launch, options);
  if (launch.kind === 'command') return attemptCommand(launch, options);
  if (launch.registryType === 'pypi') return attemptPypi(launch, options);
  if (launch.registryType === 'oci') return attemptOci(launch, options);
  if (launch.registryType !== 'npm') return { status: 'unsupported_runtime', errorKind: launch.registryType, error: noRunner(launch.registryType, launch.identifier, launch.version) };
  return attemptNpm(launch, options);
}
