// Checks made once before any server is listed (by a crawl or a queue worker): the scratch and cache dirs exist,
// the sandbox works (with the network too when the run may give it), and the sandboxed user can reach both dirs.
// One clear error up front, rather than every server failing the same way.
import { mkdir } from 'node:fs/promises';
import type { AttemptOptions } from './attempt-types.ts';
import { assertReachable, probeSandbox } from './sandbox-check.ts';

export async function prepareListing(options: AttemptOptions): Promise<void> {
  await mkdir(options.workDir, { recursive: true });
  await mkdir(options.cacheDir, { recursive: true });
  await probeSandbox(options.sandbox);
  if (options.allowNetwork) await probeSandbox({ ...options.sandbox, allowNetwork: true }); // pasta present and working
  if (!options.sandbox?.unsafe) {
    await assertReachable(options.workDir, options.sandbox?.runAs);
    await assertReachable(options.cacheDir, options.sandbox?.runAs);
  }
}
