// A crawl run: enumerate a source into the database, then list each selected server's tools with
// bounded concurrency. Every server gets one attempt row; a killed run is resumed by the next one.
import { mkdir } from 'node:fs/promises';
import PQueue from 'p-queue';
import type { Db } from '../db/client.ts';
import { attemptCounts, finishRun, finishedServerIds, findUnfinishedRun, recordAttempt, startRun } from '../db/queries/crawl-runs.ts';
import { recordSource, upsertServer } from '../db/queries/servers.ts';
import { recordToolListing } from '../db/queries/tool-listing.ts';
import { attemptServer, type AttemptOptions } from './attempt-server.ts';
import { assertReachable, probeSandbox } from './sandbox-check.ts';
import type { Launch } from './launch.ts';
import { identityKeys } from './sources/identity.ts';
import type { ServerSource } from './sources/source.ts';

export interface CrawlOptions extends AttemptOptions {
  db: Db;
  source: ServerSource;
  /** Stop after selecting this many servers. @default Infinity */
  limit?: number;
  /** Only servers whose runtime is one of these (npm, pypi, oci, remote, ...). @default all */
  runtimes?: string[];
  /** Servers listed at once. @default 2 */
  concurrency?: number;
  /** Resume the newest unfinished run with the same options. @default true */
  resume?: boolean;
  /** A label that identifies the source's configuration in the run key (e.g. its URL). @default source.name */
  sourceLabel?: string;
  onEvent?: (event: CrawlEvent) => void;
}

export type CrawlEvent =
  | { type: 'run'; runId: number; resumed: boolean; alreadyDone: number }
  | { type: 'selected'; total: number }
  | { type: 'attempt'; server: string; status: string; toolCount: number; durationMs: number; error?: string; done: number; total: number }
  | { type: 'rejected'; reason: string };

export interface CrawlSummary {
  runId: number;
  resumed: boolean;
  selected: number;
  attempted: number;
  skippedAlreadyDone: number;
  rejectedRecords: number;
  toolsFound: number;
  byStatus: Record<string, number>;
  durationMs: number;
}

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const { db, source, limit = Infinity, runtimes, concurrency = 2, resume = true, onEvent = () => {} } = options;
  const started = Date.now();
  await mkdir(options.workDir, { recursive: true });
  await mkdir(options.cacheDir, { recursive: true });
  // Refuse up front, with one clear error, rather than failing every server the same way.
  await probeSandbox(options.sandbox);
  if (!options.sandbox?.unsafe) {
    await assertReachable(options.workDir, options.sandbox?.runAs);
    await assertReachable(options.cacheDir, options.sandbox?.runAs);
  }
  const key = JSON.stringify({ source: options.sourceLabel ?? source.name, limit: Number.isFinite(limit) ? limit : null, runtimes: runtimes ?? null });
  const previous = resume ? await findUnfinishedRun(db, key) : undefined;
  const run = previous ?? (await startRun(db, { key, source: source.name, limit: Number.isFinite(limit) ? limit : null, runtimes, concurrency }));
  const done = previous ? await finishedServerIds(db, run.id) : new Set<number>();
  onEvent({ type: 'run', runId: run.id, resumed: !!previous, alreadyDone: done.size });

  const queue = new PQueue({ concurrency });
  let selected = 0, attempted = 0, toolsFound = 0, rejected = 0, total = 0;
  const work: { id: number; name: string; launch: Launch }[] = [];
  const queued = new Set<number>();
  try {
    outer: for await (const page of source.pages()) {
      rejected += page.rejected.length;
      for (const r of page.rejected) onEvent({ type: 'rejected', reason: r.reason });
      for (const entry of page.entries) {
        if (selected >= limit) break outer;
        if (runtimes && !runtimes.includes(entry.server.runtime)) continue;
        const { id } = await upsertServer(db, entry.server, { keys: identityKeys(entry.server) });
        await recordSource(db, id, entry.source, entry.sourceKey, entry.raw);
        if (entry.tools?.length) {
          // Tools a source publishes are stored as observed there, without running the server.
          await recordToolListing(db, id, entry.tools, { observedVia: entry.toolsObservedVia ?? entry.source, markRemoved: false });
        }
        if (queued.has(id)) continue;
        queued.add(id);
        selected++;
        if (!done.has(id)) work.push({ id, name: entry.server.name, launch: entry.server.launch as Launch });
      }
    }
    total = work.length;
    onEvent({ type: 'selected', total });
    for (const server of work) {
      queue.add(async () => {
        const t0 = Date.now();
        await recordAttempt(db, run.id, server.id, { status: 'pending' });
        let result = await attemptServer(server.launch, options);
        if (result.tools) {
          try {
            await recordToolListing(db, server.id, result.tools, { issues: result.issues });
          } catch (error) {
            result = { status: 'store_failed', errorKind: 'E_STORE', error: `listing could not be stored: ${(error as Error).message}` };
          }
        }
        const durationMs = Date.now() - t0;
        const toolCount = result.status === 'ok' ? result.tools?.length ?? 0 : 0;
        await recordAttempt(db, run.id, server.id, { ...result, toolCount, durationMs });
        attempted++;
        toolsFound += toolCount;
        onEvent({ type: 'attempt', server: server.name, status: result.status, toolCount, durationMs, error: result.error, done: attempted, total });
      });
    }
    await queue.onIdle();
  } catch (error) {
    queue.clear();
    await queue.onIdle();
    await finishRun(db, run.id, 'failed', { error: (error as Error).message });
    throw error;
  }
  const byStatus = await attemptCounts(db, run.id);
  const summary: CrawlSummary = {
    runId: run.id, resumed: !!previous, selected, attempted, skippedAlreadyDone: selected - total,
    rejectedRecords: rejected, toolsFound, byStatus, durationMs: Date.now() - started,
  };
  await finishRun(db, run.id, 'completed', summary);
  return summary;
}
