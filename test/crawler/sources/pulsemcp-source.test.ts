// PulseMCP against a local emulation of /v0beta/servers (count_per_page/offset, next, total_count).
import { afterEach, describe, expect, it } from 'vitest';
import { pulseMcpSource } from '../../../crawler/sources/pulsemcp.ts';
import { HttpError } from '../../../crawler/http.ts';
import { pulseMcpRoute, startReplay, withFault } from '../../helpers/source-replays.ts';
import { collectPages, collectUntilError } from './contract.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
async function replay(route = pulseMcpRoute()) {
  const r = await startReplay(route);
  closers.push(r.close);
  return r;
}
const noRetry = { retries: 0 };

describe('pulsemcp source', () => {
  it('pages by offset, reading the offset from `next` but never its host, until total_count', async () => {
    const r = await replay();
    const pages = await collectPages(pulseMcpSource({ baseUrl: r.url, pageSize: 3 }));
    expect(r.requests).toEqual(['/v0beta/servers?count_per_page=3&offset=0', '/v0beta/servers?count_per_page=3&offset=3', '/v0beta/servers?count_per_page=3&offset=6']);
    expect(pages.map((p) => p.nextCursor)).toEqual(['3', '6', undefined]);
    expect(r.headers[0]['user-agent']).toBe('mcp-risk-crawler');
  });

  it('maps package_registry/package_name to package launches and remotes to remote launches', async () => {
    const r = await replay();
    const byKey = Object.fromEntries((await collectPages(pulseMcpSource({ baseUrl: r.url }))).flatMap((p) => p.entries).map((e) => [e.sourceKey, e]));
    expect(byKey['modelcontextprotocol-filesystem'].server).toEqual({
      name: 'pulsemcp:modelcontextprotocol-filesystem', title: 'Filesystem (Reference)', description: 'Provides secure file system access with configurable permissions.',
      repositoryUrl: 'https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem', websiteUrl: 'https://www.pulsemcp.com/servers/modelcontextprotocol-filesystem',
      status: 'active', runtime: 'npm', packageIdentifier: '@modelcontextprotocol/server-filesystem', transport: 'stdio',
      launch: { kind: 'package', registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', args: [], env: {} },
    });
    expect(byKey['modelcontextprotocol-fetch'].server.launch).toMatchObject({ kind: 'package', registryType: 'pypi', identifier: 'mcp-server-fetch' });
    expect(byKey.github.server.launch).toMatchObject({ kind: 'package', registryType: 'oci', identifier: 'ghcr.io/github/github-mcp-server' });
    expect(byKey.linear.server).toMatchObject({ runtime: 'remote', transport: 'sse', launch: { kind: 'remote', transport: 'sse', url: 'https://mcp.linear.app/sse' } });
    expect(byKey['rust-docs'].server.launch).toEqual({ kind: 'unsupported', reason: 'PulseMCP lists a cargo package the crawler cannot run' });
    expect(byKey['rust-docs'].issues).toEqual(['package cargo:rust-docs-mcp is not one the crawler can run']);
    expect(byKey['markuspfundstein-obsidian'].server.description).toBe('Lets assistants read and search notes in an Obsidian vault.');
  });

  it('fails clearly on a malformed page, after yielding the pages before it', async () => {
    const r = await replay(withFault(pulseMcpRoute(), (u) => u.searchParams.get('offset') === '3', { text: '{"servers": [' }));
    const { pages, error } = await collectUntilError(pulseMcpSource({ baseUrl: r.url, pageSize: 3, http: noRetry }));
    expect(pages.map((p) => p.entries.length)).toEqual([3]);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'E_BAD_JSON' });
  });

  it('fails clearly on a page without "servers"', async () => {
    const r = await replay(withFault(pulseMcpRoute(), () => true, { json: { error: { code: 'BAD_REQUEST', message: 'nope' } } }));
    const { error } = await collectUntilError(pulseMcpSource({ baseUrl: r.url, http: noRetry }));
    expect(error).toMatchObject({ code: 'E_BAD_PAGE', message: expect.stringContaining('without a "servers" array') });
  });

  it('rejects bad options and foreign cursors', async () => {
    expect(() => pulseMcpSource({ pageSize: 6000 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringContaining('got 6000') }));
    await expect(collectPages(pulseMcpSource({ baseUrl: 'http://127.0.0.1:9' }), '-1')).rejects.toMatchObject({ code: 'E_CURSOR' });
  });
});
