// Smithery against a local emulation of its registry API, in the shape of the shipped OpenAPI spec.
import { afterEach, describe, expect, it } from 'vitest';
import { smitherySource } from '../../../crawler/sources/smithery.ts';
import { SourceError } from '../../../crawler/sources/source.ts';
import { smitheryRoute, startReplay, withFault } from '../../helpers/source-replays.ts';
import { collectPages, collectUntilError } from './contract.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
async function replay(route = smitheryRoute({ apiKey: 'k-123' })) {
  const r = await startReplay(route);
  closers.push(r.close);
  return r;
}
const noRetry = { retries: 0 };
const entriesOf = async (options: Parameters<typeof smitherySource>[0]) => (await collectPages(smitherySource(options))).flatMap((p) => p.entries);

describe('smithery source', () => {
  it('pages the list with page/pageSize until totalPages, sending the bearer key', async () => {
    const r = await replay();
    const pages = await collectPages(smitherySource({ baseUrl: r.url, apiKey: 'k-123', pageSize: 3, details: false }));
    expect(r.requests).toEqual(['/servers?page=1&pageSize=3', '/servers?page=2&pageSize=3', '/servers?page=3&pageSize=3']);
    expect(r.headers.every((h) => h.authorization === 'Bearer k-123')).toBe(true);
    expect(pages.map((p) => p.nextCursor)).toEqual(['2', '3', undefined]);
    expect(pages.flatMap((p) => p.rejected)).toEqual([{ reason: expect.stringContaining('list item without qualifiedName') }]);
  });

  it('turns an http connection into a remote launch and keeps the detail call\'s tools', async () => {
    const r = await replay();
    const exa = (await entriesOf({ baseUrl: r.url, apiKey: 'k-123' })).find((e) => e.sourceKey === 'exa')!;
    expect(exa.server).toMatchObject({
      name: 'smithery:exa', title: 'Exa Search', websiteUrl: 'https://smithery.ai/server/exa', runtime: 'remote', transport: 'streamable-http',
      launch: { kind: 'remote', transport: 'streamable-http', url: 'https://server.smithery.ai/exa/mcp', headers: [] },
    });
    expect(exa.toolsObservedVia).toBe('smithery');
    expect(exa.tools).toEqual([
      { name: 'web_search_exa', description: expect.stringContaining('Search the web'), inputSchema: expect.objectContaining({ required: ['query'] }) },
      { name: 'crawling_exa', inputSchema: { type: 'object', properties: { url: { type: 'string' } } } },
    ]);
    expect(exa.raw).toMatchObject({ list: { qualifiedName: 'exa', useCount: 51234 }, detail: { deploymentUrl: 'https://server.smithery.ai/exa' } });
  });

  it('keeps the other tools when one has no name, and says so', async () => {
    const r = await replay();
    const github = (await entriesOf({ baseUrl: r.url, apiKey: 'k-123' })).find((e) => e.sourceKey === '@smithery-ai/github')!;
    expect(github.tools?.map((t) => t.name)).toEqual(['create_or_update_file', 'delete_repository']);
    expect(github.issues).toEqual(['smithery: tool #2 has no name; skipped']);
    expect(r.requests).toContain('/servers/@smithery-ai/github');
  });

  it('marks stdio-only bundles, deployment-only remotes and missing details', async () => {
    const r = await replay();
    const byKey = Object.fromEntries((await entriesOf({ baseUrl: r.url, apiKey: 'k-123' })).map((e) => [e.sourceKey, e]));
    expect(byKey['@wonderwhy-er/desktop-commander'].server.launch).toEqual({ kind: 'unsupported', reason: 'Smithery publishes only a stdio bundle (typescript), not a package the crawler can install' });
    expect(byKey['@wonderwhy-er/desktop-commander'].tools).toBeUndefined();
    expect(byKey['@browserbasehq/mcp-browserbase'].server.launch).toMatchObject({ kind: 'remote', url: 'https://server.smithery.ai/@browserbasehq/mcp-browserbase' });
    expect(byKey['@browserbasehq/mcp-browserbase'].tools).toEqual([]);
    expect(byKey['@gone/deleted-server'].issues).toEqual([expect.stringMatching(/^detail unavailable: .*HTTP 404/)]);
    expect(byKey['@gone/deleted-server'].server.launch).toMatchObject({ kind: 'unsupported' });
  });

  it('says to pass an API key when Smithery answers 401', async () => {
    const r = await replay();
    const { pages, error } = await collectUntilError(smitherySource({ baseUrl: r.url, http: noRetry }));
    expect(pages).toEqual([]);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'E_AUTH', message: expect.stringContaining('SMITHERY_API_KEY') });
  });

  it('fails clearly on a list page without "servers", after yielding the pages before it', async () => {
    const r = await replay(withFault(smitheryRoute(), (u) => u.searchParams.get('page') === '2', { json: { error: 'Internal' } }));
    const { pages, error } = await collectUntilError(smitherySource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(pages.map((p) => p.entries.length)).toEqual([3]);
    expect(error).toMatchObject({ code: 'E_BAD_PAGE', message: expect.stringContaining('page=2') });
  });

  it('rejects bad options', () => {
    expect(() => smitherySource({ pageSize: 101 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringContaining('got 101') }));
  });
});
