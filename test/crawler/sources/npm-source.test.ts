// npm search source and packument lookup against a local emulation of the registry's search API.
import { afterEach, describe, expect, it } from 'vitest';
import { npmPackageMetadata, npmSource } from '../../../crawler/sources/npm.ts';
import { SourceError } from '../../../crawler/sources/source.ts';
import { HttpError } from '../../../crawler/http.ts';
import { npmRoute, startReplay, withFault } from '../../helpers/source-replays.ts';
import { collectPages, collectUntilError } from './contract.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
async function replay(route = npmRoute()) {
  const r = await startReplay(route);
  closers.push(r.close);
  return r;
}
const noRetry = { retries: 0 };

describe('npm source', () => {
  it('runs keywords:mcp then keywords:mcp-server, paging with from/size until total, deduplicated by name', async () => {
    const r = await replay();
    const pages = await collectPages(npmSource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(r.requests).toEqual([
      '/-/v1/search?text=keywords%3Amcp&size=3&from=0', '/-/v1/search?text=keywords%3Amcp&size=3&from=3', '/-/v1/search?text=keywords%3Amcp&size=3&from=6',
      '/-/v1/search?text=keywords%3Amcp-server&size=3&from=0', '/-/v1/search?text=keywords%3Amcp-server&size=3&from=3',
    ]);
    const names = pages.flatMap((p) => p.entries.map((e) => e.server.name));
    expect(names).toEqual([
      'npm:airtable-mcp-server', 'npm:@playwright/mcp', 'npm:firecrawl-mcp', 'npm:@upstash/context7-mcp', 'npm:tavily-mcp', 'npm:@supabase/mcp-server-supabase',
      'npm:@notionhq/notion-mcp-server', 'npm:mcp-server-kubernetes', 'npm:@modelcontextprotocol/server-memory',
    ]);
    expect(pages.map((p) => p.nextCursor)).toEqual(['0:3', '0:6', '1:0', '1:3', undefined]);
    expect(pages.flatMap((p) => p.rejected)).toEqual([{ reason: expect.stringContaining('search result without package.name') }]);
  });

  it('maps a search object to a ServerRecord with an npm package launch', async () => {
    const r = await replay();
    const [first] = await collectPages(npmSource({ baseUrl: r.url, pageSize: 3 }));
    const airtable = first.entries[0];
    expect(airtable).toMatchObject({ source: 'npm', sourceKey: 'airtable-mcp-server', issues: [] });
    expect(airtable.server).toEqual({
      name: 'npm:airtable-mcp-server', title: null,
      description: 'Read and write access to Airtable databases via the Model Context Protocol (MCP)', version: '1.7.3',
      repositoryUrl: 'https://github.com/domdomegg/airtable-mcp-server', websiteUrl: 'https://github.com/domdomegg/airtable-mcp-server#readme',
      status: 'active', runtime: 'npm', packageIdentifier: 'airtable-mcp-server', packageVersion: '1.7.3', transport: 'stdio',
      launch: { kind: 'package', registryType: 'npm', identifier: 'airtable-mcp-server', version: '1.7.3', args: [], env: {} },
    });
    expect((airtable.raw as { package: { name: string } }).package.name).toBe('airtable-mcp-server');
  });

  it('keeps a package without a repository link, with repositoryUrl null', async () => {
    const r = await replay();
    const pages = await collectPages(npmSource({ baseUrl: r.url }));
    const memory = pages.flatMap((p) => p.entries).find((e) => e.sourceKey === '@modelcontextprotocol/server-memory');
    expect(memory?.server.repositoryUrl).toBeNull();
  });

  it('stops a query at maxPerQuery even when total is larger', async () => {
    const r = await replay();
    const pages = await collectPages(npmSource({ baseUrl: r.url, pageSize: 2, maxPerQuery: 2, queries: ['keywords:mcp'] }));
    expect(pages).toHaveLength(1);
    expect(r.requests).toEqual(['/-/v1/search?text=keywords%3Amcp&size=2&from=0']);
  });

  it('fails clearly on a page without "objects", after yielding the pages before it', async () => {
    const r = await replay(withFault(npmRoute(), (_u, n) => n === 2, { json: { error: 'search index unavailable' } }));
    const { pages, error } = await collectUntilError(npmSource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(pages.map((p) => p.entries.length)).toEqual([3]);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'E_BAD_PAGE', message: expect.stringMatching(/from=3 returned JSON without an "objects" array/) });
  });

  it('fails clearly on a page that is not JSON', async () => {
    const r = await replay(withFault(npmRoute(), (_u, n) => n === 2, { text: '<html>502 Bad Gateway</html>' }));
    const { pages, error } = await collectUntilError(npmSource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(pages).toHaveLength(1);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'E_BAD_JSON' });
  });

  it('rejects bad options and foreign cursors with codes that repeat the input', async () => {
    expect(() => npmSource({ pageSize: 500 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringContaining('got 500') }));
    expect(() => npmSource({ queries: [] })).toThrow(SourceError);
    const r = await replay();
    await expect(collectPages(npmSource({ baseUrl: r.url }), 'abc')).rejects.toMatchObject({ code: 'E_CURSOR', message: expect.stringContaining('"abc"') });
  });
});

describe('npmPackageMetadata', () => {
  it('reads the packument at its latest dist-tag, keeping raw small', async () => {
    const r = await replay();
    const entry = await npmPackageMetadata('airtable-mcp-server', { baseUrl: r.url });
    expect(entry?.server).toMatchObject({
      name: 'npm:airtable-mcp-server', version: '1.7.3', description: 'Read and write access to Airtable databases via MCP',
      repositoryUrl: 'https://github.com/domdomegg/airtable-mcp-server', packageVersion: '1.7.3',
      launch: { kind: 'package', registryType: 'npm', identifier: 'airtable-mcp-server', version: '1.7.3' },
    });
    expect(entry?.raw).not.toHaveProperty('versions');
    expect(entry?.raw).not.toHaveProperty('readme');
    expect(entry?.raw).toMatchObject({ 'dist-tags': { latest: '1.7.3' }, latestManifest: { version: '1.7.3' } });
  });

  it('escapes scoped names and reads shorthand repositories', async () => {
    const r = await replay();
    const entry = await npmPackageMetadata('@upstash/context7-mcp', { baseUrl: r.url });
    expect(r.requests).toEqual(['/@upstash%2Fcontext7-mcp']);
    expect(entry?.server).toMatchObject({ name: 'npm:@upstash/context7-mcp', version: '1.0.20', repositoryUrl: 'https://github.com/upstash/context7' });
  });

  it('answers undefined for a name the registry does not know', async () => {
    const r = await replay();
    expect(await npmPackageMetadata('no-such-package-xyz', { baseUrl: r.url, http: noRetry })).toBeUndefined();
  });
});
