// mcp-risk crawl --queue [--wait]: enumerate and enqueue one job per server on pg-boss, print the run id and the job
// count, and with --wait follow the run until it ends (workers, anywhere, do the listing).
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { openCrawlQueue } from '../crawler/queue/crawl-queue.ts';
import { enqueueCrawl, type EnqueueSummary } from '../crawler/queue/enqueue.ts';
import { finishRunIfDone } from '../crawler/queue/finish-run.ts';
import type { Db } from '../db/client.ts';
import { queueStatus, type RunQueueStatus } from '../crawler/queue/queue-status.ts';
import { lastCompletedRunStart } from '../db/queries/crawl-runs.ts';
import { crawlRuns } from '../db/schema.ts';
import { classifyDatabase } from '../classifier/classify-db.ts';
import { type Io, withDb } from './io.ts';
import { describeRunStatus } from './queue.ts';
import { requirePostgres } from './require-postgres.ts';
import { chooseSources, type SourceFlags } from './sources.ts';

/** The crawl options a queued crawl reads (cli/crawl.ts parses them). */
export interface QueuedCrawlFlags extends SourceFlags {
  json: boolean; wait: boolean; fresh: boolean; incremental: boolean; limit?: number; runtimes?: string[];
  timeoutMs: number; retries: number; retryDelaySeconds: number; leaseSeconds: number;
}

/** How often --wait looks at the run. */
const WAIT_POLL_MS = 1000;

export async function runQueuedCrawl(opts: QueuedCrawlFlags, io: Io): Promise<number> {
  const databaseUrl = requirePostgres(io.config, 'crawl --queue');
  const afterRun = async (db: Db) => (await classifyDatabase(db)).classified;
  return withDb(io.config, async (database) => {
    const boss = await openCrawlQueue({ databaseUrl, onError: (e) => io.stderr.write(`queue: ${e.message}\n`) });
    try {
      const label = chooseSources(opts, io).label;
      const since = opts.incremental ? await lastCompletedRunStart(database.db, label) : undefined;
      const { source } = chooseSources({ ...opts, updatedSince: since?.toISOString() }, io);
      const enqueued = await enqueueCrawl({
        db: database.db, boss, source, sourceLabel: label, limit: opts.limit, runtimes: opts.runtimes, resume: !opts.fresh,
        timeoutMs: opts.timeoutMs, retryLimit: opts.retries, retryDelaySeconds: opts.retryDelaySeconds, leaseSeconds: opts.leaseSeconds,
        afterRun,
        // as the single-process crawl says it: a record the database refused, skipped alone
        onEvent: (event) => { if (event.type === 'rejected') io.stderr.write(`skipped an unreadable record: ${event.reason}\n`); },
      });
      const line = describeEnqueued(enqueued);
      if (!opts.wait) {
        io.stdout.write(opts.json ? `${JSON.stringify(enqueued, null, 2)}\n` : line);
        return 0;
      }
      (opts.json ? io.stderr : io.stdout).write(line);
      let last = '';
      for (;;) {
        await finishRunIfDone(database.db, boss, enqueued.runId, afterRun); // in case no worker is left to end it
        const [run] = await database.db.select().from(crawlRuns).where(eq(crawlRuns.id, enqueued.runId));
        const status = (await queueStatus(boss)).find((s) => s.runId === enqueued.runId);
        const now = status ? describeRunStatus(status) : `run ${enqueued.runId}: no jobs`;
        if (now !== last) { (opts.json ? io.stderr : io.stdout).write(`${now}\n`); last = now; }
        if (run.status === 'completed' || run.status === 'failed') {
          io.stdout.write(opts.json ? `${JSON.stringify({ ...enqueued, status: run.status, summary: run.summary }, null, 2)}\n` : `crawl run ${run.id} ${run.status}: ${JSON.stringify((run.summary as { byStatus?: unknown } | null)?.byStatus ?? {})}\n`);
          return run.status === 'completed' ? 0 : 1;
        }
        await sleep(WAIT_POLL_MS);
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
}

export function describeEnqueued(s: EnqueueSummary): string {
  return `crawl run ${s.runId}${s.resumed ? ' (resumed)' : ''}: ${s.jobs} jobs enqueued, ${s.selected} servers in the run`
    + `${s.alreadyDone ? `, ${s.alreadyDone} done before` : ''}; start workers with: mcp-risk worker\n`;
}

export type { RunQueueStatus };
