// The distributed crawl in one test process, on the machine's real PostgreSQL (a fresh database per test): pg-boss
// jobs, real npm installs from a local registry of fixture packages, real sandboxed listings.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDatabase } from '../../classifier/classify-db.ts';
import { crawl } from '../../crawler/crawl.ts';
import { BOSS_SCHEMA, CRAWL_QUEUE, openCrawlQueue } from '../../crawler/queue/crawl-queue.ts';
import { enqueueCrawl } from '../../crawler/queue/enqueue.ts';
import { queueStatus } from '../../crawler/queue/queue-status.ts';
import { runWorker, type WorkerEvent } from '../../crawler/queue/worker.ts';
import { listFileSource } from '../../crawler/sources/list-file.ts';
import { openDb, type Database } from '../../db/client.ts';
import { catalogueSnapshot } from '../helpers/catalogue-snapshot.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { FIXTURE_PACKAGES } from '../fixtures/packages/catalogue.ts';
import { startNpmRegistry } from '../helpers/npm-registry.ts';

const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-queue-'));
chmodSync(dir, 0o755); // the sandboxed server runs as nobody and must reach its scratch dir
const list = join(dir, 'servers.txt');
writeFileSync(list, [
  'npm:fixture-versions@1.2.0', 'npm:@fixture/subcommand@1.0.0', 'npm:fixture-multibin@1.0.0',
  'npm:fixture-not-published@0.1.0', 'npm:fixture-creds@1.0.0',
].join('\n'));
const SERVERS = 5;
let registry: Awaited<ReturnType<typeof startNpmRegistry>>;
beforeAll(async () => { registry = await startNpmRegistry(FIXTURE_PACKAGES); });
afterAll(async () => { await registry?.close(); rmSync(dir, { recursive: true, force: true }); });

const attemptOptions = () => ({ cacheDir: join(dir, 'cache'), workDir: join(dir, 'work'), timeoutMs: 30_000, npmRegistry: registry.url });

/** A fresh database with the catalogue migrated, and pg-boss opened on it; everything closed and dropped after. */
async function fresh() {
  const created = await createTestDatabase();
  const database = await openDb({ databaseUrl: created.url });
  const bosses: PgBoss[] = [];
  const boss = async () => { const b = await openCrawlQueue({ databaseUrl: created.url, maintenanceIntervalSeconds: 1 }); bosses.push(b); return b; };
  return {
    url: created.url, database, boss,
    async close() {
      for (const b of bosses) await b.stop({ graceful: false, wait: true });
      await database.close();
      await created.drop();
    },
  };
}

const jobsOfRun = async (boss: PgBoss, runId: number) => (await boss.getDb().executeSql(
  `select id, state from ${BOSS_SCHEMA}.job where name = $1 and (data->>'runId')::int = $2`, [CRAWL_QUEUE, runId])).rows;

