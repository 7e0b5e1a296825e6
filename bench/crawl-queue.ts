// The distributed crawl on this machine: the same list of installed stdio servers crawled by the single-process
// crawl and by 1, 2 and 4 `mcp-risk worker` processes (one machine here, so the figure is throughput per worker
// process), the job queue's overhead per job, and the enqueue rate for 50,000 synthetic servers.
// Needs the machine's PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
// Run: npx tsx bench/crawl-queue.ts [--servers N] [--worker-concurrency N] [--synthetic N] [--synthetic-full N]
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { crawl } from '../crawler/crawl.ts';
import { CRAWL_QUEUE, crawlJobId, openCrawlQueue } from '../crawler/queue/crawl-queue.ts';
import { enqueueCrawl } from '../crawler/queue/enqueue.ts';
import { listFileSource } from '../crawler/sources/list-file.ts';
import { openDb } from '../db/client.ts';
import { createTestDatabase, TEST_POSTGRES_URL } from '../test/helpers/databases.ts';
import { startNpmRegistry, type FixturePackage } from '../test/helpers/npm-registry.ts';
import { BIN } from '../test/helpers/run-cli.ts';

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const SERVERS = arg('servers', 60);
const WORKER_CONCURRENCY = arg('worker-concurrency', 1);
const SYNTHETIC = arg('synthetic', 50_000);
/** The whole crawl --queue path stores every server first (about nine queries each): fewer, to keep the bench short. */
const SYNTHETIC_FULL = arg('synthetic-full', 5_000);

const server = (i: number): FixturePackage => ({
  name: `bench-queue-server-${i}`, releases: [{ version: '1.0.0', bin: 'server.mjs', files: { 'server.mjs': `#!/usr/bin/env node
import { createInterface } from 'node:readline';
const send = (m) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\\n');
createInterface({ input: process.stdin }).on('line', (line) => {
  const m = JSON.parse(line);
  if (m.id === undefined) return;
  if (m.method === 'initialize') return send({ id: m.id, result: { protocolVersion: m.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'bench', version: '1.0.0' } } });
  if (m.method === 'tools/list') return send({ id: m.id, result: { tools: ['get_item_${i}', 'delete_item_${i}', 'send_message_${i}'].map((name) => ({ name, description: 'the ' + name + ' tool', inputSchema: { type: 'object', properties: { id: { type: 'string' } } } })) } });
  send({ id: m.id, error: { code: -32601, message: 'no method ' + m.method } });
});
` } }],
});

/**
 * From the attempt rows, so that process start-up and pg-boss start-up are left out alike: the span from the first
 * attempt's start to the last one's end, and the mean time inside runAttempt.
 */
async function attemptSpan(url: string): Promise<{ spanMs: number; attemptMs: number; ok: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql`select extract(epoch from max(finished_at) - min(finished_at - duration_ms * interval '1 millisecond')) * 1000 as span,
      avg(duration_ms)::float as attempt, count(*) filter (where status = 'ok')::int as ok from crawl_attempts`;
    return { spanMs: Number(r.span), attemptMs: Number(r.attempt), ok: r.ok };
  } finally { await sql.end(); }
}

async function reachable(): Promise<boolean> {
  const sql = postgres(TEST_POSTGRES_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try { await sql`select 1`; return true; } catch { return false; } finally { await sql.end({ timeout: 1 }); }
}

function runWorkers(count: number, env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  return Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', String(WORKER_CONCURRENCY), '--exit-when-idle'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr}`))));
  }))).then(() => performance.now() - t0);
}

const root = mkdtempSync(join(tmpdir(), 'mcp-risk-bench-queue-'));
chmodSync(root, 0o755);
const packages = Array.from({ length: SERVERS }, (_, i) => server(i));
const list = join(root, 'servers.txt');
writeFileSync(list, packages.map((p) => `npm:${p.name}@1.0.0`).join('\n'));
const cacheDir = join(root, 'cache');

