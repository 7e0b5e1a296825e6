// attemptServer for a PyPI package: through uv when it is installed, else unsupported_runtime with the reason.
// Installed outside the sandbox (network), listed inside it (no network) like an npm package.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { failedAttempt, fillRecord, fillScratch, listedAttempt } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-server.ts';
import type { Launch } from './launch.ts';
import { listTools } from './list-tools.ts';
import { installPypiPackageOrLatest } from './pypi-install.ts';
import { checkUv } from './runtimes.ts';

export async function attemptPypi(launch: Extract<Launch, { kind: 'package' }>, options: AttemptOptions): Promise<AttemptResult> {
  const uv = checkUv(options.executables);
  if (!uv.available) return { status: 'unsupported_runtime', errorKind: 'pypi', error: `pypi packages run through uvx: ${uv.reason}` };
  let installed;
  try {
    installed = await installPypiPackageOrLatest(launch.identifier, launch.version, { cacheDir: options.cacheDir, uv: uv.command, timeoutMs: options.installTimeoutMs });
  } catch (error) {
    return failedAttempt(error);
  }
  const details = {
    installedVersion: installed.version,
    ...(installed.fallbackFrom ? { note: `PyPI has no version ${installed.fallbackFrom}; listed ${installed.version} (latest) instead` } : {}),
  };
  const scratch = await mkdtemp(join(options.workDir, 'server-'));
  try {
    const result = await listTools({
      command: installed.command,
      args: [...installed.args, ...launch.args.map((a) => fillScratch(a, scratch))],
      env: fillRecord(launch.env, scratch),
      writableDir: scratch,
      timeoutMs: options.timeoutMs ?? 60_000,
      sandbox: { ...options.sandbox, readOnlyDirs: [...installed.readOnlyDirs, ...(options.sandbox?.readOnlyDirs ?? [])] },
    });
    return listedAttempt(result, details);
  } catch (error) {
    return failedAttempt(error, details);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
