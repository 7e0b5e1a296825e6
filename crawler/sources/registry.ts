// The official MCP Registry: GET /v0.1/servers with cursor pagination.
import { fetchJson, type FetchJsonOptions } from '../http.ts';
import { readRegistryItem } from './registry-record.ts';
import { SourceError, type ServerSource, type SourcePage } from './source.ts';

export interface RegistrySourceOptions {
  /** Base URL of the registry. @default 'https://registry.modelcontextprotocol.io' */
  baseUrl?: string;
  /** Items per page (the registry accepts 1..100). @default 100 */
  pageSize?: number;
  /** Only the latest version of each server (`version=latest`). @default true */
  latestOnly?: boolean;
  /** Only servers updated after this RFC 3339 time (`updated_since`). @default undefined */
  updatedSince?: string;
  /** Safety cap on pages fetched. @default 10000 */
  maxPages?: number;
  http?: FetchJsonOptions;
}

export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

export function registrySource(options: RegistrySourceOptions = {}): ServerSource {
  const { baseUrl = DEFAULT_REGISTRY_URL, pageSize = 100, latestOnly = true, updatedSince, maxPages = 10_000, http } = options;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new SourceError(`pageSize must be an integer from 1 to 100, got ${pageSize}`, 'E_OPTIONS');
  }
  const base = baseUrl.replace(/\/+$/, '');
  return {
    name: 'registry',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      const seen = new Set<string>();
      for (let page = 0; page < maxPages; page++) {
        const url = new URL(`${base}/v0.1/servers`);
        url.searchParams.set('limit', String(pageSize));
        if (latestOnly) url.searchParams.set('version', 'latest');
        if (updatedSince) url.searchParams.set('updated_since', updatedSince);
        if (cursor) url.searchParams.set('cursor', cursor);
        const body = await fetchJson(url.toString(), http);
        const { items, next } = readListBody(body, url.toString());
        const out: SourcePage = { entries: [], rejected: [] };
        for (const item of items) {
          const { entry, reason } = readRegistryItem(item);
          if (entry) out.entries.push(entry);
          else out.rejected.push({ reason: reason ?? 'unreadable' });
        }
        if (next && seen.has(next)) {
          throw new SourceError(`${url} returned cursor "${next}" a second time; stopping instead of looping`, 'E_CURSOR_LOOP');
        }
        if (next) seen.add(next);
        out.nextCursor = next;
        yield out;
        if (!next || items.length === 0) return;
        cursor = next;
      }
      throw new SourceError(`registry paging stopped after ${maxPages} pages (maxPages)`, 'E_PAGE_CAP');
    },
  };
}

/** `{servers: [...], metadata: {nextCursor | next_cursor}}`, read leniently. */
function readListBody(body: unknown, url: string): { items: unknown[]; next?: string } {
  const obj = body as { servers?: unknown; metadata?: { nextCursor?: unknown; next_cursor?: unknown } } | null;
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.servers)) {
    throw new SourceError(`${url} returned JSON without a "servers" array`, 'E_BAD_PAGE');
  }
  const raw = obj.metadata?.nextCursor ?? obj.metadata?.next_cursor;
  return { items: obj.servers, next: typeof raw === 'string' && raw ? raw : undefined };
}
