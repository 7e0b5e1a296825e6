// Lists one server's tools as its launch recipe says, and turns every outcome into an attempt status.
import { attemptOci } from './attempt-oci.ts';
import { attemptPypi } from './attempt-pypi.ts';
import { attemptRemote } from './attempt-remote.ts';
import { attemptCommand } from './attempt-command.ts';
import type { Launch } from './launch.ts';
import { installNpmPackageOrLatest } from './npm-install.ts';
import { failedAttempt, installDetails, listInScratch } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';

/** The attempt's options and result, part of attemptServer's signature. */
export type { AttemptOptions, AttemptResult } from './attempt-types.ts';

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
