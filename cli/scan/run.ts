// Lists the scanned servers exactly as the crawler does (attemptServer: npm/PyPI install outside the
// sandbox, listing inside it; remote servers over Streamable HTTP or SSE), a few at a time. Nothing
// is stored: the results go to the verdicts and are dropped.
import { mkdir } from 'node:fs/promises';
import PQueue from 'p-queue';
import { attemptServer, type AttemptResult } from '../../crawler/attempt-server.ts';
import { assertReachable, probeSandbox } from '../../crawler/sandbox-check.ts';
import type { SandboxOptions } from '../../crawler/sandbox.ts';
import type { RunPlan } from './launch.ts';

export interface RunOptions {
  /** Installed-package cache (shared with the crawler). */
  cacheDir: string;
  /** Where the servers' scratch dirs are made. */
  workDir: string;
  /** Per-server wall-clock limit, install excluded. @default 60000 */
  timeoutMs?: number;
  /** Let stdio servers use the network inside the sandbox. @default false */
  allowNetwork?: boolean;
  /** Servers listed at once. @default 2 */
  concurrency?: number;
  /** Called as each server finishes. @default none */
  onDone?: (id: string, result: Listing) => void;
}

export interface Listing extends AttemptResult { durationMs: number }

/** Lists every plan that can run (kind stdio or remote); returns the results by id. */
export async function runPlans(plans: { id: string; plan: RunPlan }[], options: RunOptions): Promise<Map<string, Listing>> {
  const runnable = plans.filter((p) => p.plan.kind !== 'none');
  const sandbox: SandboxOptions = { allowNetwork: options.allowNetwork ?? false };
  if (runnable.some((p) => p.plan.kind === 'stdio')) {
    await mkdir(options.workDir, { recursive: true });
    await mkdir(options.cacheDir, { recursive: true });
    // One clear error up front rather than every server failing the same way.
    await probeSandbox(sandbox);
    await assertReachable(options.workDir, sandbox.runAs);
    await assertReachable(options.cacheDir, sandbox.runAs);
  }
  const results = new Map<string, Listing>();
  const queue = new PQueue({ concurrency: options.concurrency ?? 2 });
  await Promise.all(runnable.map(({ id, plan }) => queue.add(async () => {
    const started = Date.now();
    const result = await attemptServer(plan.launch, {
      cacheDir: options.cacheDir, workDir: options.workDir, timeoutMs: options.timeoutMs ?? 60_000, sandbox,
      ...(plan.remoteHeaders ? { remoteHeaders: plan.remoteHeaders } : {}),
    });
    const listing = { ...result, durationMs: Date.now() - started };
    results.set(id, listing);
    options.onDone?.(id, listing);
  })));
  return results;
}