console.log(`mcp-risk distributed crawl bench (pg-boss) on ${process.platform} ${process.arch}, node ${process.version}`);
if (!(await reachable())) {
  console.log(`  skipped: no PostgreSQL at ${TEST_POSTGRES_URL}`);
  process.exit(0);
}
const registry = await startNpmRegistry(packages);
try {
  const attempt = { cacheDir, workDir: join(root, 'work'), timeoutMs: 60_000, npmRegistry: registry.url };
  const single = async (label: string, concurrency = WORKER_CONCURRENCY) => {
    const db = await createTestDatabase();
    const database = await openDb({ databaseUrl: db.url });
    try {
      await crawl({ db: database.db, source: listFileSource({ file: list }), sourceLabel: list, concurrency, ...attempt });
      const r = await attemptSpan(db.url);
      if (label) console.log(`${label}: ${r.ok}/${SERVERS} ok in ${(r.spanMs / 1000).toFixed(2)} s: ${(SERVERS / r.spanMs * 1000).toFixed(2)} servers/s (mean attempt ${r.attemptMs.toFixed(0)} ms)`);
      return r;
    } finally { await database.close(); await db.drop(); }
  };
  await single(''); // installs every package into the cache: what follows lists installed packages
  const singleRun = (await single(`single-process crawl, concurrency ${WORKER_CONCURRENCY}`))!;
  const singleMs = singleRun.spanMs;
  // the machine's own headroom, without any queue: the same crawl with twice the concurrency in one process
  const doubled = await single(`single-process crawl, concurrency ${WORKER_CONCURRENCY * 2} (what this machine gives a second listing at once)`, WORKER_CONCURRENCY * 2);
  console.log(`  ${(singleMs / doubled!.spanMs).toFixed(2)}× concurrency ${WORKER_CONCURRENCY}: the ceiling for 2 worker processes here (the listings are CPU-bound: 2 cores, shared)`);

  const queued = async (workers: number) => {
    const db = await createTestDatabase();
    const database = await openDb({ databaseUrl: db.url });
    const boss = await openCrawlQueue({ databaseUrl: db.url });
    const env = { DATABASE_URL: db.url, MCP_RISK_DATA_DIR: join(root, 'data'), MCP_RISK_CACHE_DIR: cacheDir, npm_config_registry: registry.url };
    try {
      await enqueueCrawl({ db: database.db, boss, source: listFileSource({ file: list }), sourceLabel: list, timeoutMs: 60_000 });
      const wall = await runWorkers(workers, env);
      const r = await attemptSpan(db.url);
      return { workers, ms: r.spanMs, ok: r.ok, attemptMs: r.attemptMs, perSecond: SERVERS / r.spanMs * 1000, wall };
    } finally { await boss.stop({ graceful: false }); await database.close(); await db.drop(); }
  };
  const results = [];
  for (const workers of [1, 2, 4]) {
    const r = await queued(workers);
    results.push(r);
    console.log(`queued crawl, ${workers} worker process${workers > 1 ? 'es' : ''} × concurrency ${WORKER_CONCURRENCY}: ${r.ok}/${SERVERS} ok in ${(r.ms / 1000).toFixed(2)} s (${(r.wall / 1000).toFixed(2)} s with process start-up; mean attempt ${r.attemptMs.toFixed(0)} ms): ${r.perSecond.toFixed(2)} servers/s, ${(r.perSecond / workers).toFixed(2)} per worker process; ${(singleMs / r.ms).toFixed(2)}× the single-process crawl, ${(r.perSecond / results[0].perSecond).toFixed(2)}× one worker`);
  }
  // per job, the time that is not the attempt itself: fetch, the server's row, the pending row, complete, the run check
  const queuedOverhead = results[0].ms / SERVERS * WORKER_CONCURRENCY - results[0].attemptMs;
  const singleOverhead = singleMs / SERVERS * WORKER_CONCURRENCY - singleRun.attemptMs;
  console.log(`job-queue overhead: ${queuedOverhead.toFixed(1)} ms per job outside the attempt with 1 worker (the single-process crawl's own: ${singleOverhead.toFixed(1)} ms; difference ${(queuedOverhead - singleOverhead).toFixed(1)} ms)`);
  console.log(`a worker sustains ${Math.round(results[0].perSecond * 86_400).toLocaleString('en')} installed servers/day at concurrency ${WORKER_CONCURRENCY} on this machine`);

  // Enqueue rate: 50,000 synthetic jobs through pg-boss's batch insert, as crawl --queue sends them
  const db = await createTestDatabase();
  const boss = await openCrawlQueue({ databaseUrl: db.url });
  try {
    const t0 = performance.now();
    for (let i = 0; i < SYNTHETIC; i += 500) {
      await boss.insert(Array.from({ length: Math.min(500, SYNTHETIC - i) }, (_, k) => ({
        id: crawlJobId(1, i + k), name: CRAWL_QUEUE, data: { runId: 1, serverId: i + k, name: `npm:synthetic-server-${i + k}` }, retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 900,
      })));
    }
    const s = (performance.now() - t0) / 1000;
    console.log(`enqueue: ${SYNTHETIC.toLocaleString('en')} synthetic jobs in ${s.toFixed(2)} s: ${Math.round(SYNTHETIC / s).toLocaleString('en')} jobs/s (pg-boss insert, batches of 500)`);
    // the whole crawl --queue path: enumerate a list, upsert each server, a pending attempt row, the job
    const synth = join(root, 'synthetic.txt');
    writeFileSync(synth, Array.from({ length: SYNTHETIC_FULL }, (_, i) => `npm:synthetic-server-${i}@1.0.0`).join('\n'));
    const database = await openDb({ databaseUrl: db.url });
    try {
      const t1 = performance.now();
      const e = await enqueueCrawl({ db: database.db, boss, source: listFileSource({ file: synth, pageSize: 1000 }), sourceLabel: synth });
      const s1 = (performance.now() - t1) / 1000;
      console.log(`crawl --queue over a list of ${SYNTHETIC_FULL.toLocaleString('en')} synthetic servers (each stored, given a pending attempt, enqueued): ${e.jobs} jobs in ${s1.toFixed(2)} s: ${Math.round(e.jobs / s1).toLocaleString('en')} servers/s`);
    } finally { await database.close(); }
  } finally { await boss.stop({ graceful: false }); await db.drop(); }
} finally {
  await registry.close();
  rmSync(root, { recursive: true, force: true });
}
