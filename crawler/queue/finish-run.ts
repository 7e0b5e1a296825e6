// The end of a queued run: when it is fully enqueued and none of its jobs is left, one process (whichever flips
// the run from running to finishing first) runs the next stage it was given (the CLI passes the classifier: the
// crawler knows nothing of risk) and marks the run completed with its summary.
// Every worker checks after each job it finishes, and the enqueuer after enqueuing, so the last one to finish ends it.
import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { attemptCounts, finishRun } from '../../db/queries/crawl-runs.ts';
import { crawlAttempts, crawlRuns } from '../../db/schema.ts';
import { jobsWaiting, unfinishedJobs } from './crawl-queue.ts';

export interface QueuedRunSummary {
  runId: number;
  queued: true;
  selected: number;
  toolsFound: number;
  byStatus: Record<string, number>;
  /** Tool versions classified at the end of the run (by `afterRun`). */
  classified: number;
  durationMs: number;
}

/** What runs once a queued run's last job is done, before it is marked completed: gives the tool versions classified. */
export type AfterRun = (db: Db) => Promise<number>;

/** Ends the run when it is done; gives its summary when this call ended it. */
export async function finishRunIfDone(db: Db, boss: PgBoss, runId: number, afterRun?: AfterRun): Promise<QueuedRunSummary | undefined> {
  if (await jobsWaiting(boss, runId)) return undefined;
  const [run] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, runId));
  if (!run || run.status !== 'running' || !(run.checkpoint as { enqueued?: boolean } | null)?.enqueued) return undefined;
  if ((await unfinishedJobs(boss, runId)) > 0) return undefined;
  const claimed = await db.update(crawlRuns).set({ status: 'finishing' })
    .where(and(eq(crawlRuns.id, runId), eq(crawlRuns.status, 'running'))).returning({ id: crawlRuns.id });
  if (!claimed.length) return undefined;
  try {
    const classified = afterRun ? await afterRun(db) : 0;
    const byStatus = await attemptCounts(db, runId);
    const [{ tools }] = await db.select({ tools: sql<number>`coalesce(sum(${crawlAttempts.toolCount}), 0)::int` })
      .from(crawlAttempts).where(eq(crawlAttempts.runId, runId));
    const summary: QueuedRunSummary = {
      runId, queued: true, selected: Object.values(byStatus).reduce((a, b) => a + b, 0), toolsFound: tools, byStatus,
      classified, durationMs: Date.now() - run.startedAt.getTime(),
    };
    await finishRun(db, runId, 'completed', summary);
    return summary;
  } catch (error) {
    // back to running: the next worker to finish a job, or `crawl --queue` run again, ends it
    await db.update(crawlRuns).set({ status: 'running' }).where(eq(crawlRuns.id, runId)).catch(() => {});
    throw error;
  }
}
