// A crawl worker: takes jobs from pg-boss and runs the single-process crawl's attempt code on each (runAttempt:
// install, list in the sandbox, store, record the attempt). pg-boss owns the leases and the retries; the crawler's
// error classes decide whether a failure is retried: a server broken by its own fault is recorded and done, an
// unreachable registry or a timeout is handed back for another try (up to the job's cap), and a worker killed
// mid-job loses its lease, so another worker tries again. Jobs whose tries all ran out reach the dead-letter
// queue, where a worker records them as failed attempts with their last error.
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import { recordAttempt } from '../../db/queries/crawl-runs.ts';
import { crawlAttempts, servers } from '../../db/schema.ts';
import type { AttemptOptions } from '../attempt-types.ts';
import type { Launch } from '../launch.ts';
import { prepareListing } from '../prepare-listing.ts';
import { runAttempt } from '../run-attempt.ts';
import { CRAWL_QUEUE, LOST_QUEUE, unfinishedJobs, type CrawlJobData } from './crawl-queue.ts';
import { finishRunIfDone, type AfterRun, type QueuedRunSummary } from './finish-run.ts';

export interface WorkerOptions extends AttemptOptions {
  db: Db;
  boss: PgBoss;
  /** Jobs worked at once. @default 2 */
  concurrency?: number;
  /** Return once no job of any run is queued, retrying or active (anywhere). @default false: wait for more */
  exitWhenIdle?: boolean;
  /** How long an idle slot waits before asking for a job again, in ms. @default 250 */
  pollIntervalMs?: number;
  /** Aborting it (SIGTERM) stops taking jobs; the jobs in hand are finished first. */
  signal?: AbortSignal;
  /** Who this worker is, shown by `mcp-risk queue`. @default host:pid */
  workerId?: string;
  /** Run by the worker that finishes a run's last job, e.g. the classifier over the catalogue. @default nothing */
  afterRun?: AfterRun;
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'job'; runId: number; server: string; status: string; toolCount: number; durationMs: number; error?: string; retry: boolean; tryNumber: number }
  | { type: 'lost'; runId: number; server: string; error: string }
  | { type: 'run-finished'; summary: QueuedRunSummary }
  | { type: 'error'; error: Error };

export interface WorkerSummary { jobs: number; retried: number; lost: number; durationMs: number }

type Job = PgBoss.JobWithMetadata<CrawlJobData>;

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { db, boss, concurrency = 2, exitWhenIdle = false, pollIntervalMs = 250, signal, onEvent = () => {} } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const started = Date.now();
  const summary: WorkerSummary = { jobs: 0, retried: 0, lost: 0, durationMs: 0 };
  await prepareListing(options);

  const fetchOne = async (queue: string): Promise<Job | undefined> =>
    (await boss.fetch<CrawlJobData>(queue, { batchSize: 1, includeMetadata: true }))[0];

  const work = async (job: Job) => {
    const { runId, serverId, name } = job.data;
    const [server] = job.data.launch !== undefined ? [{ id: serverId, name, launch: job.data.launch }]
      : await db.select({ id: servers.id, name: servers.name, launch: servers.launch }).from(servers).where(eq(servers.id, serverId));
    if (!server) { await boss.complete(CRAWL_QUEUE, job.id, { status: 'server_gone' }); return; }
    const tryNumber = job.retryCount + 1;
    await recordAttempt(db, runId, serverId, { status: 'pending', details: { worker: workerId, jobId: job.id, try: tryNumber, startedAt: new Date().toISOString() } });
    const result = await runAttempt(db, runId, { id: server.id, name: server.name, launch: server.launch as Launch }, { ...options, timeoutMs: job.data.timeoutMs ?? options.timeoutMs });
    const retry = result.retryable && job.retryCount < job.retryLimit;
    // the attempt row already holds this try's outcome: a retry overwrites it, and the last try's stays
    if (retry) await boss.fail(CRAWL_QUEUE, job.id, { status: result.status, error: result.error ?? null });
    else await boss.complete(CRAWL_QUEUE, job.id, { status: result.status, toolCount: result.toolCount });
    summary.jobs++;
    if (retry) summary.retried++;
    onEvent({ type: 'job', runId, server: name, status: result.status, toolCount: result.toolCount, durationMs: result.durationMs, error: result.error, retry, tryNumber });
  };

  /** A dead letter: every try's lease ran out (workers killed, or hung past the lease). */
  const recordLost = async (job: Job) => {
    const { runId, serverId, name } = job.data;
    const [row] = await db.select({ status: crawlAttempts.status }).from(crawlAttempts)
      .where(and(eq(crawlAttempts.runId, runId), eq(crawlAttempts.serverId, serverId)));
    const last = (job.output as { message?: string; value?: { message?: string } } | null);
    const tries = job.retryLimit + 1;
    const error = `no worker finished this server within its lease in ${tries} ${tries === 1 ? 'try' : 'tries'} (last: ${last?.value?.message ?? last?.message ?? 'lease expired'})`;
    if (!row || row.status === 'pending') {
      await recordAttempt(db, runId, serverId, { status: 'worker_lost', errorKind: 'E_LEASE_EXPIRED', error });
    }
    await boss.complete(LOST_QUEUE, job.id);
    summary.lost++;
    onEvent({ type: 'lost', runId, server: name, error });
  };

  // The end-of-run check runs beside the next fetch, off the slot's path; the worker waits for them all before it returns.
  const checks = new Set<Promise<void>>();
  const afterJob = (runId: number) => {
    const check = finishRunIfDone(db, boss, runId, options.afterRun)
      .then((finished) => { if (finished) onEvent({ type: 'run-finished', summary: finished }); })
      .catch((error: Error) => onEvent({ type: 'error', error }))
      .finally(() => checks.delete(check));
    checks.add(check);
  };

  const slot = async () => {
    while (!signal?.aborted) {
      let job: Job | undefined;
      let lost = false;
      try {
        job = await fetchOne(CRAWL_QUEUE);
        if (!job) { job = await fetchOne(LOST_QUEUE); lost = !!job; }
        if (!job) {
          // pg-boss's fetch reads a failed query as "no job": ask the job table itself before calling it idle
          if (exitWhenIdle && (await unfinishedJobs(boss)) === 0) { await Promise.all(checks); return; }
          await sleep(pollIntervalMs, undefined, { signal }).catch(() => {});
          continue;
        }
        if (lost) await recordLost(job); else await work(job);
        afterJob(job.data.runId);
      } catch (error) {
        // The database went away mid-job (a restart, a dropped connection): hand the job back for another try if we
        // still can; if not, its lease runs out and pg-boss retries it. Then carry on: both pools reconnect.
        onEvent({ type: 'error', error: error as Error });
        if (job) await boss.fail(lost ? LOST_QUEUE : CRAWL_QUEUE, job.id, { message: (error as Error).message }).catch(() => {});
        await sleep(Math.max(pollIntervalMs, 1000), undefined, { signal }).catch(() => {});
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, slot));
  await Promise.all(checks);
  summary.durationMs = Date.now() - started;
  return summary;
}
