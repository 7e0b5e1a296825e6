// A local HTTP server replaying the real registry dump as GET /v0.1/servers, emulating the registry's
// own paging (internal/database/postgres.go, as described in ../shared/fixtures/registry/SOURCES.md).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const REGISTRY_DUMP = new URL('../../../shared/fixtures/registry/mcp-insights-servers.2025-12-18.json', import.meta.url);
const OFFICIAL = 'io.modelcontextprotocol.registry/official';

type Item = { server: { name: string; version: string }; _meta: Record<string, { isLatest?: boolean; updatedAt?: string }> };

export interface ReplayOptions {
  items?: Item[];
  /** Spell the cursor as the pre-launch `metadata.next_cursor`. @default false */
  snakeCase?: boolean;
  /** Prefix every body with a UTF-8 BOM. @default false */
  bom?: boolean;
  /** Intercept a request before the emulation answers it; return true when handled. */
  intercept?: (req: IncomingMessage, res: ServerResponse, requestNumber: number) => boolean | Promise<boolean>;
}

let cached: Item[] | undefined;
export function loadDump(): Item[] {
  cached ??= JSON.parse(readFileSync(REGISTRY_DUMP, 'utf8').replace(/^\uFEFF/, '')) as Item[];
  return cached;
}

export async function startRegistryReplay(options: ReplayOptions = {}) {
  const items = [...(options.items ?? loadDump())].sort((a, b) =>
    a.server.name < b.server.name ? -1 : a.server.name > b.server.name ? 1 : a.server.version < b.server.version ? -1 : a.server.version > b.server.version ? 1 : 0);
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    if (options.intercept && (await options.intercept(req, res, requests.length))) return;
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/v0.1/servers') { res.writeHead(404).end('{"title":"Not Found"}'); return; }
    const limit = Number(url.searchParams.get('limit') ?? 30);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) { res.writeHead(422).end('{"title":"Unprocessable Entity"}'); return; }
    let rows = items;
    if (url.searchParams.get('version') === 'latest') rows = rows.filter((i) => i._meta[OFFICIAL]?.isLatest);
    const search = url.searchParams.get('search');
    if (search) rows = rows.filter((i) => i.server.name.toLowerCase().includes(search.toLowerCase()));
    const since = url.searchParams.get('updated_since');
    if (since) {
      const t = Date.parse(since);
      if (Number.isNaN(t)) { res.writeHead(400).end('{"title":"Bad Request"}'); return; }
      rows = rows.filter((i) => Date.parse(i._meta[OFFICIAL]?.updatedAt ?? '') > t);
    }
    const cursor = url.searchParams.get('cursor');
    if (cursor) {
      const at = cursor.lastIndexOf(':');
      const [name, version] = [cursor.slice(0, at), cursor.slice(at + 1)];
      rows = rows.filter((i) => i.server.name > name || (i.server.name === name && i.server.version > version));
    }
    const page = rows.slice(0, limit);
    const metadata: Record<string, unknown> = { count: page.length };
    if (page.length === limit) {
      const last = page[page.length - 1].server;
      metadata[options.snakeCase ? 'next_cursor' : 'nextCursor'] = `${last.name}:${last.version}`;
    }
    const body = JSON.stringify({ servers: page, metadata });
    res.writeHead(200, { 'content-type': 'application/json' }).end(options.bom ? `\uFEFF${body}` : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    items,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
