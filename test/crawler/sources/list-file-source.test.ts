// The plain list file: one identifier a line.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFileSource, parseListLine } from '../../../crawler/sources/list-file.ts';
import { SourceError } from '../../../crawler/sources/source.ts';
import { fixturePath } from '../../helpers/source-replays.ts';
import { collectPages } from './contract.ts';

const FILE = fixturePath('list/servers.txt');
const dirs: string[] = [];
afterEach(async () => { while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true }); });

describe('list file source', () => {
  it('reads npm, bare and scoped names, pypi, oci and remote URLs; skips comments and blank lines', async () => {
    const entries = (await collectPages(listFileSource({ file: FILE }))).flatMap((p) => p.entries);
    expect(entries.map((e) => [e.sourceKey, e.server.name, e.server.runtime])).toEqual([
      ['npm:@modelcontextprotocol/server-everything@2025.9.25', 'npm:@modelcontextprotocol/server-everything', 'npm'],
      ['npm:airtable-mcp-server', 'npm:airtable-mcp-server', 'npm'],
      ['npm:@playwright/mcp', 'npm:@playwright/mcp', 'npm'],
      ['pypi:mcp-server-fetch', 'pypi:mcp-server-fetch', 'pypi'],
      ['pypi:mcp_server_git==2025.9.25', 'pypi:mcp-server-git', 'pypi'],
      ['oci:ghcr.io/github/github-mcp-server:v0.13.0', 'oci:ghcr.io/github/github-mcp-server', 'oci'],
      ['https://mcp.linear.app/sse', 'remote:mcp.linear.app/sse', 'remote'],
      ['https://mcp.sentry.dev/mcp', 'remote:mcp.sentry.dev/mcp', 'remote'],
      ['oci:mcp/postgres', 'oci:mcp/postgres', 'oci'],
    ]);
    expect(entries[0].server.launch).toEqual({ kind: 'package', registryType: 'npm', identifier: '@modelcontextprotocol/server-everything', version: '2025.9.25', args: [], env: {} });
    expect(entries[6].server.launch).toEqual({ kind: 'remote', transport: 'sse', url: 'https://mcp.linear.app/sse', headers: [] });
    expect(entries[7].server.launch).toMatchObject({ kind: 'remote', transport: 'streamable-http' });
    expect(entries[1].raw).toEqual({ file: FILE, line: 3, text: 'airtable-mcp-server' });
  });

  it('rejects bad lines with their line numbers and keeps going', async () => {
    const rejected = (await collectPages(listFileSource({ file: FILE }))).flatMap((p) => p.rejected);
    expect(rejected.map((r) => r.reason)).toEqual([
      'line 11: "npm:Not A Package" holds whitespace; write one identifier a line',
      'line 12: unknown prefix "foo:" (use npm:, pypi:, oci: or an http(s) URL)',
      'line 13: duplicate of line 3',
      'line 14: "pypi:" names no package',
    ]);
    expect(rejected[0].sourceKey).toBe(`${FILE}:11`);
  });

  it('detects duplicates of lines before the cursor when resuming', async () => {
    const pages = await collectPages(listFileSource({ file: FILE, pageSize: 10 }));
    const resumed = await collectPages(listFileSource({ file: FILE, pageSize: 10 }), pages[0].nextCursor);
    expect(resumed.flatMap((p) => p.rejected).map((r) => r.reason)).toContain('line 13: duplicate of line 3');
  });

  it('parses single lines', () => {
    expect(parseListLine('   ')).toEqual({});
    expect(parseListLine('# only a comment')).toEqual({});
    expect(parseListLine('npm:UPPER')).toEqual({ error: '"UPPER" is not a valid npm package name' });
    expect(parseListLine('oci:ghcr.io/o/img@sha256:' + 'a'.repeat(64))).toMatchObject({ entry: { sourceKey: `oci:ghcr.io/o/img@sha256:${'a'.repeat(64)}` } });
    expect(parseListLine('https://')).toEqual({ error: '"https://" is not a valid URL' });
  });

  it('says clearly when the file cannot be read, and checks its options', async () => {
    const error = await collectPages(listFileSource({ file: '/nonexistent/servers.txt' })).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'E_LIST_FILE', message: expect.stringContaining('/nonexistent/servers.txt') });
    expect(() => listFileSource({ file: '' })).toThrow(expect.objectContaining({ code: 'E_OPTIONS' }));
  });

  it('tolerates a BOM and CRLF line ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-list-'));
    dirs.push(dir);
    const file = join(dir, 'list.txt');
    await writeFile(file, '\uFEFFpypi:mcp-server-time\r\ntavily-mcp@0.2.9\r\n');
    const entries = (await collectPages(listFileSource({ file }))).flatMap((p) => p.entries);
    expect(entries.map((e) => e.sourceKey)).toEqual(['pypi:mcp-server-time', 'npm:tavily-mcp@0.2.9']);
  });
});
