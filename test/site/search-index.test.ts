// The sharded search index on its own: tokens, capped postings, the shard trie, and the browser's
// search over shards read from files.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSearch } from '../../site/assets/search-core.js';
import { indexTokens, keyFile, queryTokens } from '../../site/assets/search-tokens.js';
import { SearchIndexBuilder, writeSearchIndex } from '../../site/search/builder.ts';
import { docOf, Postings, scoreOf } from '../../site/search/postings.ts';

describe('search tokens', () => {
  it('takes ASCII text the fast way with the same tokens as the general way', () => {
    for (const text of ['GitHub createIssue create_issue XMLHttpRequest s3 a b2b', 'The quick brown-fox, ISSUE #42 of listPRs', '@modelcontextprotocol/server-filesystem v1.2.3']) {
      for (const stop of [false, true]) {
        const general = indexTokens(`${text} é`, { stop }).filter((t) => t !== 'é');
        expect(indexTokens(text, { stop }), text).toEqual(general);
      }
    }
    expect(indexTokens('GitHub')).toEqual(['github', 'git', 'hub']);
  });

  it('reads the last query word as a prefix unless the query ends in a space', () => {
    expect(queryTokens('send em')).toEqual({ tokens: ['send', 'em'], terms: ['send', 'em'], prefix: 'em', joined: 'sendem' });
    expect(queryTokens('send email ')).toEqual({ tokens: ['send', 'email'], terms: ['send', 'email'], prefix: undefined, joined: 'sendemail' });
    expect(queryTokens('the')).toEqual({ tokens: ['the'], terms: ['the'], prefix: 'the', joined: undefined });
    expect(queryTokens('read f')).toEqual({ tokens: ['read', 'f'], terms: ['read', 'f'], prefix: 'f', joined: 'readf' });
    expect(queryTokens('a b c')).toEqual({ tokens: ['c'], terms: ['c'], prefix: 'c', joined: 'abc' });
    // Words are stemmed the way the index stems them (Porter, by the `stemmer` package).
    expect(queryTokens('Deleting repositories').terms).toEqual(['delet', 'repositori']);
    expect(keyFile('ab')).toBe('ab');
    expect(keyFile('a/')).toBe('a-2f-');
  });
});

describe('postings', () => {
  it('keeps the best documents of each term by score, then document order, however many arrive', () => {
    const postings = new Postings(3);
    for (let doc = 0; doc < 1000; doc++) postings.add('t', doc, doc % 10);
    const [[term, list]] = [...postings.drain()];
    expect(term).toBe('t');
    expect(Array.from(list, (p) => [docOf(p), scoreOf(p)])).toEqual([[9, 9], [19, 9], [29, 9]]);
  });
});

