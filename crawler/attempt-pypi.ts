// attemptServer for a PyPI package: through uv when it is installed, else unsupported_runtime with the reason.
// Installed outside the sandbox (network), listed inside it (no network) like an npm package.
import { failedAttempt, installDetails, listAllowingNetwork, versionColumns } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import type { Launch } from './launch.ts';
import { installPypiPackageOrLatest } from './pypi-install.ts';
import { checkUv } from './runtimes.ts';

export async function attemptPypi(launch: Extract<Launch, { kind: 'package' }>, options: AttemptOptions): Promise<AttemptResult> {
  const uv = checkUv(options.executables);
  if (!uv.available) return { status: 'unsupported_runtime', errorKind: 'pypi', error: `pypi packages run through uvx: ${uv.reason}` };
  let installed;
  try {
    installed = await installPypiPackageOrLatest(launch.identifier, launch.version, { cacheDir: options.cacheDir, uv: uv.command, timeoutMs: options.installTimeoutMs });
  } catch (error) {
    return { ...failedAttempt(error), ...versionColumns(launch.version, null) };
  }
  const result = await listAllowingNetwork(
    { command: installed.command, args: [...installed.args, ...launch.args], env: launch.env, readOnlyDirs: installed.readOnlyDirs },
    options, installDetails('PyPI', installed),
  );
  return { ...result, ...versionColumns(launch.version, installed.version) };
}
