// Search by meaning over a built index (the browser's code over shard files): names split in every
// casing, stemmed words, abbreviations, filters by risk and category that stay exact beyond the
// capped postings, a verb met by the tool's category, partial matches, and the query's field syntax.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearch } from '../../site/assets/search-core.js';
import { parseQuery } from '../../site/assets/search-query.js';
import { CATEGORY_NAMES, RISK_NAMES } from '../../site/assets/search-tokens.js';
import { CATEGORIES, RISKS } from '../../classifier/types.ts';
import { writeAssets } from '../../site/pipeline/static-files.ts';
import { SearchIndexBuilder, writeSearchIndex, type SearchTool } from '../../site/search/builder.ts';

const dirs: string[] = [];
afterAll(async () => { for (const dir of dirs) await rm(dir, { recursive: true, force: true }); });

async function index(tools: Partial<SearchTool>[], keep = 5) {
  const builder = new SearchIndexBuilder({ keep });
  tools.forEach((t, i) => builder.addTool({
    serverSlug: t.serverSlug ?? `s${i}`, serverName: t.serverName ?? `io.github.acme/server-${i}`, serverDisplayName: t.serverDisplayName ?? `Server ${i}`,
    slug: t.slug ?? `tool-${i}`, name: t.name ?? `tool_${i}`, description: t.description, risk: t.risk ?? null, category: t.category ?? null,
  }));
  const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-meaning-'));
  dirs.push(dir);
  await writeSearchIndex(builder, dir, { shardBytes: 3000, head: 5 });
  const { search } = createSearch(async (url: string) => JSON.parse(await readFile(join(dir, 'n', url.slice('/search/n/'.length)), 'utf8').catch(() => 'null')));
  const names = async (query: string, limit = 50, options = {}) => (await search(query, limit, options)).map((r) => String(r.record[3]));
  return { dir, search, names };
}

describe('search by meaning', () => {
  const CASINGS = ['delete_entities', 'deleteEntities', 'DeleteEntities', 'delete-entities', 'DELETE_ENTITIES', 'delete.entities'];
  let names: Awaited<ReturnType<typeof index>>['names'];
  let search: Awaited<ReturnType<typeof index>>['search'];

  let capped: Awaited<ReturnType<typeof index>>;

  beforeAll(async () => {
    const tools: Partial<SearchTool>[] = [
      ...CASINGS.map((name) => ({ name, description: 'Removes entities from the knowledge graph.', risk: 'High', category: 'Destructive' })),
      { name: 'purge_cache', description: 'Deletes every cached page.', risk: 'Medium', category: 'Destructive' },
      { name: 'remove_repo', description: 'Removes a repo and all its branches.', risk: 'Critical', category: 'Destructive' },
      { name: 'get_repository', description: 'Gets a repository by its owner and name.', risk: 'Low', category: 'Read' },
      { name: 'send_email', description: 'Sends an email to one recipient.', risk: 'High', category: 'Execute' },
      { name: 'query_db', description: 'Runs a read-only query against the database.', risk: 'Medium', category: 'Read' },
    ];
    ({ names, search } = await index(tools, 150));
    // Many tools that delete, most of them High, a few Low ones last, with lists capped at 5: the Low ones are beyond the cap.
    capped = await index([
      ...Array.from({ length: 40 }, (_, i) => ({ name: `delete_item_${i}`, description: 'Deletes one item.', risk: 'High', category: 'Destructive' })),
      { name: 'remove_repo', description: 'Removes a repo and all its branches.', risk: 'Critical', category: 'Destructive' },
      ...Array.from({ length: 3 }, (_, i) => ({ name: `delete_draft_preview_note_${i}`, description: 'Deletes a scratch note.', risk: 'Low', category: 'Write' })),
    ], 5);
  });

  it('splits names in every casing and stems words, in names and descriptions alike', async () => {
    for (const query of ['entities', 'deleting entity', 'Entities deleted ']) {
      expect(await names(query), query).toEqual(expect.arrayContaining(CASINGS));
    }
    // "delete" finds what a description says it deletes ("Deletes every cached page").
    expect(await names('delete')).toEqual(expect.arrayContaining(['purge_cache', ...CASINGS]));
    expect(await names('cached pages')).toEqual(['purge_cache']);
  });

  it('finds an abbreviation by its full word and the other way round', async () => {
    expect(await names('repositories ')).toEqual(expect.arrayContaining(['remove_repo', 'get_repository']));
    expect(await names('database query')).toEqual(['query_db']);
  });

  it('meets a verb by the tool\'s category: "delete repository" finds the Destructive tool that removes a repo, not the Read one', async () => {
    expect(await names('delete repository')).toEqual(['remove_repo']);
    expect(await names('destroy repos ')).toEqual(['remove_repo']);
    // A category's name is such a word too; a lone verb lists its category's tools after its own matches.
    expect((await names('destructive', 100)).sort()).toEqual(['purge_cache', 'remove_repo', ...CASINGS].sort());
    const remove = await names('remove', 100);
    expect(remove.slice(0, 7).sort()).toEqual(['remove_repo', ...CASINGS].sort());
    expect(remove.slice(7)).toEqual(['purge_cache']);
  });

  it('filters by risk and category exactly, beyond the capped postings of a common word', async () => {
    // "delete" has 43 documents and keeps 5: the three Low ones are not among its best, but its facet lists hold them.
    expect((await capped.names('delete ', 50)).filter((n) => n.startsWith('delete_draft'))).toEqual([]);
    const low = await capped.search('risk:low delete', 50);
    expect(low.map((r) => r.record[3]).sort()).toEqual(['delete_draft_preview_note_0', 'delete_draft_preview_note_1', 'delete_draft_preview_note_2']);
    expect(await capped.names('category:write delet')).toHaveLength(3);
    expect(await capped.names('delete', 50, { filters: { risk: RISK_NAMES.indexOf('low') } })).toHaveLength(3);
    // The query's filter wins over the page's menu; a verb's category reaches past the cap as well.
    expect(await capped.names('risk:critical delete', 50, { filters: { risk: RISK_NAMES.indexOf('low') } })).toEqual(['remove_repo']);
    expect(await capped.names('risk:critical', 50)).toEqual(['remove_repo']);
    const read = await search('category:read', 50);
    expect(read.map((r) => r.record[3]).sort()).toEqual(['get_repository', 'query_db']);
    expect(read.every((r) => r.record[0] === 't' && r.record[6] === CATEGORIES.indexOf('Read'))).toBe(true);
  });

  it('shows results with some of the words, marked partial, when none has every word', async () => {
    const results = await search('send fax ', 10);
    expect(results[0]).toMatchObject({ partial: true });
    expect(results[0].record[3]).toBe('send_email');
    expect(await search('xyzzy plugh ', 10)).toEqual([]);
    expect((await search('send email ', 10))[0].partial).toBeUndefined();
  });
});

