// Property: whatever a server lists (arbitrary Unicode with NUL, controls and lone surrogates, 100 KB strings,
// prototype-named tools and properties, deep and wide schemas, duplicate and case-colliding names), the crawler's
// boundary (parse-tools + db/normalize-text.ts) makes it storable: every tool is stored on PGlite and on PostgreSQL,
// reads back equal to its normalized form with the same canonical hash on both, and is classified.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDatabase } from '../../classifier/classify-db.ts';
import { collectTools, type ToolIssue } from '../../crawler/parse-tools.ts';
import type { Database } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { currentTools, recordToolListing } from '../../db/queries/tool-listing.ts';
import { classifications, tools } from '../../db/schema.ts';
import { canonicalJson, definitionHash, type ToolDefinition } from '../../db/tool-definition.ts';
import { backends } from '../helpers/databases.ts';
import { allStrings, listingArbitrary, PROTOTYPE_NAMES, UNSTORABLE } from '../helpers/hostile-arbitraries.ts';

/** Enough runs to meet every kind of hostile input many times over, few enough to stay in seconds. */
const RUNS = 30;

describe('hostile definitions in the store', () => {
  const dbs: (Database & { drop(): Promise<void> })[] = [];
  beforeAll(async () => { for (const b of backends) dbs.push(await b.open()); }, 60_000);
  afterAll(async () => { for (const d of dbs) await d.drop(); });

  it('stores every tool of every generated listing on both databases, read back as normalized, with one hash', async () => {
    let run = 0;
    const seen = { nul: 0, surrogate: 0, prototypeNames: 0, huge: 0 };
    await fc.assert(fc.asyncProperty(listingArbitrary, async (wire) => {
      run++;
      const text = JSON.stringify(wire);
      if (text.includes('\\u0000')) seen.nul++;
      if (/\\ud[89a-f]/i.test(text)) seen.surrogate++;
      if (PROTOTYPE_NAMES.some((n) => text.includes(`"${n}"`))) seen.prototypeNames++;
      if (text.length > 100_000) seen.huge++;
      const parsed = new Map<string, ToolDefinition>();
      const issues: ToolIssue[] = [];
      collectTools(wire, parsed, issues);
      // the boundary: every tool that has a name is kept, and nothing unstorable remains
      expect(parsed.size).toBeGreaterThan(0);
      for (const d of parsed.values()) expect(allStrings(d).filter((s) => UNSTORABLE.test(s))).toEqual([]);
      if (text.includes('\\u0000') || /\\ud[89a-f]/i.test(text)) expect(issues.some((i) => i.normalization)).toBe(true);
      const hashes: Map<string, string>[] = [];
      for (const database of dbs) {
        const { id } = await upsertServer(database.db, { name: `hostile/${run}`, runtime: 'npm' });
        const result = await recordToolListing(database.db, id, [...parsed.values()]);
        expect(result.failed).toEqual([]);
        expect(result.added).toBe(parsed.size);
        const back = await currentTools(database.db, [id]);
        expect(back.map((t) => t.name).sort()).toEqual([...parsed.keys()].sort());
        const byName = new Map<string, string>();
        for (const t of back) {
          expect(canonicalJson(t.definition)).toBe(canonicalJson(parsed.get(t.name)));
          expect(t.hash).toBe(definitionHash(t.definition as ToolDefinition)); // the stored hash is the read-back form's
          byName.set(t.name, t.hash);
        }
        // the same listing again changes nothing: hashes are stable across crawls
        const again = await recordToolListing(database.db, id, [...parsed.values()]);
        expect(again).toMatchObject({ added: 0, changed: 0, unchanged: parsed.size, failed: [] });
        hashes.push(byName);
      }
      expect(hashes[1]).toEqual(hashes[0]);
    }), { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20261208) });
    // the generators did produce what the property is about
    expect(seen.nul).toBeGreaterThan(RUNS / 4);
    expect(seen.surrogate).toBeGreaterThan(RUNS / 4);
    expect(seen.prototypeNames).toBeGreaterThan(RUNS / 4);
    expect(seen.huge).toBeGreaterThan(0);
  }, 240_000);

  it('classifies every stored tool on both databases', async () => {
    for (const database of dbs) {
      const result = await classifyDatabase(database.db);
      expect(result.classified).toBeGreaterThan(RUNS);
      const rows = await database.db.select({ name: tools.name, classified: classifications.id }).from(tools)
        .leftJoin(classifications, eq(classifications.toolVersionId, tools.currentVersionId));
      expect(rows.length).toBeGreaterThan(RUNS);
      expect(rows.filter((r) => r.classified === null).map((r) => r.name)).toEqual([]);
    }
  }, 240_000);
});