describe('shards', () => {
  const dirs: string[] = [];
  afterAll(async () => { for (const dir of dirs) await rm(dir, { recursive: true, force: true }); });

  async function build(count: number, shardBytes: number) {
    const builder = new SearchIndexBuilder({ keep: 20 });
    builder.addServer({ slug: 'acme-files', name: 'io.github.acme/files', title: 'Acme Files', displayName: 'Acme Files', package: '@acme/files-mcp', description: 'Files over SMTP', highestRisk: 'High', toolCount: 1 });
    for (let i = 0; i < count; i++) {
      builder.addTool({ serverSlug: `s${i}`, serverName: `server-${i}`, serverDisplayName: `Server ${i}`, slug: `create-item${i}`, name: `create_item${i}`, description: `Creates item ${i} in the ${['red', 'green', 'blue'][i % 3]} store`, risk: 'Medium', category: 'Write' });
    }
    builder.addTool({ serverSlug: 'acme-files', serverName: 'io.github.acme/files', serverDisplayName: 'Acme Files', slug: 'read-file', name: 'read_file', risk: 'Medium', category: 'Read' });
    builder.addTool({ serverSlug: 'acme-files', serverName: 'io.github.acme/files', serverDisplayName: 'Acme Files', slug: 'restart-pod', name: 'restart_pod', description: 'Restart one pod of a Kubernetes deployment under its restart policy', risk: 'Medium', category: 'Write' });
    builder.addServer({ slug: 'acme-files-1', name: 'io.github.acme/files-1', title: null, displayName: 'io.github.acme/files-1', description: null, highestRisk: null, toolCount: 0 });
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-search-'));
    dirs.push(dir);
    const stats = await writeSearchIndex(builder, dir, { shardBytes, head: 5 });
    const fetched: string[] = [];
    const { search } = createSearch(async (url: string) => {
      fetched.push(url);
      const file = join(dir, 'n', url.slice('/search/n/'.length));
      return JSON.parse(await readFile(file, 'utf8').catch(() => 'null'));
    });
    return { dir, stats, search, fetched };
  }

  it('splits shards by prefix until they fit, and finds words, prefixes and several words', async () => {
    const { dir, stats, search, fetched } = await build(300, 4000);
    expect(stats.docs).toBe(304);
    const files = await readdir(join(dir, 'n'));
    expect(files.length).toBe(stats.shards);
    expect(files).toEqual(expect.arrayContaining(['c.json', 'cr.json']));
    const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, 'n', f))).size));
    expect(Math.max(...sizes)).toBe(stats.largest);
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))).toMatchObject({ v: 2, docs: 304, shards: stats.shards });

    const exact = await search('create_item7 ');
    expect(exact[0].record).toEqual(['t', 's7', 'create-item7', 'create_item7', 'Server 7', 1, 3]);
    expect((await search('acm'))[0].record[0]).toBe('s');
    expect((await search('@acme/files-mcp'))[0].id).toBe('s/acme-files');
    expect((await search('smtp'))[0].id).toBe('s/acme-files');
    const both = await search('green create');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => Number(String(r.record[3]).replace('create_item', '')) % 3 === 1)).toBe(true);
    expect(await search('read fi')).toEqual([expect.objectContaining({ id: 't/acme-files/read-file' })]);
    expect(await search('nothing-like-this')).toEqual([]);
    // A pasted registry name whose last word is one character (not indexed) still finds its server.
    expect((await search('io.github.acme/files-1'))[0]?.id).toBe('s/acme-files-1');
    expect((await search('files 1'))[0]?.id).toBe('s/acme-files-1');
    // A plural finds the singular a description used: both are stemmed.
    expect((await search('kubernetes pods '))[0]?.id).toBe('t/acme-files/restart-pod');
    expect((await search('restart policies'))[0]?.id).toBe('t/acme-files/restart-pod');
    expect(fetched.every((url) => /^\/search\/n\/[a-z0-9-]+\.json$/.test(url))).toBe(true);
  });

  it('finds a name by its joined form when its words are too common to intersect', async () => {
    const builder = new SearchIndexBuilder({ keep: 10 });
    const names = ['create_x', 'create_y', 'get_issue', 'list_issues', 'create_issue', 'close_issue'];
    for (let i = 0; i < 60; i++) {
      for (const name of names) builder.addTool({ serverSlug: `s${i}`, serverName: `s${i}`, serverDisplayName: `S${i}`, slug: name, name, risk: null, category: null });
    }
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-search-'));
    dirs.push(dir);
    await writeSearchIndex(builder, dir, { shardBytes: 4000 });
    const { search } = createSearch(async (url: string) => JSON.parse(await readFile(join(dir, 'n', url.slice('/search/n/'.length)), 'utf8').catch(() => 'null')));
    for (const query of ['create_issue', 'create iss', 'createIssue']) {
      const results = await search(query, 5);
      expect(results.map((r) => r.record[3]), query).toEqual(Array(5).fill('create_issue'));
    }
  });

  it('answers a one-letter prefix from the head of a split shard', async () => {
    const { search } = await build(300, 4000);
    const results = await search('c', 5);
    expect(results).toHaveLength(5);
    expect(results.every((r) => String(r.record[3]).startsWith('create_item'))).toBe(true);
  });
});
