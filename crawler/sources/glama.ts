// Glama's MCP directory: `GET /api/mcp/v1/servers?first=N&after=CURSOR`, Relay-style
// `pageInfo {endCursor, hasNextPage}`. Glama publishes each server's tool list; it names no package or endpoint.
import { fetchJson, type FetchJsonOptions } from '../http.ts';
import { checkInteger, isObj, readTools, str, type Obj } from './lenient.ts';
import { normalizeRepositoryUrl } from './registry-record.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export const DEFAULT_GLAMA_URL = 'https://glama.ai';

export interface GlamaSourceOptions {
  /** Base URL of the site. @default 'https://glama.ai' */
  baseUrl?: string;
  /** Servers per page (`first`, 1..100). @default 100 */
  pageSize?: number;
  /** Search text (`query`). @default undefined (all servers) */
  query?: string;
  /** Safety cap on pages fetched. @default 10000 */
  maxPages?: number;
  http?: FetchJsonOptions;
}

/** Cursor: Glama's own `endCursor`, passed back as `after`. */
export function glamaSource(options: GlamaSourceOptions = {}): ServerSource {
  const { baseUrl = DEFAULT_GLAMA_URL, pageSize = 100, query, maxPages = 10_000, http } = options;
  checkInteger('glama', 'pageSize', pageSize, 1, 100);
  const base = baseUrl.replace(/\/+$/, '');
  return {
    name: 'glama',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      const seen = new Set<string>();
      for (let n = 0; n < maxPages; n++) {
        const url = `${base}/api/mcp/v1/servers?first=${pageSize}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}${query ? `&query=${encodeURIComponent(query)}` : ''}`;
        const { items, next } = readListBody(await fetchJson(url, http), url);
        const page: SourcePage = { entries: [], rejected: [] };
        for (const item of items) {
          const entry = isObj(item) ? readServer(item) : undefined;
          if (entry) page.entries.push(entry);
          else page.rejected.push({ sourceKey: isObj(item) ? str(item.id) : undefined, reason: `${url}: server without namespace/slug or id` });
        }
        if (next && seen.has(next)) throw new SourceError(`${url} returned endCursor "${next}" a second time; stopping instead of looping`, 'E_CURSOR_LOOP');
        if (next) seen.add(next);
        page.nextCursor = next;
        yield page;
        if (!next) return;
        cursor = next;
      }
      throw new SourceError(`glama paging stopped after ${maxPages} pages (maxPages)`, 'E_PAGE_CAP');
    },
  };
}

/** `{servers, pageInfo: {endCursor, hasNextPage}}`; the next cursor only when hasNextPage is true. */
function readListBody(body: unknown, url: string): { items: unknown[]; next?: string } {
  if (!isObj(body) || !Array.isArray(body.servers)) throw new SourceError(`${url} returned JSON without a "servers" array`, 'E_BAD_PAGE');
  const info = isObj(body.pageInfo) ? body.pageInfo : undefined;
  if (!info) throw new SourceError(`${url} returned JSON without "pageInfo"`, 'E_BAD_PAGE');
  return { items: body.servers, next: info.hasNextPage === true && body.servers.length ? str(info.endCursor) : undefined };
}

function readServer(item: Obj): SourceEntry | undefined {
  const namespace = str(item.namespace);
  const slug = str(item.slug);
  const key = namespace && slug ? `${namespace}/${slug}` : str(item.id);
  if (!key) return undefined;
  const repository = isObj(item.repository) ? str(item.repository.url) : undefined;
  const attributes = Array.isArray(item.attributes) ? item.attributes.filter((a): a is string => typeof a === 'string') : [];
  const { tools, issues } = readTools(item.tools, 'glama');
  const hosting = attributes.find((a) => a.startsWith('hosting:'))?.slice('hosting:'.length);
  const entry: SourceEntry = {
    source: 'glama',
    sourceKey: key,
    raw: item,
    issues,
    server: {
      name: `glama:${key}`,
      title: str(item.name) ?? null,
      description: str(item.description) ?? null,
      repositoryUrl: repository ? normalizeRepositoryUrl(repository) : null,
      websiteUrl: str(item.url) ?? null,
      status: 'active',
      runtime: 'unknown',
      launch: { kind: 'unsupported', reason: `Glama names no package or endpoint for this server${hosting ? ` (hosting: ${hosting})` : ''}` },
    },
  };
  // An absent list means "not inspected", not "no tools": only a published array is recorded.
  if (Array.isArray(item.tools)) Object.assign(entry, { tools, toolsObservedVia: 'glama' });
  return entry;
}
