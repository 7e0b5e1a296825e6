// Several sources read one after the other as one; the cursor remembers which and where.
import { SourceError, type ServerSource, type SourcePage } from './source.ts';

export function combineSources(sources: ServerSource[]): ServerSource {
  if (!sources.length) throw new SourceError('combineSources needs at least one source', 'E_OPTIONS');
  if (sources.length === 1) return sources[0];
  return {
    name: sources.map((s) => s.name).join('+'),
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      const at = cursor ? cursor.indexOf('|') : -1;
      const first = at > 0 ? Number(cursor!.slice(0, at)) : 0;
      if (!Number.isInteger(first) || first < 0 || first >= sources.length) {
        throw new SourceError(`combined source: cursor "${cursor}" names no source`, 'E_CURSOR');
      }
      for (let i = first; i < sources.length; i++) {
        const inner = i === first && at > 0 ? cursor!.slice(at + 1) || undefined : undefined;
        for await (const page of sources[i].pages(inner)) {
          const next = page.nextCursor !== undefined ? `${i}|${page.nextCursor}` : i + 1 < sources.length ? `${i + 1}|` : undefined;
          yield { ...page, nextCursor: next };
        }
      }
    },
  };
}
