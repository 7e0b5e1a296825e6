// The pages' data, read through db/queries/site.ts from the database buildSite() handed over.
// Tool pages are generated in server order, so one memoised server query serves all of a server's
// tool pages; the memo keeps only the last few servers, keeping memory flat however large the catalogue.
import {
  getCatalogueCounts, getServerPage, iterateServerSlugs, iterateToolPaths, listServerIndex, toolPageFrom,
  type CatalogueCounts, type ServerIndexRow, type ServerPage, type ToolPage, type ToolPath,
} from '../../../db/queries/site.ts';
import { siteContext } from './registry.ts';

/** Servers per index page (`/` is page 1, `/page/<n>/` the others). */
export const INDEX_PAGE_SIZE = 100;
const MEMO_SERVERS = 8;

/** Memoises a load for this build; with `keep`, only the newest `keep` entries of the key's kind stay. */
function memo<T>(key: string, load: () => Promise<T>, keep?: number): Promise<T> {
  const cache = siteContext().memo;
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const value = load();
  cache.set(key, value);
  if (keep !== undefined) {
    const kind = key.slice(0, key.indexOf(':') + 1);
    const same = [...cache.keys()].filter((k) => k.startsWith(kind));
    for (const old of same.slice(0, Math.max(0, same.length - keep))) cache.delete(old);
  }
  return value;
}

const db = () => siteContext().database.db;

export const loadCounts = (): Promise<CatalogueCounts> => memo('counts', () => getCatalogueCounts(db()));

export const loadServerIndex = (after?: string): Promise<ServerIndexRow[]> =>
  listServerIndex(db(), { after, limit: INDEX_PAGE_SIZE });

export const loadServerPage = (slug: string): Promise<ServerPage | undefined> =>
  memo(`server:${slug}`, () => getServerPage(db(), slug), MEMO_SERVERS);

export async function loadToolPage(serverSlug: string, toolSlug: string): Promise<ToolPage | undefined> {
  const page = await loadServerPage(serverSlug);
  return page && toolPageFrom(page, toolSlug);
}

/** Keyset cursors of the index pages after the first: page n starts after cursors[n - 2]. */
export async function indexPageCursors(): Promise<string[]> {
  const cursors: string[] = [];
  let i = 0;
  for await (const slug of iterateServerSlugs(db())) {
    if (++i % INDEX_PAGE_SIZE === 0) cursors.push(slug);
  }
  if (cursors.length && i % INDEX_PAGE_SIZE === 0) cursors.pop();
  return cursors;
}

export async function allServerSlugs(): Promise<string[]> {
  const slugs: string[] = [];
  for await (const slug of iterateServerSlugs(db())) slugs.push(slug);
  return slugs;
}

export async function allToolPaths(): Promise<ToolPath[]> {
  const paths: ToolPath[] = [];
  for await (const path of iterateToolPaths(db())) paths.push(path);
  return paths;
}

/** A page's data or an error that names what is missing (a slug from getStaticPaths must resolve). */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was listed by getStaticPaths but is no longer in the database; rebuild the site from a database that is not being written to.`);
  return value;
}
