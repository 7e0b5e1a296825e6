// The LLM review in the database stage, on PGlite and PostgreSQL: what is sent, what is stored (method,
// model, prompt version), the review cache across runs, the call cap across runs, failures retried.
import { and, desc, eq } from 'drizzle-orm';
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyDatabase } from '../../classifier/classify-db.ts';
import { CLASSIFIER_VERSION } from '../../classifier/classify.ts';
import { DbReviewCache } from '../../classifier/llm/cache.ts';
import { PROMPT_VERSION } from '../../classifier/llm/prompt.ts';
import { LLM_CLASSIFIER_VERSION } from '../../classifier/llm/review.ts';
import type { LlmClientOptions } from '../../classifier/llm/client.ts';
import type { LlmMode } from '../../classifier/llm/select.ts';
import type { Database, Db } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { getStats } from '../../db/queries/stats.ts';
import { recordToolListing } from '../../db/queries/tool-listing.ts';
import { classifications, llmReviews, tools } from '../../db/schema.ts';
import { backends } from '../helpers/databases.ts';
import { reviewerFor, SERVER_TOOLS, startFakeOpenAi, UNSURE, verdict, type FakeOpenAi } from '../helpers/fake-openai.ts';

const OTHER_TOOLS = [
  { name: 'list_notes', description: 'List all notes', inputSchema: { type: 'object', properties: {} } },
  { name: 'delete_bucket', description: 'Delete a bucket', inputSchema: { type: 'object', properties: { bucket: { type: 'string' } } } },
];

/** The classification the site shows: the current version's newest by created_at (then id). */
async function shown(db: Db, tool: string) {
  const [row] = await db.select({ c: classifications }).from(classifications)
    .innerJoin(tools, eq(tools.currentVersionId, classifications.toolVersionId))
    .where(eq(tools.name, tool)).orderBy(desc(classifications.createdAt), desc(classifications.id)).limit(1);
  return row.c;
}

async function rowOf(db: Db, tool: string, classifierVersion: string) {
  const [row] = await db.select({ c: classifications }).from(classifications)
    .innerJoin(tools, eq(tools.currentVersionId, classifications.toolVersionId))
    .where(and(eq(tools.name, tool), eq(classifications.classifierVersion, classifierVersion)));
  return row?.c;
}

