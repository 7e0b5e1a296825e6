// What `mcp-risk queue` shows: per run, its jobs by state (pg-boss's live table and its archive), and the oldest
// job in hand with the worker holding it (workers write their id into the attempt row when they take a job).
import type PgBoss from 'pg-boss';
import { BOSS_SCHEMA, CRAWL_QUEUE, LOST_QUEUE } from './crawl-queue.ts';

export interface RunQueueStatus {
  runId: number;
  /** The run's own status: running, finishing, completed, failed. */
  status: string | null;
  queued: number;
  active: number;
  retrying: number;
  done: number;
  failed: number;
  /** Dead letters (every try's lease ran out) not yet recorded as attempts. */
  lost: number;
  oldestActive?: { server: string; startedAt: string; worker: string | null; try: number };
}

const STATE: Record<string, keyof Pick<RunQueueStatus, 'queued' | 'active' | 'retrying' | 'done' | 'failed'>> = {
  created: 'queued', retry: 'retrying', active: 'active', completed: 'done', cancelled: 'failed', failed: 'failed',
};

export async function queueStatus(boss: PgBoss): Promise<RunQueueStatus[]> {
  const db = boss.getDb();
  const { rows } = await db.executeSql(`
    select (data->>'runId')::int as run_id, name, state::text as state, count(*)::int as n from (
      select name, data, state from ${BOSS_SCHEMA}.job where name in ($1, $2)
      union all select name, data, state from ${BOSS_SCHEMA}.archive where name in ($1, $2)
    ) j group by 1, 2, 3`, [CRAWL_QUEUE, LOST_QUEUE]);
  const runs = new Map<number, RunQueueStatus>();
  const of = (runId: number) => {
    let run = runs.get(runId);
    if (!run) runs.set(runId, run = { runId, status: null, queued: 0, active: 0, retrying: 0, done: 0, failed: 0, lost: 0 });
    return run;
  };
  for (const r of rows as { run_id: number; name: string; state: string; n: number }[]) {
    if (r.name === LOST_QUEUE) { if (r.state !== 'completed') of(r.run_id).lost += r.n; continue; }
    of(r.run_id)[STATE[r.state]] += r.n;
  }
  if (!runs.size) return [];
  const ids = [...runs.keys()];
  const statuses = await db.executeSql('select id, status from crawl_runs where id = any($1::int[])', [ids]);
  for (const s of statuses.rows as { id: number; status: string }[]) of(s.id).status = s.status;
  const oldest = await db.executeSql(`
    select distinct on ((j.data->>'runId')::int) (j.data->>'runId')::int as run_id, j.data->>'name' as server,
      j.started_on, j.retry_count, a.details->>'worker' as worker
    from ${BOSS_SCHEMA}.job j
    left join crawl_attempts a on a.run_id = (j.data->>'runId')::int and a.server_id = (j.data->>'serverId')::int and a.status = 'pending'
    where j.name = $1 and j.state = 'active'
    order by (j.data->>'runId')::int, j.started_on`, [CRAWL_QUEUE]);
  for (const o of oldest.rows as { run_id: number; server: string; started_on: Date; retry_count: number; worker: string | null }[]) {
    of(o.run_id).oldestActive = { server: o.server, startedAt: new Date(o.started_on).toISOString(), worker: o.worker, try: o.retry_count + 1 };
  }
  return [...runs.values()].sort((a, b) => b.runId - a.runId);
}
