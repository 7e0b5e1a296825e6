// Glama against a local emulation of /api/mcp/v1/servers (first/after, pageInfo).
import { afterEach, describe, expect, it } from 'vitest';
import { glamaSource } from '../../../crawler/sources/glama.ts';
import { SourceError } from '../../../crawler/sources/source.ts';
import { glamaRoute, readFixture, startReplay, withFault } from '../../helpers/source-replays.ts';
import { collectPages, collectUntilError } from './contract.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
async function replay(route = glamaRoute()) {
  const r = await startReplay(route);
  closers.push(r.close);
  return r;
}
const noRetry = { retries: 0 };

describe('glama source', () => {
  it('follows pageInfo.endCursor as `after` while hasNextPage', async () => {
    const r = await replay();
    const pages = await collectPages(glamaSource({ baseUrl: r.url, pageSize: 3 }));
    expect(pages.map((p) => p.entries.length + p.rejected.length)).toEqual([3, 3, 1]);
    expect(r.requests[0]).toBe('/api/mcp/v1/servers?first=3');
    expect(r.requests[1]).toBe(`/api/mcp/v1/servers?first=3&after=${encodeURIComponent(pages[0].nextCursor!)}`);
    expect(pages[2].nextCursor).toBeUndefined();
  });

  it('publishes tool lists: tools with toolsObservedVia glama, one bad schema dropped, not the tool', async () => {
    const r = await replay();
    const entries = (await collectPages(glamaSource({ baseUrl: r.url }))).flatMap((p) => p.entries);
    const fs = entries.find((e) => e.sourceKey === 'modelcontextprotocol/filesystem')!;
    expect(fs.toolsObservedVia).toBe('glama');
    expect(fs.tools?.map((t) => t.name)).toEqual(['read_file', 'write_file', 'move_file']);
    expect(fs.tools?.[2]).toEqual({ name: 'move_file', description: 'Move or rename files and directories.' });
    expect(fs.issues).toEqual(['glama: tool move_file has a non-object inputSchema; dropped it']);
    const stripe = entries.find((e) => e.sourceKey === 'stripe/agent-toolkit')!;
    expect(stripe.tools?.[1]).toMatchObject({ name: 'list_customers', annotations: { readOnlyHint: true } });
    const fresh = entries.find((e) => e.sourceKey === 'someone/fresh-server')!;
    expect(fresh.tools).toBeUndefined();
    expect(fresh.toolsObservedVia).toBeUndefined();
  });

  it('maps a server to a ServerRecord; Glama names no package, so the launch says why', async () => {
    const r = await replay();
    const entries = (await collectPages(glamaSource({ baseUrl: r.url }))).flatMap((p) => p.entries);
    const stripe = entries.find((e) => e.sourceKey === 'stripe/agent-toolkit')!;
    expect(stripe.server).toEqual({
      name: 'glama:stripe/agent-toolkit', title: 'Stripe', description: 'Integrate with Stripe APIs through function calling.',
      repositoryUrl: 'https://github.com/stripe/agent-toolkit', websiteUrl: 'https://glama.ai/mcp/servers/3pyozaz8ra', status: 'active', runtime: 'unknown',
      launch: { kind: 'unsupported', reason: 'Glama names no package or endpoint for this server (hosting: hybrid)' },
    });
    expect(stripe.raw).toEqual(readFixture<unknown[]>('glama/servers.json')[1]);
  });

  it('fails clearly on a page without pageInfo, after yielding the pages before it', async () => {
    const r = await replay(withFault(glamaRoute(), (_u, n) => n === 2, { json: { servers: [] } }));
    const { pages, error } = await collectUntilError(glamaSource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(pages.map((p) => p.entries.length)).toEqual([3]);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'E_BAD_PAGE', message: expect.stringContaining('without "pageInfo"') });
  });

  it('detects an endCursor that repeats instead of looping forever', async () => {
    const list = readFixture<unknown[]>('glama/servers.json');
    const r = await replay(() => ({ json: { pageInfo: { endCursor: 'same', hasNextPage: true }, servers: list.slice(0, 2) } }));
    const { pages, error } = await collectUntilError(glamaSource({ baseUrl: r.url, http: noRetry }));
    expect(pages).toHaveLength(1);
    expect(error).toMatchObject({ code: 'E_CURSOR_LOOP' });
  });

  it('rejects bad options', () => {
    expect(() => glamaSource({ pageSize: 0 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringContaining('got 0') }));
  });
});