for (const backend of backends) {
  describe(`LLM review stage on ${backend.name}`, () => {
    let fake: FakeOpenAi;
    let database: Database & { drop(): Promise<void> };
    let db: Db;
    const run = (mode: LlmMode = 'auto', client: Partial<LlmClientOptions> = {}, all = false) =>
      classifyDatabase(db, { all, llm: reviewerFor(fake, client, { mode, cache: new DbReviewCache(db) }) });

    beforeAll(async () => { fake = await startFakeOpenAi(); });
    afterAll(async () => { await fake.close(); });
    beforeEach(async () => {
      fake.requests.length = 0;
      fake.fallback = () => verdict('Read', 'Low');
      database = await backend.open();
      db = database.db;
      const acme = await upsertServer(db, { name: 'io.acme/records', runtime: 'npm', description: 'Acme records' });
      await recordToolListing(db, acme.id, SERVER_TOOLS);
      const other = await upsertServer(db, { name: 'io.acme/notes', runtime: 'npm' });
      await recordToolListing(db, other.id, OTHER_TOOLS);
    });
    afterEach(async () => { await database?.drop(); });

    it('sends only unsure tools, stores method/model/prompt version, and the reviewed row is the one shown', async () => {
      fake.script('process_items', verdict('Execute', 'Critical'));
      const result = await run();
      expect(fake.tools().sort()).toEqual([...UNSURE].sort());
      expect(fake.violations).toEqual([]);
      expect(result).toMatchObject({ servers: 2, classified: 7 });
      expect(result.llm).toMatchObject({ calls: 3, requests: 3, cached: 0, capped: 0, failed: 0, skipped: 4, stored: 7, model: fake.model, mode: 'auto' });
      expect(await rowOf(db, 'process_items', LLM_CLASSIFIER_VERSION)).toMatchObject({ method: 'llm', model: fake.model, promptVersion: PROMPT_VERSION, category: 'Execute', risk: 'Critical' });
      expect(await rowOf(db, 'process_items', CLASSIFIER_VERSION)).toMatchObject({ method: 'heuristic', model: null, promptVersion: null, category: 'Read' });
      expect(await rowOf(db, 'get_weather', LLM_CLASSIFIER_VERSION)).toMatchObject({ method: 'heuristic', model: null, promptVersion: PROMPT_VERSION });
      expect(await shown(db, 'process_items')).toMatchObject({ classifierVersion: LLM_CLASSIFIER_VERSION, category: 'Execute' });
      const removeUser = await shown(db, 'remove_user');
      expect(removeUser).toMatchObject({ method: 'llm', category: 'Destructive', risk: 'High' });
      expect(removeUser.evidence).toContain(`LLM review (model ${fake.model}): Read/Low (confidence 0.9)`);
      expect((await getStats(db)).classifications).toMatchObject({ total: 7, byCategory: { Execute: 1, Destructive: 3, Read: 3 } });
      expect(await db.select().from(llmReviews)).toHaveLength(3);
    });

    it('makes zero calls over an unchanged catalogue, even with --all (cache hits)', async () => {
      await run();
      fake.requests.length = 0;
      const again = await run();
      expect(again).toMatchObject({ servers: 0, classified: 0 });
      const forced = await run('auto', {}, true);
      expect(fake.requests).toHaveLength(0);
      expect(forced.llm).toMatchObject({ calls: 0, cached: 3, stored: 7 });
      expect((await shown(db, 'handle_record')).method).toBe('llm');
    });

    it('with --llm all after auto, sends only the tools not reviewed yet', async () => {
      await run();
      fake.requests.length = 0;
      const result = await run('all');
      expect(fake.tools().sort()).toEqual(['delete_bucket', 'delete_comment', 'get_weather', 'list_notes']);
      expect(result.llm).toMatchObject({ calls: 4, skipped: 0, stored: 4 });
      expect((await shown(db, 'delete_bucket'))).toMatchObject({ method: 'llm', category: 'Destructive', risk: 'High' });
    });

    it('keeps to the call cap per run and picks up the rest on the next runs', async () => {
      const first = await run('auto', { maxCalls: 1 });
      expect(fake.requests).toHaveLength(1);
      expect(first.llm).toMatchObject({ calls: 1, capped: 2, stored: 5 });
      const capped = UNSURE.filter((t) => t !== fake.requests[0].tool);
      expect((await shown(db, capped[0])).classifierVersion).toBe(CLASSIFIER_VERSION);
      expect((await run('auto', { maxCalls: 1 })).llm).toMatchObject({ calls: 1, capped: 1 });
      expect((await run('auto', { maxCalls: 1 })).llm).toMatchObject({ calls: 1, capped: 0 });
      expect(fake.requests).toHaveLength(3);
      expect((await run('auto', { maxCalls: 1 })).servers).toBe(0);
      expect(fake.requests).toHaveLength(3);
    });

    it('records failures with their reason, keeps the heuristic verdict, and retries them next run', async () => {
      fake.script('process_items', { refusal: 'No.' });
      fake.script('handle_record', { hang: true });
      fake.script('remove_user', { content: '{oops' });
      const result = await run('auto', { timeoutMs: 2000 }); // the hang never answers; the others get time on a busy machine
      expect(result.llm).toMatchObject({ failed: 3, failures: { E_LLM_REFUSAL: 1, E_LLM_TIMEOUT: 1, E_LLM_MALFORMED: 1 } });
      for (const [tool, code] of [['process_items', 'E_LLM_REFUSAL'], ['handle_record', 'E_LLM_TIMEOUT'], ['remove_user', 'E_LLM_MALFORMED']]) {
        const row = await rowOf(db, tool, LLM_CLASSIFIER_VERSION);
        const heuristic = await rowOf(db, tool, CLASSIFIER_VERSION);
        expect(row).toMatchObject({ method: 'heuristic', model: fake.model, category: heuristic.category, risk: heuristic.risk });
        expect((row.evidence as string[]).at(-1)).toContain(`failed (${code}:`);
      }
      expect(await db.select().from(llmReviews)).toHaveLength(0);
      for (const t of UNSURE) fake.script(t, verdict('Write', 'High'));
      fake.requests.length = 0;
      const retry = await run();
      expect(fake.tools().sort()).toEqual([...UNSURE].sort());
      expect(retry).toMatchObject({ servers: 1, llm: { calls: 3, failed: 0 } });
      expect(await rowOf(db, 'handle_record', LLM_CLASSIFIER_VERSION)).toMatchObject({ method: 'llm', category: 'Write', risk: 'High' });
    });
  });
}
