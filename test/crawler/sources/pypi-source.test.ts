// PyPI by name against a local emulation of the JSON API (`/pypi/<name>/json`).
import { afterEach, describe, expect, it } from 'vitest';
import { pypiPackageMetadata, pypiSource } from '../../../crawler/sources/pypi.ts';
import { HttpError } from '../../../crawler/http.ts';
import { pypiRoute, startReplay, withFault } from '../../helpers/source-replays.ts';
import { collectPages, collectUntilError } from './contract.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });
async function replay(route = pypiRoute()) {
  const r = await startReplay(route);
  closers.push(r.close);
  return r;
}
const noRetry = { retries: 0 };

describe('pypi source', () => {
  it('maps the project endpoint to a ServerRecord with a pypi package launch', async () => {
    const r = await replay();
    const entry = await pypiPackageMetadata('mcp-server-git', { baseUrl: r.url });
    expect(entry.server).toEqual({
      name: 'pypi:mcp-server-git', title: null,
      description: 'A Model Context Protocol server providing tools to read, search, and manipulate Git repositories programmatically via LLMs',
      version: '2025.9.25', repositoryUrl: 'https://github.com/modelcontextprotocol/servers', websiteUrl: 'https://modelcontextprotocol.io',
      status: 'active', runtime: 'pypi', packageIdentifier: 'mcp-server-git', packageVersion: '2025.9.25', transport: 'stdio',
      launch: { kind: 'package', registryType: 'pypi', identifier: 'mcp-server-git', version: '2025.9.25', args: [], env: {} },
    });
    expect(entry.raw).not.toHaveProperty('releases');
    expect(entry.raw).toHaveProperty('info.name', 'mcp-server-git');
  });

  it('finds the repository among labelled project URLs, a forge home page, or not at all', async () => {
    const r = await replay();
    const aws = await pypiPackageMetadata('awslabs.aws-documentation-mcp-server', { baseUrl: r.url });
    expect(aws.server).toMatchObject({ name: 'pypi:awslabs-aws-documentation-mcp-server', repositoryUrl: 'https://github.com/awslabs/mcp', websiteUrl: 'https://awslabs.github.io/mcp/' });
    const time = await pypiPackageMetadata('mcp-server-time', { baseUrl: r.url });
    expect(time.server.repositoryUrl).toBe('https://github.com/modelcontextprotocol/servers');
    const fetch = await pypiPackageMetadata('mcp-server-fetch', { baseUrl: r.url });
    expect(fetch.server).toMatchObject({ repositoryUrl: null, websiteUrl: null });
  });

  it('reads a list of names in pages, once per normalised name, rejecting unknown ones', async () => {
    const r = await replay();
    const names = ['mcp-server-fetch', 'Mcp_Server_Fetch', 'no-such-mcp-project', 'mcp_server_git'];
    const pages = await collectPages(pypiSource({ baseUrl: r.url, names, pageSize: 2, http: noRetry }));
    expect(pages.map((p) => p.entries.map((e) => e.sourceKey))).toEqual([['mcp-server-fetch'], ['mcp-server-git']]);
    expect(pages[0].rejected).toEqual([{ sourceKey: 'no-such-mcp-project', reason: 'PyPI has no project "no-such-mcp-project" (HTTP 404)' }]);
    expect(r.requests).toHaveLength(3);
  });

  it('rejects a record without info.name and keeps reading the others', async () => {
    const r = await replay(withFault(pypiRoute(), (u) => u.pathname.includes('mcp-server-time'), { json: { message: 'odd body' } }));
    const pages = await collectPages(pypiSource({ baseUrl: r.url, names: ['mcp-server-time', 'mcp-server-git'], http: noRetry }));
    expect(pages[0].entries.map((e) => e.sourceKey)).toEqual(['mcp-server-git']);
    expect(pages[0].rejected[0]).toMatchObject({ sourceKey: 'mcp-server-time', reason: expect.stringContaining('without info.name') });
  });

  it('fails clearly when a response is not JSON, after yielding the pages before it', async () => {
    const r = await replay(withFault(pypiRoute(), (u) => u.pathname.includes('mcp-server-time'), { text: '{"info": {' }));
    const { pages, error } = await collectUntilError(pypiSource({ baseUrl: r.url, names: ['mcp-server-git', 'mcp-server-time'], pageSize: 1, http: noRetry }));
    expect(pages.map((p) => p.entries.map((e) => e.sourceKey))).toEqual([['mcp-server-git']]);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: 'E_BAD_JSON', message: expect.stringContaining('/pypi/mcp-server-time/json returned malformed JSON') });
  });

  it('rejects bad options', () => {
    expect(() => pypiSource({ names: 'mcp-server-git' as never })).toThrow(expect.objectContaining({ code: 'E_OPTIONS' }));
    expect(() => pypiSource({ names: [], pageSize: 0 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringContaining('got 0') }));
  });
});
