// The db suite, run on both backends: schema, identity, tool history, runs, classifications, stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/databases.ts';
import type { Database } from '../../db/client.ts';
import { recordSource, upsertServer, listServers } from '../../db/queries/servers.ts';
import { currentTools, recordToolListing } from '../../db/queries/tool-listing.ts';
import { attemptCounts, finishRun, finishedServerIds, findUnfinishedRun, recordAttempt, startRun } from '../../db/queries/crawl-runs.ts';
import { saveClassification, serversNeedingClassification } from '../../db/queries/classifications.ts';
import { getStats } from '../../db/queries/stats.ts';
import { definitionHash } from '../../db/tool-definition.ts';
import { serverSources, tools, toolVersions } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';

const readFile = { name: 'read_file', description: 'Read a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } };
const writeFile = { name: 'write_file', description: 'Write a file', inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } } };

for (const backend of backends) {
  describe(`db on ${backend.name}`, () => {
    let database: Database & { drop(): Promise<void> };
    beforeAll(async () => { database = await backend.open(); });
    afterAll(async () => { await database?.drop(); });

    it('hashes definitions canonically: key order does not matter, content does', () => {
      const a = definitionHash({ name: 'x', inputSchema: { type: 'object', properties: { a: { type: 'string' } } } });
      const b = definitionHash({ inputSchema: { properties: { a: { type: 'string' } }, type: 'object' }, name: 'x' });
      const c = definitionHash({ name: 'x', description: 'changed' });
      expect(a).toBe(b);
      expect(a).not.toBe(c);
      expect(a).toMatch(/^[0-9a-f]{64}$/);
    });

    it('upserts one server per name and keeps every raw source record', async () => {
      const { db } = database;
      const first = await upsertServer(db, { name: 'io.github.acme/files', runtime: 'npm', packageIdentifier: '@acme/files', description: 'v1' });
      const again = await upsertServer(db, { name: 'io.github.acme/files', runtime: 'npm', packageIdentifier: '@acme/files', description: 'v2' });
      expect(again.id).toBe(first.id);
      expect(first.slug).toBe('io-github-acme-files');
      const clash = await upsertServer(db, { name: 'io.github.acme-files', runtime: 'npm' });
      expect(clash.slug).not.toBe(first.slug);
      await recordSource(db, first.id, 'registry', 'io.github.acme/files@1.0.0', { server: { name: 'io.github.acme/files' } });
      await recordSource(db, first.id, 'registry', 'io.github.acme/files@1.0.0', { server: { name: 'io.github.acme/files', v: 2 } });
      await recordSource(db, first.id, 'npm', '@acme/files', { name: '@acme/files' });
      const sources = await db.select().from(serverSources).where(eq(serverSources.serverId, first.id));
      expect(sources).toHaveLength(2);
      expect(sources.find((s) => s.source === 'registry')?.raw).toMatchObject({ server: { v: 2 } });
      const all = await listServers(db);
      expect(all.map((s) => s.name)).toContain('io.github.acme-files');
      expect(all.find((s) => s.id === first.id)?.description).toBe('v2');
    });

    it('keeps definition history: a changed definition is a new version, a missing tool is marked removed', async () => {
      const { db } = database;
      const { id } = await upsertServer(db, { name: 'history-server', runtime: 'npm' });
      const r1 = await recordToolListing(db, id, [readFile, writeFile]);
      expect(r1).toEqual({ added: 2, changed: 0, unchanged: 0, removed: 0, failed: [] });
      const r2 = await recordToolListing(db, id, [readFile, writeFile]);
      expect(r2).toEqual({ added: 0, changed: 0, unchanged: 2, removed: 0, failed: [] });
      const r3 = await recordToolListing(db, id, [{ ...readFile, description: 'Read any file on disk' }]);
      expect(r3).toEqual({ added: 0, changed: 1, unchanged: 0, removed: 1, failed: [] });
      const rows = await db.select().from(tools).where(eq(tools.serverId, id));
      expect(rows.find((t) => t.name === 'write_file')?.removedAt).toBeInstanceOf(Date);
      const readTool = rows.find((t) => t.name === 'read_file')!;
      const versions = await db.select().from(toolVersions).where(eq(toolVersions.toolId, readTool.id));
      expect(versions).toHaveLength(2);
      const current = await currentTools(db, [id]);
      expect(current.map((t) => t.name)).toEqual(['read_file']);
      expect((current[0].definition as { description: string }).description).toBe('Read any file on disk');
      // The tool comes back: no longer removed, no duplicate rows.
      await recordToolListing(db, id, [readFile, writeFile]);
      expect((await currentTools(db, [id])).map((t) => t.name).sort()).toEqual(['read_file', 'write_file']);
      expect(await db.select().from(tools).where(eq(tools.serverId, id))).toHaveLength(2);
    });

    it('loses only the tool the database refuses, with its reason, and stores the attempt of a hostile error text', async () => {
      const { db } = database;
      const { id } = await upsertServer(db, { name: 'refused-server', runtime: 'npm' });
      // too long for the unique index on (server, name) once compressed: PostgreSQL refuses this row alone
      const unindexable = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
      const r = await recordToolListing(db, id, [readFile, { name: unindexable }, { name: '__proto__', description: 'nul\u0000 and \uD800' }, writeFile]);
      expect(r.added).toBe(3);
      expect(r.failed.map((f) => f.tool)).toEqual([unindexable]);
      expect(r.failed[0].reason).toMatch(/index row/);
      expect((await currentTools(db, [id])).map((t) => [t.name, (t.definition as { description?: string }).description])).toEqual([
        ['read_file', 'Read a file'], ['__proto__', 'nul\u2400 and \uFFFD'], ['write_file', 'Write a file']]);
      const run = await startRun(db, { key: 'hostile-error' });
      await recordAttempt(db, run.id, id, { status: 'store_failed', error: 'invalid byte sequence 0x00: \u0000 \uDC00', details: { ['k\u0000']: '\uD800' } });
      await finishRun(db, run.id, 'completed', { note: '\u0000' });
      expect(await finishedServerIds(db, run.id)).toEqual(new Set([id]));
    });

    it('records runs and attempts, and finds an unfinished run to resume', async () => {
      const { db } = database;
      const { id: a } = await upsertServer(db, { name: 'run-a', runtime: 'npm' });
      const { id: b } = await upsertServer(db, { name: 'run-b', runtime: 'npm' });
      const run = await startRun(db, { key: 'registry|25' });
      await recordAttempt(db, run.id, a, { status: 'pending' });
      await recordAttempt(db, run.id, a, { status: 'ok', toolCount: 2, durationMs: 100 });
      await recordAttempt(db, run.id, b, { status: 'timeout', errorKind: 'timeout', error: 'no answer to initialize within 5s' });
      expect(await attemptCounts(db, run.id)).toEqual({ ok: 1, timeout: 1 });
      expect([...(await finishedServerIds(db, run.id))].sort()).toEqual([a, b].sort());
      expect((await findUnfinishedRun(db, 'registry|25'))?.id).toBe(run.id);
      expect(await findUnfinishedRun(db, 'other')).toBeUndefined();
      await finishRun(db, run.id, 'completed', { ok: 1 });
      expect(await findUnfinishedRun(db, 'registry|25')).toBeUndefined();
    });

    it('stores classifications per tool version and counts them in stats', async () => {
      const { db } = database;
      const { id } = await upsertServer(db, { name: 'classified', runtime: 'npm' });
      await recordToolListing(db, id, [readFile, writeFile]);
      expect(await serversNeedingClassification(db, 'test-1')).toContain(id);
      for (const t of await currentTools(db, [id])) {
        const write = t.name === 'write_file';
        await saveClassification(db, t.versionId, {
          category: write ? 'Write' : 'Read', risk: write ? 'High' : 'Low', confidence: 0.9,
          rationale: 'r', evidence: ['e'], findings: [], policy: { version: '1', default: 'deny', tools: {} },
        }, { classifierVersion: 'test-1', method: 'heuristic' });
      }
      expect(await serversNeedingClassification(db, 'test-1')).not.toContain(id);
      const stats = await getStats(db);
      expect(stats.classifications.byCategory).toMatchObject({ Read: 1, Write: 1 });
      expect(stats.classifications.byRisk).toMatchObject({ Low: 1, High: 1 });
      expect(stats.servers).toBeGreaterThanOrEqual(4);
      expect(stats.crawlAttempts.byStatus).toMatchObject({ ok: 1, timeout: 1 });
    });
  });
}

