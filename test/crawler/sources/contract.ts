// The one shared contract every ServerSource meets (hono's Router suite, for sources).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerSource, SourcePage } from '../../../crawler/sources/source.ts';

export interface ContractFixture {
  source: ServerSource;
  expected: {
    /** Entries over the whole source. */
    count: number;
    /** The server name of one entry that must be among them. */
    someName: string;
    /** Records the fixture holds that cannot be read at all. @default 0 */
    rejected?: number;
    /** Whether resuming from a page's nextCursor is supported. @default true */
    resumable?: boolean;
  };
  close(): Promise<void>;
}

const PAGE_LIMIT = 10_000;

export async function collectPages(source: ServerSource, cursor?: string): Promise<SourcePage[]> {
  const pages: SourcePage[] = [];
  for await (const page of source.pages(cursor)) {
    pages.push(page);
    if (pages.length > PAGE_LIMIT) throw new Error(`${source.name} yielded more than ${PAGE_LIMIT} pages`);
  }
  return pages;
}

const keysOf = (pages: SourcePage[]) => pages.flatMap((p) => p.entries.map((e) => `${e.source}|${e.sourceKey}`));

export function describeSourceContract(name: string, makeSource: () => Promise<ContractFixture>): void {
  describe(`${name}: ServerSource contract`, () => {
    let fixture: ContractFixture;
    let pages: SourcePage[];
    beforeAll(async () => {
      fixture = await makeSource();
      pages = await collectPages(fixture.source);
    });
    afterAll(async () => fixture?.close());

    it('pages end, with no nextCursor on the last page only', () => {
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.at(-1)!.nextCursor).toBeUndefined();
      for (const page of pages.slice(0, -1)) expect(typeof page.nextCursor).toBe('string');
      expect(typeof fixture.source.name).toBe('string');
    });

    it('yields every readable record with source, sourceKey, raw, name, runtime and a launch', () => {
      const entries = pages.flatMap((p) => p.entries);
      expect(entries).toHaveLength(fixture.expected.count);
      expect(entries.map((e) => e.server.name)).toContain(fixture.expected.someName);
      for (const e of entries) {
        expect(e.source, e.sourceKey).toMatch(/\S/);
        expect(e.sourceKey).toMatch(/\S/);
        expect(e.raw, e.sourceKey).toBeDefined();
        expect(e.server.name, e.sourceKey).toMatch(/\S/);
        expect(e.server.runtime, e.sourceKey).toMatch(/\S/);
        expect(Array.isArray(e.issues)).toBe(true);
        const launch = e.server.launch as { kind: string; [k: string]: unknown };
        expect(['package', 'remote', 'command', 'unsupported'], e.sourceKey).toContain(launch?.kind);
        if (launch.kind === 'package') expect(launch).toMatchObject({ registryType: expect.any(String), identifier: expect.any(String), args: expect.any(Array), env: expect.any(Object) });
        if (launch.kind === 'remote') expect(launch).toMatchObject({ transport: expect.stringMatching(/^(streamable-http|sse)$/), url: expect.stringMatching(/^https?:\/\//), headers: expect.any(Array) });
        if (launch.kind === 'unsupported') expect(launch.reason).toMatch(/\S/);
        if (e.tools) {
          expect(e.toolsObservedVia, e.sourceKey).toMatch(/\S/);
          for (const t of e.tools) expect(t.name).toMatch(/\S/);
        }
      }
    });

    it('gives every entry a unique sourceKey', () => {
      const keys = keysOf(pages);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('rejects unreadable records with a reason and keeps paging past them', () => {
      const rejected = pages.flatMap((p) => p.rejected);
      expect(rejected).toHaveLength(fixture.expected.rejected ?? 0);
      for (const r of rejected) expect(r.reason).toMatch(/\S/);
      const firstRejectedPage = pages.findIndex((p) => p.rejected.length > 0);
      if (firstRejectedPage >= 0) {
        expect(pages.slice(firstRejectedPage + 1).some((p) => p.entries.length > 0), 'entries after the first rejected record').toBe(true);
      }
    });

    it('resumes from any nextCursor with exactly the rest, no overlap', async () => {
      if (fixture.expected.resumable === false) return;
      const all = keysOf(pages);
      const cuts = [...new Set([0, Math.floor((pages.length - 1) / 2), pages.length - 2])].filter((i) => i >= 0 && i < pages.length - 1);
      for (const i of cuts) {
        const rest = await collectPages(fixture.source, pages[i].nextCursor);
        expect(keysOf(rest), `resumed after page ${i}`).toEqual(all.slice(keysOf(pages.slice(0, i + 1)).length));
      }
    });
  });
}

/** Pages up to the first error, and the error: for "a malformed page fails clearly, nothing before it is lost". */
export async function collectUntilError(source: ServerSource, cursor?: string): Promise<{ pages: SourcePage[]; error?: unknown }> {
  const pages: SourcePage[] = [];
  try {
    for await (const page of source.pages(cursor)) pages.push(page);
    return { pages };
  } catch (error) {
    return { pages, error };
  }
}