describe('query fields', () => {
  it('keeps the index order of risks and categories the classifier uses', () => {
    expect(RISK_NAMES).toEqual(RISKS.map((r) => r.toLowerCase()));
    expect(CATEGORY_NAMES).toEqual(CATEGORIES.map((c) => c.toLowerCase()));
  });

  it('reads risk: and category: as filters, by any unique prefix, and says what it cannot read', () => {
    expect(parseQuery('risk:critical delete')).toMatchObject({ tokens: ['delete'], filters: { risk: 3 }, problems: [] });
    expect(parseQuery('delete Category:Destr')).toMatchObject({ tokens: ['delete'], prefix: undefined, filters: { category: 1 } });
    expect(parseQuery('risk: delete').filters).toEqual({});
    expect(parseQuery('risk:severe x').problems).toEqual(['risk: takes low, medium, high or critical, not "severe"']);
    expect(parseQuery('category:re').filters).toEqual({ category: 4 });
    expect(parseQuery('category:x').problems).toEqual(['category: takes financial, destructive, execute, write or read, not "x"']);
    expect(parseQuery('risk:high', { risk: 0, category: 2 }).filters).toEqual({ risk: 2, category: 2 });
  });
});

describe('the stemmer in the browser', () => {
  it('is the package\'s own file, imported by the tokenizer under its hashed name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-assets-'));
    dirs.push(dir);
    await writeAssets(dir);
    const files = await readdir(join(dir, 'assets'));
    const stemmer = files.find((f) => /^stemmer\.[0-9a-f]{10}\.js$/.test(f))!;
    const served = await readFile(join(dir, 'assets', stemmer), 'utf8');
    const own = await readFile(createRequire(import.meta.url).resolve('stemmer'), 'utf8');
    expect(served.endsWith(own)).toBe(true);
    expect(served).toMatch(/^\/\/ stemmer .*MIT/);
    const tokens = await readFile(join(dir, 'assets', files.find((f) => f.startsWith('search-tokens.'))!), 'utf8');
    expect(tokens).toContain(`from './${stemmer}'`);
  });
});
