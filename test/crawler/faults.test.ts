// One crawl over a client config that runs every hostile server: each ends in a recorded attempt with
// a clear status while the run goes on, secrets stay outside, nothing escapes, nothing is left running.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlSummary } from '../../crawler/crawl.ts';
import { clientConfigSource } from '../../crawler/sources/client-configs.ts';
import { openDb, type Database } from '../../db/client.ts';
import { currentTools } from '../../db/queries/tool-listing.ts';
import { crawlAttempts, servers } from '../../db/schema.ts';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const MEMORY = fileURLToPath(new URL('../../node_modules/@modelcontextprotocol/server-memory/dist/index.js', import.meta.url));
const marker = `mcp-risk-faults-${process.pid}-${Date.now()}`;
const hostMarker = join(tmpdir(), `${marker}-written`);

const node = (script: string, ...args: string[]) => ({ command: process.execPath, args: [join(HOSTILE, script), ...args] });
const entries: Record<string, { command: string; args: string[]; env?: Record<string, string> }> = {
  'hang-initialize': node('hang-initialize.mjs'),
  'hang-tools-list': node('hang-tools-list.mjs'),
  'exit-at-once': node('exit-at-once.mjs'),
  'crash-mid-listing': node('crash-mid-listing.mjs'),
  garbage: node('garbage.mjs'),
  flood: node('flood.mjs'),
  'ten-thousand-tools': node('ten-thousand-tools.mjs'),
  'endless-cursor': node('endless-cursor.mjs'),
  'bad-schemas': node('bad-schemas.mjs'),
  duplicates: node('duplicates.mjs'),
  escapee: node('escapee.mjs', marker),
  'connect-out': node('connect-out.mjs', '127.0.0.1:5432'),
  'env-reader': node('env-reader.mjs'),
  'write-outside': node('write-outside.mjs', hostMarker),
  'one-byte-per-second': node('one-byte-per-second.mjs'),
  memory: { command: process.execPath, args: [MEMORY], env: { MEMORY_FILE_PATH: 'memory.jsonl' } },
};
const expected: Record<string, string> = {
  // exit-at-once says "SOME_API_KEY is not set" before exiting: its stderr proves it needs credentials.
  'hang-initialize': 'timeout', 'hang-tools-list': 'timeout', 'exit-at-once': 'needs_credentials', 'crash-mid-listing': 'crashed',
  garbage: 'protocol_error', flood: 'output_limit', 'ten-thousand-tools': 'ok', 'endless-cursor': 'ok', 'bad-schemas': 'ok',
  duplicates: 'ok', escapee: 'ok', 'connect-out': 'ok', 'env-reader': 'ok', 'write-outside': 'ok', 'one-byte-per-second': 'timeout', memory: 'ok',
};

describe('a crawl over hostile servers', () => {
  let database: Database;
  let summary: CrawlSummary;
  const rows = new Map<string, { id: number; status: string; error: string | null; toolCount: number | null; details: unknown }>();
  const saved = { DATABASE_URL: process.env.DATABASE_URL, OPENAI_API_KEY: process.env.OPENAI_API_KEY };

  beforeAll(async () => {
    process.env.DATABASE_URL = 'postgres://secret-user:hunter2@db.internal/prod';
    process.env.OPENAI_API_KEY = 'sk-test-must-not-leak-0123456789';
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-faults-'));
    chmodSync(dir, 0o755);
    const config = join(dir, 'claude_desktop_config.json');
    writeFileSync(config, JSON.stringify({ mcpServers: entries }));
    database = await openDb({ dataDir: 'memory://' });
    summary = await crawl({
      // 20 s: endless-cursor's 50 sandboxed round trips must fit in one listing's budget on a 2-core machine at load 14
      db: database.db, source: clientConfigSource({ files: [config] }), concurrency: 4, timeoutMs: 20_000,
      cacheDir: join(dir, 'cache'), workDir: join(dir, 'work'),
    });
    const all = await database.db.select({ id: servers.id, title: servers.title, name: servers.name, status: crawlAttempts.status, error: crawlAttempts.error, toolCount: crawlAttempts.toolCount, details: crawlAttempts.details })
      .from(crawlAttempts).innerJoin(servers, eq(servers.id, crawlAttempts.serverId));
    if (process.env.FAULTS_DEBUG) console.log(all.map((r) => `${r.title} ${r.status} ${JSON.stringify(r.details)?.slice(0, 80)}`).join('\n'));
    for (const r of all) rows.set(Object.keys(entries).find((k) => r.name.endsWith(`:${k}`) || r.title === k) ?? r.name, r);
  }, 180_000);
  afterAll(async () => {
    Object.assign(process.env, saved);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    await database?.close();
  });

  it('records one attempt per server, each with the status its fault deserves, and completes the run', () => {
    expect(summary.selected).toBe(Object.keys(entries).length);
    expect(Object.fromEntries([...rows].map(([k, r]) => [k, r.status]))).toEqual(expected);
    for (const [name, r] of rows) if (r.status !== 'ok') expect(r.error, name).toMatch(/\S/);
    expect(rows.get('hang-initialize')!.error).toMatch(/initialize/);
    expect(rows.get('hang-tools-list')!.error).toMatch(/tools\/list/);
    expect(rows.get('crash-mid-listing')!.error).toMatch(/segfault-like crash/);
  });

  it('keeps what can be kept and flags what was cut', async () => {
    expect(rows.get('ten-thousand-tools')!.toolCount).toBe(5000);
    expect(JSON.stringify(rows.get('ten-thousand-tools')!.details)).toMatch(/stopped at 5000 tools/);
    expect(rows.get('endless-cursor')!.toolCount).toBe(50);
    expect(JSON.stringify(rows.get('endless-cursor')!.details)).toMatch(/stopped after 50 pages/);
    const bad = await currentTools(database.db, [rows.get('bad-schemas')!.id]);
    expect(bad.length).toBeGreaterThan(0);
    expect(rows.get('memory')!.toolCount).toBeGreaterThanOrEqual(9);
  });

  it('contains the servers: no secrets, no network, no writes on the host, no process left behind', async () => {
    const env = await currentTools(database.db, [rows.get('env-reader')!.id]);
    const text = JSON.stringify(env.map((t) => t.definition));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('sk-test-must-not-leak');
    expect(env.find((t) => t.name === 'leaked')?.definition).toMatchObject({ description: 'none' });
    const probe = await currentTools(database.db, [rows.get('connect-out')!.id]);
    expect((probe[0].definition as { description: string }).description).toMatch(/127\.0\.0\.1:5432 -> failed/);
    expect(existsSync(hostMarker)).toBe(false);
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(HOSTILE) || l.includes(marker));
    expect(ps.filter((l) => !l.startsWith('ps '))).toEqual([]);
  });
});