for (const backend of backends) {
  describe(`server identity on ${backend.name}`, () => {
    let database: Database & { drop(): Promise<void> };
    beforeAll(async () => { database = await backend.open(); });
    afterAll(async () => { await database?.drop(); });

    it('merges one server seen by several sources through a shared package key, and adopts the registry name', async () => {
      const { db } = database;
      const fromNpm = await upsertServer(db, { name: 'npm:@acme/weather', runtime: 'npm', packageIdentifier: '@acme/weather', description: 'npm says' },
        { keys: ['npm:@acme/weather', 'repo:github.com/acme/weather', 'name:npm:@acme/weather'] });
      const fromRegistry = await upsertServer(db, { name: 'io.github.acme/weather', runtime: 'npm', packageIdentifier: '@acme/weather', title: 'Weather', description: 'registry says' },
        { keys: ['npm:@acme/weather', 'name:io.github.acme/weather'] });
      expect(fromRegistry).toMatchObject({ id: fromNpm.id, merged: true });
      const [row] = (await listServers(db, { ids: [fromNpm.id] }));
      expect(row.name).toBe('io.github.acme/weather');
      expect(row.title).toBe('Weather');
      expect(row.description).toBe('npm says');
      // Seen again under either name, it stays one row.
      const again = await upsertServer(db, { name: 'npm:@acme/weather', runtime: 'npm', packageIdentifier: '@acme/weather' }, { keys: ['npm:@acme/weather'] });
      expect(again.id).toBe(fromNpm.id);
    });

    it('does not merge two packages of one monorepo through the repository alone', async () => {
      const { db } = database;
      const a = await upsertServer(db, { name: 'npm:@mono/a', runtime: 'npm', packageIdentifier: '@mono/a' }, { keys: ['npm:@mono/a', 'repo:github.com/mono/servers'] });
      const b = await upsertServer(db, { name: 'npm:@mono/b', runtime: 'npm', packageIdentifier: '@mono/b' }, { keys: ['npm:@mono/b', 'repo:github.com/mono/servers'] });
      expect(b.id).not.toBe(a.id);
      const repoOnly = await upsertServer(db, { name: 'config:cursor:mono', runtime: 'unknown' }, { keys: ['repo:github.com/mono/servers', 'name:config:cursor:mono'] });
      expect(repoOnly).toMatchObject({ id: a.id, merged: true });
    });
  });
}
