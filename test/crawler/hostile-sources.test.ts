// Registry records pass the same normalization as live listings: a record with NUL and lone surrogates in its
// name, description and published tools is stored (its exact raw form kept as escaped JSON text), a record the
// database refuses costs that record alone, and the run completes with every attempt final.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl, type CrawlEvent, type CrawlSummary } from '../../crawler/crawl.ts';
import type { ServerSource, SourceEntry } from '../../crawler/sources/source.ts';
import type { Database } from '../../db/client.ts';
import { crawlAttempts, crawlRuns, servers, serverSources, tools, toolVersions } from '../../db/schema.ts';
import { backends } from '../helpers/databases.ts';

const unsupported = { kind: 'unsupported', reason: 'not run in this test' };
const entry = (name: string, raw: unknown, extra: Partial<SourceEntry> = {}): SourceEntry => ({
  source: 'glama', sourceKey: `${name}@1`, raw, issues: [], server: { name, runtime: 'mcpb', description: (raw as { d?: string }).d ?? null, launch: unsupported }, ...extra,
});
const UNINDEXABLE = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
const RAW = JSON.parse('{"name":"io.example/nul\\u0000","d":"a\\ud800b","tools":[{"name":"__proto__","description":"x\\u0000"}]}');

/** A source of fixed records, the shape every real source yields. */
const fixedSource = (entries: SourceEntry[]): ServerSource => ({ name: 'fixed', async *pages() { yield { entries, rejected: [] }; } });

for (const backend of backends) {
  describe(`hostile registry records on ${backend.name}`, () => {
    let database: Database & { drop(): Promise<void> };
    let summary: CrawlSummary;
    const events: CrawlEvent[] = [];
    beforeAll(async () => {
      database = await backend.open();
      const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-hostile-sources-'));
      chmodSync(dir, 0o755); // the crawl checks that the sandbox user could reach its work dir
      summary = await crawl({
        db: database.db, cacheDir: join(dir, 'cache'), workDir: join(dir, 'work'), onEvent: (e) => events.push(e),
        source: fixedSource([
          entry('io.example/nul\u0000', RAW, { tools: [{ name: '__proto__', description: 'x\u0000' }, { name: 'constructor\uDC00' }], toolsObservedVia: 'glama' }),
          entry(UNINDEXABLE, { name: 'too long' }),
          entry('io.example/plain', { name: 'plain' }),
        ]),
      });
    }, 120_000);
    afterAll(async () => { await database?.drop(); });

    it('stores the normalized record and its tools, keeps the raw record exactly, and rejects only the unstorable one', async () => {
      const { db } = database;
      expect(summary.rejectedRecords).toBe(1);
      expect(events.find((e) => e.type === 'rejected')).toMatchObject({ reason: expect.stringMatching(/could not be stored: .*index row/) });
      const rows = await db.select({ name: servers.name, description: servers.description, id: servers.id }).from(servers).orderBy(servers.id);
      expect(rows.map((r) => [r.name, r.description])).toEqual([['io.example/nul\u2400', 'a\uFFFDb'], ['io.example/plain', null]]);
      const [source] = await db.select({ raw: serverSources.raw }).from(serverSources).where(eq(serverSources.serverId, rows[0].id));
      const raw = source.raw as { encoding: string; text: string; normalized: { name: string } };
      expect(raw.encoding).toBe('json-text');
      expect(JSON.parse(raw.text)).toEqual(RAW); // every character the source sent, NUL and lone surrogate included
      expect(raw.normalized.name).toBe('io.example/nul\u2400');
      const published = await db.select({ name: tools.name, definition: toolVersions.definition }).from(tools)
        .innerJoin(toolVersions, eq(toolVersions.toolId, tools.id)).orderBy(tools.id);
      expect(published).toEqual([
        { name: '__proto__', definition: { name: '__proto__', description: 'x\u2400' } },
        { name: 'constructor\uFFFD', definition: { name: 'constructor\uFFFD' } },
      ]);
    });

    it('completes the run with every attempt final', async () => {
      const { db } = database;
      expect((await db.select({ status: crawlRuns.status }).from(crawlRuns)).map((r) => r.status)).toEqual(['completed']);
      const attempts = await db.select({ status: crawlAttempts.status, finishedAt: crawlAttempts.finishedAt }).from(crawlAttempts);
      expect(attempts.map((a) => a.status)).toEqual(['unsupported_runtime', 'unsupported_runtime']);
      for (const a of attempts) expect(a.finishedAt).not.toBeNull();
    });
  });
}
