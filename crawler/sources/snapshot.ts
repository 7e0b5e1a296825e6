// The registry snapshot shipped with the package: the offline fallback of the registry source.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseJsonText } from '../http.ts';
import { readRegistryItem } from './registry-record.ts';
import { SourceError, type ServerSource, type SourcePage } from './source.ts';

export const SNAPSHOT_FILE = fileURLToPath(new URL('../snapshot/registry-latest.json', import.meta.url));

export interface SnapshotSourceOptions {
  /** A JSON file: an array of registry items, or `{servers: [...]}`. @default the shipped snapshot */
  file?: string;
  /** Entries per page. @default 100 */
  pageSize?: number;
}

export function snapshotSource(options: SnapshotSourceOptions = {}): ServerSource {
  const { file = SNAPSHOT_FILE, pageSize = 100 } = options;
  return {
    name: 'snapshot',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      let body: unknown;
      try {
        body = parseJsonText(await readFile(file, 'utf8'), file);
      } catch (error) {
        throw new SourceError(`cannot read registry snapshot ${file}: ${(error as Error).message}`, 'E_SNAPSHOT', error);
      }
      const items = Array.isArray(body) ? body : (body as { servers?: unknown[] })?.servers;
      if (!Array.isArray(items)) throw new SourceError(`${file} holds no array of registry items`, 'E_SNAPSHOT');
      for (let start = cursor ? Number(cursor) : 0; start < items.length; start += pageSize) {
        const page: SourcePage = { entries: [], rejected: [] };
        for (const item of items.slice(start, start + pageSize)) {
          const { entry, reason } = readRegistryItem(item, 'snapshot');
          if (entry) page.entries.push(entry);
          else page.rejected.push({ reason: reason ?? 'unreadable' });
        }
        const next = start + pageSize;
        page.nextCursor = next < items.length ? String(next) : undefined;
        yield page;
      }
    },
  };
}
