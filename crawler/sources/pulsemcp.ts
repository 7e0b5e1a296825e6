// PulseMCP's REST API v0beta: `GET /v0beta/servers?count_per_page=N&offset=K` returning
// `{servers, next, total_count}` (pulsemcp.com/api and its OpenAPI 3.0 spec).
import { fetchJson, type FetchJsonOptions } from '../http.ts';
import type { Launch } from '../launch.ts';
import { checkInteger, isObj, readOffsetCursor, str, type Obj } from './lenient.ts';
import { isHttpUrl, packageLaunch, parseNpmSpec, parseOciRef, parsePypiSpec, remoteLaunch, type PackageSpec } from './package-spec.ts';
import { normalizeRepositoryUrl } from './registry-record.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export const DEFAULT_PULSEMCP_URL = 'https://api.pulsemcp.com';

export interface PulseMcpSourceOptions {
  /** Base URL of the API, without the version. @default 'https://api.pulsemcp.com' */
  baseUrl?: string;
  /** Servers per page (`count_per_page`, at most 5000). @default 500 */
  pageSize?: number;
  /** Search text (`query`). @default undefined (all servers) */
  query?: string;
  /** PulseMCP asks API users to identify themselves in User-Agent. @default 'mcp-risk-crawler' */
  userAgent?: string;
  /** Safety cap on pages fetched. @default 10000 */
  maxPages?: number;
  http?: FetchJsonOptions;
}

/** Cursor: the offset of the next page. */
export function pulseMcpSource(options: PulseMcpSourceOptions = {}): ServerSource {
  const { baseUrl = DEFAULT_PULSEMCP_URL, pageSize = 500, query, userAgent = 'mcp-risk-crawler', maxPages = 10_000 } = options;
  checkInteger('pulsemcp', 'pageSize', pageSize, 1, 5000);
  const base = baseUrl.replace(/\/+$/, '');
  const http: FetchJsonOptions = { ...options.http, headers: { 'user-agent': userAgent, ...options.http?.headers } };
  return {
    name: 'pulsemcp',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      let offset = readOffsetCursor(cursor, 'pulsemcp');
      for (let n = 0; n < maxPages; n++) {
        const url = `${base}/v0beta/servers?count_per_page=${pageSize}&offset=${offset}${query ? `&query=${encodeURIComponent(query)}` : ''}`;
        const { items, next, total } = readListBody(await fetchJson(url, http), url);
        const page: SourcePage = { entries: [], rejected: [] };
        for (const item of items) {
          const entry = isObj(item) ? readServer(item) : undefined;
          if (entry) page.entries.push(entry);
          else page.rejected.push({ reason: `${url}: server without name or url` });
        }
        const nextOffset = offsetOf(next) ?? offset + items.length;
        const more = !!next && items.length > 0 && nextOffset > offset && (total === undefined || nextOffset < total);
        page.nextCursor = more ? String(nextOffset) : undefined;
        yield page;
        if (!more) return;
        offset = nextOffset;
      }
      throw new SourceError(`pulsemcp paging stopped after ${maxPages} pages (maxPages)`, 'E_PAGE_CAP');
    },
  };
}

function readListBody(body: unknown, url: string): { items: unknown[]; next?: string; total?: number } {
  if (!isObj(body) || !Array.isArray(body.servers)) throw new SourceError(`${url} returned JSON without a "servers" array`, 'E_BAD_PAGE');
  const total = typeof body.total_count === 'number' && Number.isFinite(body.total_count) ? body.total_count : undefined;
  return { items: body.servers, next: str(body.next), total };
}

/** The `offset` of a `next` URL, when it names one. */
function offsetOf(next: string | undefined): number | undefined {
  if (!next) return undefined;
  try {
    const value = new URL(next, 'http://x').searchParams.get('offset');
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  } catch {
    return undefined;
  }
}

function readServer(item: Obj): SourceEntry | undefined {
  const page = str(item.url);
  const slug = (page ? safePath(page).split('/').filter(Boolean).pop() : undefined) ?? str(item.name)?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (!slug) return undefined;
  const issues: string[] = [];
  const { runtime, transport, launch } = pulseLaunch(item, issues);
  const repository = str(item.source_code_url);
  return {
    source: 'pulsemcp',
    sourceKey: slug,
    raw: item,
    issues,
    server: {
      name: `pulsemcp:${slug}`,
      title: str(item.name) ?? null,
      description: str(item.short_description) ?? str(item.EXPERIMENTAL_ai_generated_description) ?? null,
      repositoryUrl: repository ? normalizeRepositoryUrl(repository) : null,
      websiteUrl: str(item.external_url) ?? page ?? null,
      status: 'active',
      runtime,
      packageIdentifier: launch.kind === 'package' ? launch.identifier : null,
      transport: transport ?? null,
      launch,
    },
  };
}

const REGISTRY: Record<string, (name: string) => PackageSpec | undefined> = {
  npm: parseNpmSpec, pypi: parsePypiSpec, docker: parseOciRef, dockerhub: parseOciRef, oci: parseOciRef, ghcr: parseOciRef,
};

/** `package_registry` + `package_name` when the registry is one we run; else the first usable `remotes[]` item. */
function pulseLaunch(item: Obj, issues: string[]): { runtime: string; transport?: string; launch: Launch } {
  const registry = str(item.package_registry)?.toLowerCase();
  const name = str(item.package_name);
  if (registry && name) {
    const spec = REGISTRY[registry]?.(name);
    if (spec) return { runtime: spec.registryType, transport: 'stdio', launch: packageLaunch({ ...spec, version: undefined }) };
    issues.push(`package ${registry}:${name} is not one the crawler can run`);
  }
  // remotes[] is not in the v0beta OpenAPI spec; its items are read as {url_direct | url, transport}.
  const remotes = Array.isArray(item.remotes) ? item.remotes.filter(isObj) : [];
  for (const remote of remotes) {
    const url = str(remote.url_direct) ?? str(remote.url);
    if (!isHttpUrl(url)) continue;
    const t = str(remote.transport)?.toLowerCase().replace(/_/g, '-');
    if (t && !['sse', 'streamable-http', 'http'].includes(t)) continue;
    const transport = t === 'sse' ? 'sse' : t ? 'streamable-http' : undefined;
    const launch = remoteLaunch(url, transport);
    return { runtime: 'remote', transport: launch.transport, launch };
  }
  const why = registry && name ? `a ${registry} package the crawler cannot run` : 'no package and no remote endpoint';
  return { runtime: registry ?? 'unknown', launch: { kind: 'unsupported', reason: `PulseMCP lists ${why}` } };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
