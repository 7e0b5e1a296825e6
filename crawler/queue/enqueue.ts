// `crawl --queue`: enumerate the sources as the single-process crawl does (same run key rules, same resume), give
// every selected server a `pending` attempt row, and enqueue one job per server; workers do the listing. Enqueuing
// into an unfinished run again adds only servers it lacks: job ids are a function of (run, server).
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { recordAttempt, saveCheckpoint } from '../../db/queries/crawl-runs.ts';
import { openRun, rejectionReason } from '../open-run.ts';
import type { ServerSource } from '../sources/source.ts';
import { storeEntry } from '../store-entry.ts';
import { CRAWL_QUEUE, crawlJobId, type CrawlJobData } from './crawl-queue.ts';
import { finishRunIfDone, type AfterRun } from './finish-run.ts';

export interface EnqueueOptions {
  db: Db;
  boss: PgBoss;
  source: ServerSource;
  /** Identifies the sources' configuration in the run key. @default source.name */
  sourceLabel?: string;
  /** Stop after selecting this many servers. @default Infinity */
  limit?: number;
  /** Only servers of these runtimes. @default all */
  runtimes?: string[];
  /** Enqueue into the newest unfinished queued run with the same options. @default true */
  resume?: boolean;
  /** Per-server listing limit the workers apply. @default the worker's (60 s) */
  timeoutMs?: number;
  /** Tries after the first for a retryable failure (an unreachable registry, a timeout, a lost worker). @default 2 */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) after each. @default 30 */
  retryDelaySeconds?: number;
  /** A job's lease: a worker that has not finished it by then is taken for dead and the job retried. @default 900 */
  leaseSeconds?: number;
  /** Jobs sent to pg-boss per insert. @default 500 */
  batchSize?: number;
  /** Run if the workers finished every job before enumeration ended (see WorkerOptions.afterRun). @default nothing */
  afterRun?: AfterRun;
  onEvent?: (event: EnqueueEvent) => void;
}

export type EnqueueEvent =
  | { type: 'run'; runId: number; resumed: boolean; alreadyDone: number; pending: number }
  | { type: 'enqueued'; jobs: number }
  | { type: 'rejected'; reason: string };

export interface EnqueueSummary {
  runId: number;
  resumed: boolean;
  /** Servers the run holds. */
  selected: number;
  /** Jobs sent now (pending servers of a resumed run are sent again; pg-boss keeps the one it has). */
  jobs: number;
  /** Servers whose attempt was finished before (a resumed run). */
  alreadyDone: number;
  rejectedRecords: number;
  durationMs: number;
}

type Checkpoint = { cursor?: string; exhausted?: boolean; enqueued?: boolean };

export async function enqueueCrawl(options: EnqueueOptions): Promise<EnqueueSummary> {
  const { db, boss, source, limit = Infinity, runtimes, resume = true, batchSize = 500, onEvent = () => {} } = options;
  const started = Date.now();
  const { run, resumed, earlier, seen, pending } = await openRun(db, {
    source, sourceLabel: options.sourceLabel, limit, runtimes, resume, keyExtra: { queue: true }, recorded: { timeoutMs: options.timeoutMs },
  });
  onEvent({ type: 'run', runId: run.id, resumed, alreadyDone: earlier.length - pending.length, pending: pending.length });

  const job = (serverId: number, name: string, launch: unknown): PgBoss.JobInsert<CrawlJobData> => ({
    id: crawlJobId(run.id, serverId), name: CRAWL_QUEUE,
    data: { runId: run.id, serverId, name, launch: launch ?? null, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
    retryLimit: options.retryLimit ?? 2, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true,
    expireInSeconds: options.leaseSeconds ?? 900,
  });
  let batch: PgBoss.JobInsert<CrawlJobData>[] = [];
  let jobs = 0;
  const flush = async () => {
    if (!batch.length) return;
    await boss.insert(batch);
    jobs += batch.length;
    batch = [];
    onEvent({ type: 'enqueued', jobs });
  };
  for (const p of pending) batch.push(job(p.serverId, p.name, p.launch));
  await flush();

  let selected = earlier.length;
  let rejected = 0;
  const checkpoint = (run.checkpoint ?? {}) as Checkpoint;
  let exhausted = !!checkpoint.exhausted;
  let cursor = checkpoint.cursor;
  if (!exhausted && selected < limit) {
    exhausted = true;
    outer: for await (const page of source.pages(checkpoint.cursor)) {
      rejected += page.rejected.length;
      let full = false;
      // one transaction a page: one commit (one WAL flush) for its servers rather than several for each
      await db.transaction(async (tx) => {
        for (const entry of page.entries) {
          if (selected >= limit) { full = true; return; }
          if (runtimes && !runtimes.includes(entry.server.runtime)) continue;
          let stored: Awaited<ReturnType<typeof storeEntry>>;
          try {
            // a savepoint per entry: one record the database refuses costs that record, not the page
            stored = await tx.transaction((sp) => storeEntry(sp as unknown as Db, entry));
          } catch (error) {
            rejected++;
            onEvent({ type: 'rejected', reason: rejectionReason(entry.sourceKey, error) });
            continue;
          }
          const { id } = stored;
          if (seen.has(id)) continue;
          seen.add(id);
          await recordAttempt(tx as unknown as Db, run.id, id, { status: 'pending' });
          selected++;
          batch.push(job(id, stored.entry.server.name, stored.entry.server.launch));
        }
      });
      await flush(); // jobs once their servers are committed, and before the checkpoint that passes them
      if (full) { exhausted = false; break outer; }
      cursor = page.nextCursor;
      await saveCheckpoint(db, run.id, { cursor, exhausted: cursor === undefined });
    }
  }
  await flush();
  await saveCheckpoint(db, run.id, { cursor, exhausted, enqueued: true } satisfies Checkpoint);
  // Workers may have finished every job while enumeration went on: then the run ends here.
  await finishRunIfDone(db, boss, run.id, options.afterRun);
  return { runId: run.id, resumed, selected, jobs, alreadyDone: earlier.length - pending.length, rejectedRecords: rejected, durationMs: Date.now() - started };
}
