// The job engine the distributed crawl runs on: pg-boss, over the PostgreSQL the catalogue lives in (it owns its
// schema `pgboss`: jobs, leases, retries, the dead-letter queue). One job per server of a run; its id is derived
// from (run, server), so enqueuing the same server twice into one run is a no-op.
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';

/** Jobs: list one server of one run. */
export const CRAWL_QUEUE = 'mcp_risk_crawl';
/** Dead letters: crawl jobs whose tries (leases) all ran out, to be recorded as failed attempts. */
export const LOST_QUEUE = 'mcp_risk_crawl_lost';
/** pg-boss's schema. */
export const BOSS_SCHEMA = 'pgboss';

/** What a crawl job carries: the server is read from the database by id when the job runs. */
export interface CrawlJobData {
  runId: number;
  serverId: number;
  /** The server's name, for `mcp-risk queue` and logs. */
  name: string;
  /** Its launch recipe as enumerated (as the single-process crawl lists it); read from the database when absent. */
  launch?: unknown;
  /** The run's per-server listing limit (crawl --timeout). */
  timeoutMs?: number;
}

export interface CrawlQueueOptions {
  /** postgres:// URL of the catalogue's database. */
  databaseUrl: string;
  /** pg-boss's own connection pool size. @default 2 */
  maxConnections?: number;
  /** How often this process looks for expired leases (jobs of killed workers) and archives old jobs, in seconds. @default 30 */
  maintenanceIntervalSeconds?: number;
  /** Connection and maintenance errors: pg-boss reconnects by itself, so they are reported, not thrown. @default ignored */
  onError?: (error: Error) => void;
}

/** Starts pg-boss (installing or upgrading its schema when needed) with the crawl's two queues in place. */
export async function openCrawlQueue(options: CrawlQueueOptions): Promise<PgBoss> {
  const { databaseUrl, maxConnections = 2, maintenanceIntervalSeconds = 30, onError = () => {} } = options;
  const boss = new PgBoss({
    connectionString: databaseUrl, max: maxConnections, schema: BOSS_SCHEMA, application_name: 'mcp-risk',
    schedule: false, supervise: true, maintenanceIntervalSeconds,
  });
  boss.on('error', onError);
  await boss.start();
  await ensureQueue(boss, LOST_QUEUE, {});
  await ensureQueue(boss, CRAWL_QUEUE, { deadLetter: LOST_QUEUE });
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, ...options });
      return;
    } catch (error) {
      if (attempt >= 2) throw error; // another process creating it at the same moment: look again
    }
  }
}

/** A UUID-shaped id that is a function of (run, server): the job key. */
export function crawlJobId(runId: number, serverId: number): string {
  const hex = createHash('sha1').update(`mcp-risk crawl job ${runId}/${serverId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Whether a job of the run is still queued or waiting to be retried: through pg-boss's fetch index (state < active),
 * so cheap while most jobs wait; checked after every job before the exact count below, which reads the whole queue.
 */
export async function jobsWaiting(boss: PgBoss, runId: number): Promise<boolean> {
  const { rows } = await boss.getDb().executeSql(
    `select exists (select 1 from ${BOSS_SCHEMA}.job where name = $1 and state < 'active' and (data->>'runId')::int = $2) as waiting`,
    [CRAWL_QUEUE, runId],
  );
  return rows[0].waiting as boolean;
}

/** Jobs of a run not yet finished (queued, retrying, active, or dead letters not yet recorded). */
export async function unfinishedJobs(boss: PgBoss, runId?: number): Promise<number> {
  const { rows } = await boss.getDb().executeSql(
    `select count(*)::int as n from ${BOSS_SCHEMA}.job where name in ($1, $2) and state < 'completed'${runId === undefined ? '' : ` and (data->>'runId')::int = $3`}`,
    runId === undefined ? [CRAWL_QUEUE, LOST_QUEUE] : [CRAWL_QUEUE, LOST_QUEUE, runId],
  );
  return rows[0].n as number;
}
