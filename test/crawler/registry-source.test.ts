// The registry source against a local replay of the real registry dump.
import { afterEach, describe, expect, it } from 'vitest';
import { registrySource } from '../../crawler/sources/registry.ts';
import { snapshotSource } from '../../crawler/sources/snapshot.ts';
import { SourceError, type ServerSource, type SourcePage } from '../../crawler/sources/source.ts';
import { HttpError } from '../../crawler/http.ts';
import { loadDump, startRegistryReplay } from '../helpers/registry-replay.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });

async function collect(source: ServerSource): Promise<SourcePage[]> {
  const pages: SourcePage[] = [];
  for await (const page of source.pages()) pages.push(page);
  return pages;
}

async function replay(options: Parameters<typeof startRegistryReplay>[0] = {}) {
  const r = await startRegistryReplay(options);
  closers.push(r.close);
  return r;
}

describe('registry source', () => {
  it('pages through the whole real dump, latest versions only, with BOM-prefixed bodies', async () => {
    const r = await replay({ bom: true });
    const pages = await collect(registrySource({ baseUrl: r.url, pageSize: 100 }));
    const names = pages.flatMap((p) => p.entries.map((e) => e.server.name));
    const latest = loadDump().filter((i) => i._meta[OFFICIAL]?.isLatest);
    expect(names).toHaveLength(latest.length);
    expect(new Set(names).size).toBe(names.length);
    expect(pages.every((p) => p.rejected.length === 0)).toBe(true);
    expect(r.requests.every((u) => u.includes('version=latest'))).toBe(true);
    const airtable = pages.flatMap((p) => p.entries).find((e) => e.server.name === 'io.github.domdomegg/airtable-mcp-server');
    expect(airtable?.server).toMatchObject({ runtime: 'npm', packageIdentifier: 'airtable-mcp-server', transport: 'stdio' });
    expect(airtable?.server.launch).toMatchObject({ kind: 'package', env: { AIRTABLE_API_KEY: expect.any(String) } });
  });

  it('stops after a last full page followed by an empty one', async () => {
    const items = loadDump().filter((i) => i._meta[OFFICIAL]?.isLatest).slice(0, 20);
    const r = await replay({ items });
    const pages = await collect(registrySource({ baseUrl: r.url, pageSize: 10 }));
    expect(pages.map((p) => p.entries.length)).toEqual([10, 10, 0]);
    expect(r.requests).toHaveLength(3);
    expect(pages[2].nextCursor).toBeUndefined();
  });

  it('follows the older metadata.next_cursor spelling', async () => {
    const items = loadDump().filter((i) => i._meta[OFFICIAL]?.isLatest).slice(0, 25);
    const r = await replay({ items, snakeCase: true });
    const pages = await collect(registrySource({ baseUrl: r.url, pageSize: 10 }));
    expect(pages.map((p) => p.entries.length)).toEqual([10, 10, 5]);
    expect(r.requests[1]).toContain('cursor=');
  });

  it('reads non-conforming records leniently and rejects only nameless ones', async () => {
    const [good] = loadDump();
    const items = [
      { ...good, server: { ...good.server, name: 'a.example/no-repo-url', repository: {}, packages: [{ registryType: 'npm', identifier: 'x', transport: { type: 'stdio' } }] } },
      { ...good, server: { ...good.server, name: 'b.example/ok' } },
      { ...good, server: { ...good.server, name: '' } },
    ] as never[];
    const r = await replay({ items });
    const [page] = await collect(registrySource({ baseUrl: r.url, latestOnly: false }));
    expect(page.entries.map((e) => e.server.name)).toEqual(['a.example/no-repo-url', 'b.example/ok']);
    expect(page.entries[0].issues).toEqual(expect.arrayContaining(['repository without url', 'package x has no version']));
    expect(page.rejected).toEqual([{ reason: 'record has no name' }]);
  });

  it('detects a cursor that repeats instead of looping forever', async () => {
    const items = loadDump().slice(0, 5);
    const r = await replay({
      items,
      intercept: (_req, res) => { res.writeHead(200).end(JSON.stringify({ servers: items, metadata: { nextCursor: 'same' } })); return true; },
    });
    const error = await collect(registrySource({ baseUrl: r.url, latestOnly: false })).catch((e) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error.code).toBe('E_CURSOR_LOOP');
    expect(r.requests).toHaveLength(2);
  });

  it('says clearly when the registry cannot be reached', async () => {
    const error = await collect(registrySource({ baseUrl: 'http://127.0.0.1:9', http: { retries: 1, backoffMs: 10 } })).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('E_UNREACHABLE');
    expect(error.message).toMatch(/could not be reached/);
  });

  it('ships an offline snapshot of real registry records', async () => {
    const pages = await collect(snapshotSource());
    const entries = pages.flatMap((p) => p.entries);
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.filter((e) => e.server.runtime === 'npm' && e.server.transport === 'stdio').length).toBeGreaterThan(300);
  });
});
