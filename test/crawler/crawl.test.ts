// A crawl over a replayed registry: real npm install, real sandboxed listing, recorded attempts.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { crawl } from '../../crawler/crawl.ts';
import { registrySource } from '../../crawler/sources/registry.ts';
import { openDb, type Database } from '../../db/client.ts';
import { crawlAttempts, servers } from '../../db/schema.ts';
import { currentTools } from '../../db/queries/tool-listing.ts';
import { startRegistryReplay } from '../helpers/registry-replay.ts';
import { memoryServerItem, memoryVersion, registryItem } from '../helpers/registry-items.ts';

const items = [
  memoryServerItem,
  registryItem({ name: 'io.github.example/missing-package', packages: [{ registryType: 'npm', identifier: 'mcp-risk-no-such-package-7f3a9', version: '0.0.1', transport: { type: 'stdio' } }] }),
  registryItem({ name: 'io.github.example/python-only', packages: [{ registryType: 'pypi', identifier: 'mcp-server-time', version: '1.0.0', transport: { type: 'stdio' } }] }),
  registryItem({ name: 'io.github.example/remote-only', remotes: [{ type: 'streamable-http', url: 'https://example.invalid/mcp' }] }),
];

describe('crawl', () => {
  let database: Database;
  let registry: Awaited<ReturnType<typeof startRegistryReplay>>;
  const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-crawl-'));
  chmodSync(dir, 0o755); // the sandboxed server runs as nobody and must reach its scratch dir
  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    registry = await startRegistryReplay({ items: items as never });
  });
  afterAll(async () => { await database?.close(); await registry?.close(); });

  it('records one attempt per server with its status and stores the tools of the one that lists', async () => {
    const events: string[] = [];
    const summary = await crawl({
      db: database.db, source: registrySource({ baseUrl: registry.url }), concurrency: 2, timeoutMs: 30_000,
      cacheDir: join(dir, 'cache'), workDir: join(dir, 'work'), onEvent: (e) => events.push(e.type),
    });
    expect(summary.selected).toBe(4);
    expect(summary.byStatus).toEqual({ ok: 1, package_not_found: 1, unsupported_runtime: 1, unreachable: 1 });
    const rows = await database.db.select({
      name: servers.name, status: crawlAttempts.status, error: crawlAttempts.error, toolCount: crawlAttempts.toolCount, evidence: crawlAttempts.evidence,
      declaredVersion: crawlAttempts.declaredVersion, listedVersion: crawlAttempts.listedVersion, entryPoint: crawlAttempts.entryPoint, networkMode: crawlAttempts.networkMode,
    })
      .from(crawlAttempts).innerJoin(servers, eq(servers.id, crawlAttempts.serverId));
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['io.github.example/missing-package'].error).toBe('the registry has no package mcp-risk-no-such-package-7f3a9');
    expect(byName['io.github.example/missing-package'].evidence).toMatch(/^GET https?:\/\/\S+\/mcp-risk-no-such-package-7f3a9: HTTP 404$/);
    expect(byName['io.github.modelcontextprotocol/server-memory']).toMatchObject({ declaredVersion: memoryVersion, listedVersion: memoryVersion, entryPoint: 'mcp-server-memory', networkMode: 'off' });
    expect(byName['io.github.example/python-only'].error).toMatch(/pypi/);
    expect(byName['io.github.example/remote-only'].error).toMatch(/example\.invalid.*could not be reached/);
    const memory = await database.db.select().from(servers).where(eq(servers.name, 'io.github.modelcontextprotocol/server-memory'));
    const tools = await currentTools(database.db, [memory[0].id]);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['create_entities', 'delete_entities', 'read_graph']));
    expect(byName['io.github.modelcontextprotocol/server-memory'].toolCount).toBe(tools.length);
    expect(events.filter((e) => e === 'attempt')).toHaveLength(4);
  });

  it('a second crawl with the same options starts a new run and adds no duplicate tools', async () => {
    const before = await currentTools(database.db, (await database.db.select({ id: servers.id }).from(servers)).map((s) => s.id));
    const summary = await crawl({
      db: database.db, source: registrySource({ baseUrl: registry.url }), runtimes: ['npm'], limit: 2,
      cacheDir: join(dir, 'cache'), workDir: join(dir, 'work'),
    });
    expect(summary.resumed).toBe(false);
    expect(summary.selected).toBe(2);
    expect(summary.byStatus).toEqual({ ok: 1, package_not_found: 1 });
    const after = await currentTools(database.db, (await database.db.select({ id: servers.id }).from(servers)).map((s) => s.id));
    expect(after.map((t) => t.versionId).sort()).toEqual(before.map((t) => t.versionId).sort());
  });
});
