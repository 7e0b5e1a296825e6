// Lists one server's tools as its launch recipe says, and turns every outcome into an attempt status.
import { attemptOci } from './attempt-oci.ts';
import { attemptPypi } from './attempt-pypi.ts';
import { attemptRemote } from './attempt-remote.ts';
import { attemptCommand } from './attempt-command.ts';
import type { Launch } from './launch.ts';
import { attemptNpm } from './attempt-npm.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';

/** The attempt's options and result, part of attemptServer's signature. */
export type { AttemptOptions, AttemptResult } from './attempt-types.ts';

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
