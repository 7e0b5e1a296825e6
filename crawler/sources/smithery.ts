// Smithery registry (../shared/fixtures/smithery/registry-openapi.2025-11-25.json): `GET /servers?page=&pageSize=`
// for the list, `GET /servers/{qualifiedName}` for each server's connections and tools.
import { fetchJson, HttpError, type FetchJsonOptions } from '../http.ts';
import type { Launch } from '../launch.ts';
import { checkInteger, isObj, mapLimit, readOffsetCursor, readTools, str, type Obj } from './lenient.ts';
import { isHttpUrl, remoteLaunch } from './package-spec.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export const DEFAULT_SMITHERY_URL = 'https://registry.smithery.ai';

export interface SmitherySourceOptions {
  /** Base URL of the registry API. @default 'https://registry.smithery.ai' */
  baseUrl?: string;
  /** Bearer API key; the caller reads it (e.g. from SMITHERY_API_KEY). @default undefined (no Authorization header) */
  apiKey?: string;
  /** Search text (`q`), Smithery's filter syntax included. @default undefined (all servers) */
  query?: string;
  /** Servers per list page (the API accepts 1..100). @default 100 */
  pageSize?: number;
  /** Fetch each server's detail (connections, tools). @default true */
  details?: boolean;
  /** Detail requests in flight at once. @default 4 */
  detailConcurrency?: number;
  /** Safety cap on list pages. @default 10000 */
  maxPages?: number;
  http?: FetchJsonOptions;
}

/** Cursor: the next list page number. Entries keep `raw = {list, detail}`: both records as fetched. */
export function smitherySource(options: SmitherySourceOptions = {}): ServerSource {
  const { baseUrl = DEFAULT_SMITHERY_URL, apiKey, query, pageSize = 100, details = true, detailConcurrency = 4, maxPages = 10_000 } = options;
  checkInteger('smithery', 'pageSize', pageSize, 1, 100);
  checkInteger('smithery', 'detailConcurrency', detailConcurrency, 1, 64);
  const base = baseUrl.replace(/\/+$/, '');
  const http: FetchJsonOptions = { ...options.http, headers: { ...options.http?.headers, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) } };
  const get = (url: string) => fetchJson(url, http).catch((error) => {
    if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
      throw new SourceError(`${url} answered HTTP ${error.status}: Smithery needs an API key (pass apiKey, e.g. from SMITHERY_API_KEY)`, 'E_AUTH', error);
    }
    throw error;
  });
  return {
    name: 'smithery',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      for (let n = Math.max(1, readOffsetCursor(cursor, 'smithery')), fetched = 0; fetched < maxPages; n++, fetched++) {
        const url = `${base}/servers?page=${n}&pageSize=${pageSize}${query ? `&q=${encodeURIComponent(query)}` : ''}`;
        const { items, totalPages } = readListBody(await get(url), url);
        const page: SourcePage = { entries: [], rejected: [] };
        const named = items.filter((item): item is Obj & { qualifiedName: string } => {
          if (isObj(item) && str(item.qualifiedName)) return true;
          page.rejected.push({ reason: `${url}: list item without qualifiedName` });
          return false;
        });
        const detailOf = async (item: Obj & { qualifiedName: string }) => {
          if (!details) return { detail: undefined, issue: undefined };
          const detailUrl = `${base}/servers/${item.qualifiedName.split('/').map((s) => encodeURIComponent(s).replace(/^%40/, '@')).join('/')}`;
          try {
            const detail = await get(detailUrl);
            return isObj(detail) ? { detail, issue: undefined } : { detail: undefined, issue: `detail ${detailUrl} is not an object` };
          } catch (error) {
            if (error instanceof SourceError) throw error;
            return { detail: undefined, issue: `detail unavailable: ${(error as Error).message}` };
          }
        };
        const fetchedDetails = await mapLimit(named, detailConcurrency, detailOf);
        named.forEach((item, i) => page.entries.push(readServer(item, fetchedDetails[i].detail, fetchedDetails[i].issue)));
        const more = items.length > 0 && (totalPages !== undefined ? n < totalPages : items.length === pageSize);
        page.nextCursor = more ? String(n + 1) : undefined;
        yield page;
        if (!more) return;
      }
      throw new SourceError(`smithery paging stopped after ${maxPages} pages (maxPages)`, 'E_PAGE_CAP');
    },
  };
}

function readListBody(body: unknown, url: string): { items: unknown[]; totalPages?: number } {
  if (!isObj(body) || !Array.isArray(body.servers)) throw new SourceError(`${url} returned JSON without a "servers" array`, 'E_BAD_PAGE');
  const total = isObj(body.pagination) ? body.pagination.totalPages : undefined;
  return { items: body.servers, totalPages: typeof total === 'number' && Number.isFinite(total) ? total : undefined };
}

function readServer(item: Obj & { qualifiedName: string }, detail: Obj | undefined, detailIssue: string | undefined): SourceEntry {
  const issues = detailIssue ? [detailIssue] : [];
  const name = str(item.qualifiedName)!;
  const { runtime, transport, launch } = smitheryLaunch(detail);
  const entry: SourceEntry = {
    source: 'smithery',
    sourceKey: name,
    raw: { list: item, detail: detail ?? null },
    issues,
    server: {
      name: `smithery:${name}`,
      title: str(detail?.displayName) ?? str(item.displayName) ?? null,
      description: str(detail?.description) ?? str(item.description) ?? null,
      websiteUrl: str(item.homepage) ?? null,
      status: 'active', runtime, transport: transport ?? null, launch,
    },
  };
  if (detail && Array.isArray(detail.tools)) {
    const { tools, issues: toolIssues } = readTools(detail.tools, 'smithery');
    issues.push(...toolIssues);
    entry.tools = tools;
    entry.toolsObservedVia = 'smithery';
  }
  return entry;
}

/** An http connection's deploymentUrl (or the server's) is a streamable-HTTP remote; stdio bundles have no package. */
function smitheryLaunch(detail: Obj | undefined): { runtime: string; transport?: string; launch: Launch } {
  if (!detail) return { runtime: 'unknown', launch: { kind: 'unsupported', reason: 'Smithery detail not fetched; its list names no endpoint' } };
  const connections = Array.isArray(detail.connections) ? detail.connections.filter(isObj) : [];
  const http = connections.find((c) => c.type === 'http' && isHttpUrl(c.deploymentUrl));
  const url = str(http?.deploymentUrl) ?? (detail.remote !== false && isHttpUrl(detail.deploymentUrl) ? str(detail.deploymentUrl) : undefined);
  if (url) return { runtime: 'remote', transport: 'streamable-http', launch: remoteLaunch(url, 'streamable-http') };
  const stdio = connections.find((c) => c.type === 'stdio');
  if (stdio) {
    const rt = str(stdio.runtime);
    return { runtime: 'unknown', transport: 'stdio', launch: { kind: 'unsupported', reason: `Smithery publishes only a stdio bundle${rt ? ` (${rt})` : ''}, not a package the crawler can install` } };
  }
  return { runtime: 'unknown', launch: { kind: 'unsupported', reason: 'Smithery names no connection for this server' } };
}