describe('crawl --queue and workers (pg-boss)', () => {
  it('enqueues one job per server; enqueuing the same crawl again adds none, and a fresh run gets its own', async () => {
    const t = await fresh();
    try {
      const boss = await t.boss();
      const first = await enqueueCrawl({ db: t.database.db, boss, source: listFileSource({ file: list }), sourceLabel: list });
      expect(first).toMatchObject({ resumed: false, selected: SERVERS, jobs: SERVERS });
      const again = await enqueueCrawl({ db: t.database.db, boss, source: listFileSource({ file: list }), sourceLabel: list });
      expect(again).toMatchObject({ runId: first.runId, resumed: true, selected: SERVERS });
      expect(await jobsOfRun(boss, first.runId)).toHaveLength(SERVERS);
      const status = await queueStatus(boss);
      expect(status).toEqual([expect.objectContaining({ runId: first.runId, status: 'running', queued: SERVERS, active: 0, done: 0 })]);
      const other = await enqueueCrawl({ db: t.database.db, boss, source: listFileSource({ file: list }), sourceLabel: list, resume: false });
      expect(other.runId).not.toBe(first.runId);
      expect(await jobsOfRun(boss, other.runId)).toHaveLength(SERVERS);
      expect(await jobsOfRun(boss, first.runId)).toHaveLength(SERVERS);
    } finally {
      await t.close();
    }
  });

  it('two workers share one run, carry on after their database connections are cut, and end with what the single-process crawl stores', async () => {
    const queued = await fresh();
    const single = await fresh();
    try {
      const enqueued = await enqueueCrawl({ db: queued.database.db, boss: await queued.boss(), source: listFileSource({ file: list }), sourceLabel: list, retryDelaySeconds: 1,
        // a job taken just as its connection was cut may be left active with no worker: its lease recovers it
        leaseSeconds: 20 });
      const events: WorkerEvent[][] = [[], []];
      // A second connection to the same database, as another machine would have.
      const other = await openDb({ databaseUrl: queued.url, migrate: false });
      let cut = 0;
      const admin = postgres(queued.url, { max: 1, onnotice: () => {} });
      const dbName = new URL(queued.url).pathname.slice(1);
      try {
        const workers = [queued.database.db, other.db].map(async (db, i) => runWorker({
          db, boss: await queued.boss(), concurrency: 1, exitWhenIdle: true, ...attemptOptions(), workerId: `worker-${i}`,
          afterRun: async (d) => (await classifyDatabase(d)).classified,
          onEvent: async (e) => {
            events[i].push(e);
            // the first job done: every other backend of this database is terminated, as a PostgreSQL restart would
            if (e.type === 'job' && cut++ === 0) {
              await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
            }
          },
        }));
        const summaries = await Promise.all(workers);
        expect(summaries.map((s) => s.jobs).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(SERVERS);
        expect(summaries.every((s) => s.jobs >= 1)).toBe(true);
      } finally {
        await admin.end();
        await other.close();
      }
      // a server broken by its own fault is tried once
      const notFound = events.flat().filter((e) => e.type === 'job' && e.server === 'npm:fixture-not-published');
      expect(notFound).toEqual([expect.objectContaining({ status: 'package_not_found', retry: false, tryNumber: 1 })]);
      const finished = events.flat().filter((e) => e.type === 'run-finished');
      expect(finished).toHaveLength(1);
      const [run] = (await queued.database.db.execute(`select status, summary from crawl_runs where id = ${enqueued.runId}`) as unknown as { status: string; summary: { byStatus: Record<string, number> } }[]);
      expect(run.status).toBe('completed');
      expect(run.summary.byStatus).toEqual({ ok: 3, package_not_found: 1, needs_credentials: 1 });

      await crawl({ db: single.database.db, source: listFileSource({ file: list }), sourceLabel: list, concurrency: 2, ...attemptOptions() });
      await classifyDatabase(single.database.db);
      const a = await catalogueSnapshot(queued.database.db);
      const b = await catalogueSnapshot(single.database.db);
      expect(a.attempts).toHaveLength(SERVERS);
      expect(a.toolVersions.length).toBeGreaterThanOrEqual(4);
      expect(a.classifications).toHaveLength(a.toolVersions.length);
      expect(a).toEqual(b);
    } finally {
      await queued.close();
      await single.close();
    }
  });

  /** One fixture server enqueued from a list file, with these queue options. */
  const enqueueOne = (db: Parameters<typeof enqueueCrawl>[0]['db'], boss: Parameters<typeof enqueueCrawl>[0]['boss'], opts: Partial<Parameters<typeof enqueueCrawl>[0]>) => {
    const one = join(dir, 'one.txt');
    writeFileSync(one, 'npm:fixture-versions@1.2.0\n');
    return enqueueCrawl({ db, boss, source: listFileSource({ file: one }), sourceLabel: one, ...opts });
  };

  it('retries an unreachable registry up to the cap, then records the last error as the attempt', async () => {
    const t = await fresh();
    try {
      const boss = await t.boss();
      const { runId } = await enqueueOne(t.database.db, boss, { retryLimit: 1, retryDelaySeconds: 1 });
      const events: WorkerEvent[] = [];
      // nothing listens on port 9: the registry cannot be reached
      await runWorker({ db: t.database.db, boss, concurrency: 1, exitWhenIdle: true, ...attemptOptions(), npmRegistry: 'http://127.0.0.1:9', onEvent: (e) => events.push(e) });
      expect(events.filter((e) => e.type === 'job')).toEqual([
        expect.objectContaining({ status: 'install_failed', retry: true, tryNumber: 1 }),
        expect.objectContaining({ status: 'install_failed', retry: false, tryNumber: 2 }),
      ]);
      const rows = await t.database.db.execute(`select status, error_kind, error from crawl_attempts where run_id = ${runId}`) as unknown as { status: string; error_kind: string; error: string }[];
      expect(rows).toEqual([{ status: 'install_failed', error_kind: 'E_REGISTRY', error: expect.stringContaining('cannot read fixture-versions\'s releases from http://127.0.0.1:9/') }]);
      expect(await queueStatus(boss)).toEqual([expect.objectContaining({ runId, status: 'completed', done: 1, failed: 0 })]);
    } finally {
      await t.close();
    }
  });

  it('records a job whose every lease ran out (its worker killed each time) as a failed attempt, worker_lost', async () => {
    const t = await fresh();
    try {
      const boss = await t.boss();
      const { runId } = await enqueueOne(t.database.db, boss, { retryLimit: 0, leaseSeconds: 1 });
      // what a worker killed mid-job leaves: the job taken, its lease running, nobody to finish it
      expect(await boss.fetch(CRAWL_QUEUE)).toHaveLength(1);
      const events: WorkerEvent[] = [];
      await runWorker({ db: t.database.db, boss, concurrency: 1, exitWhenIdle: true, ...attemptOptions(), onEvent: (e) => events.push(e) });
      expect(events.map((e) => e.type)).toEqual(['lost', 'run-finished']);
      const rows = await t.database.db.execute(`select status, error_kind, error from crawl_attempts where run_id = ${runId}`) as unknown as { status: string; error_kind: string; error: string }[];
      expect(rows).toEqual([{ status: 'worker_lost', error_kind: 'E_LEASE_EXPIRED', error: 'no worker finished this server within its lease in 1 try (last: job failed by timeout in active state)' }]);
      expect(await queueStatus(boss)).toEqual([expect.objectContaining({ runId, status: 'completed', failed: 1, lost: 0 })]);
    } finally {
      await t.close();
    }
  });
});
