// A source that falls back to another when the first cannot be reached before its first page.
import { HttpError } from '../http.ts';
import type { ServerSource, SourcePage } from './source.ts';

export function withFallback(primary: ServerSource, fallback: ServerSource, onFallback: (error: HttpError) => void): ServerSource {
  return {
    name: primary.name,
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      const iterator = primary.pages(cursor)[Symbol.asyncIterator]();
      let first: IteratorResult<SourcePage>;
      try {
        first = await iterator.next();
      } catch (error) {
        const unreachable = error instanceof HttpError && ['E_UNREACHABLE', 'E_TIMEOUT'].includes(error.code);
        if (!unreachable) throw error;
        onFallback(error);
        yield* fallback.pages();
        return;
      }
      if (first.done) return;
      yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
}
