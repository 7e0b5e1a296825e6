// Local emulations of the directory APIs the sources read, serving the hand-written fixtures in
// test/fixtures/sources/ in each API's documented shape and paging.
import { readFileSync } from 'node:fs';
import { startJsonReplay, type Reply, type Route } from './json-replay.ts';

const FIXTURES = new URL('../fixtures/sources/', import.meta.url);
export const fixturePath = (path: string): string => new URL(path, FIXTURES).pathname;
export const readFixture = <T = unknown>(path: string): T => JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;

type Obj = Record<string, any>;

/** Replaces the answer to requests that `when` picks (e.g. the second page) with `reply`. */
export function withFault(route: Route, when: (url: URL, n: number) => boolean, reply: Reply): Route {
  return (url, req, n) => (when(url, n) ? reply : route(url, req, n));
}

/** npm: `GET /-/v1/search?text=keywords:<k>&size=&from=` over search-index.json, and `GET /<name>` packuments. */
export function npmRoute(): Route {
  const index = readFixture<Obj[]>('npm/search-index.json');
  const packuments: Record<string, string> = { 'airtable-mcp-server': 'npm/packument-airtable-mcp-server.json', '@upstash/context7-mcp': 'npm/packument-context7-mcp.json' };
  return (url) => {
    if (url.pathname === '/-/v1/search') {
      const keyword = /^keywords:(.+)$/.exec(url.searchParams.get('text') ?? '')?.[1];
      const size = Number(url.searchParams.get('size') ?? 20);
      const from = Number(url.searchParams.get('from') ?? 0);
      if (!Number.isInteger(size) || size < 1 || size > 250) return { status: 400, json: { error: 'size must be between 1 and 250' } };
      const hits = index.filter((o) => (o.package?.keywords ?? []).includes(keyword));
      return { json: { objects: hits.slice(from, from + size), total: hits.length, time: 'Tue Oct 07 2025 10:00:00 GMT+0000 (Coordinated Universal Time)' } };
    }
    const file = packuments[decodeURIComponent(url.pathname.slice(1))];
    return file ? { json: readFixture(file) } : undefined;
  };
}

/** PyPI: `GET /pypi/<name>/json`, any spelling of the name (PEP 503). */
export function pypiRoute(): Route {
  const files = ['mcp-server-fetch', 'mcp-server-git', 'mcp-server-time', 'awslabs-aws-documentation-mcp-server'];
  return (url) => {
    const m = /^\/pypi\/([^/]+)\/json$/.exec(url.pathname);
    const name = m ? decodeURIComponent(m[1]).toLowerCase().replace(/[-_.]+/g, '-') : undefined;
    return name && files.includes(name) ? { json: readFixture(`pypi/${name}.json`) } : m ? { status: 404, json: { message: 'Not Found' } } : undefined;
  };
}

/** Smithery: `GET /servers?page=&pageSize=` and `GET /servers/{qualifiedName}`, with an optional bearer key. */
export function smitheryRoute(options: { apiKey?: string } = {}): Route {
  const list = readFixture<Obj[]>('smithery/servers.json');
  const details = readFixture<Record<string, Obj>>('smithery/details.json');
  return (url, req) => {
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) return { status: 401, json: { error: 'Unauthorized' } };
    if (url.pathname === '/servers') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 10);
      if (!(page >= 1) || !(pageSize >= 1 && pageSize <= 100)) return { status: 422, json: { error: 'Invalid pagination' } };
      const servers = list.slice((page - 1) * pageSize, page * pageSize);
      return { json: { servers, pagination: { currentPage: page, pageSize, totalPages: Math.ceil(list.length / pageSize), totalCount: list.length } } };
    }
    if (url.pathname.startsWith('/servers/')) {
      const detail = details[decodeURIComponent(url.pathname.slice('/servers/'.length))];
      return detail ? { json: detail } : { status: 404, json: { error: 'Server not found' } };
    }
    return undefined;
  };
}

/** Glama: `GET /api/mcp/v1/servers?first=&after=`, Relay-style pageInfo with opaque base64 cursors. */
export function glamaRoute(): Route {
  const list = readFixture<Obj[]>('glama/servers.json');
  const cursor = (i: number) => Buffer.from(JSON.stringify({ createdAt: `2025-01-0${(i % 9) + 1}T00:00:00.000Z`, i })).toString('base64');
  return (url) => {
    if (url.pathname !== '/api/mcp/v1/servers') return undefined;
    const first = Number(url.searchParams.get('first') ?? 10);
    if (!(first >= 1 && first <= 100)) return { status: 400, json: { error: 'first must be between 1 and 100' } };
    const after = url.searchParams.get('after');
    const start = after ? JSON.parse(Buffer.from(after, 'base64').toString()).i + 1 : 0;
    const servers = list.slice(start, start + first);
    const end = start + servers.length - 1;
    return {
      json: {
        pageInfo: { startCursor: servers.length ? cursor(start) : null, endCursor: servers.length ? cursor(end) : null, hasNextPage: end + 1 < list.length, hasPreviousPage: start > 0 },
        servers,
      },
    };
  };
}

/** PulseMCP: `GET /v0beta/servers?count_per_page=&offset=`, `next` an absolute URL on the real host, as documented. */
export function pulseMcpRoute(): Route {
  const list = readFixture<Obj[]>('pulsemcp/servers.json');
  return (url) => {
    if (url.pathname !== '/v0beta/servers') return undefined;
    const count = Number(url.searchParams.get('count_per_page') ?? 5000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const servers = list.slice(offset, offset + count);
    const next = offset + count < list.length ? `https://api.pulsemcp.com/v0beta/servers?count_per_page=${count}&offset=${offset + count}` : null;
    return { json: { servers, next, total_count: list.length } };
  };
}

export const startReplay = startJsonReplay;
