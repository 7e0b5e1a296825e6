// npm: registry search `GET /-/v1/search?text=keywords:mcp&size=&from=`, one query after another,
// deduplicated by package name; and one package's packument by name.
import { fetchJson, HttpError, type FetchJsonOptions } from '../http.ts';
import { isObj, str, checkInteger, type Obj } from './lenient.ts';
import { packageLaunch, repositoryUrlFromPackageJson } from './package-spec.ts';
import { normalizeRepositoryUrl } from './registry-record.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export const DEFAULT_NPM_URL = 'https://registry.npmjs.org';

export interface NpmSourceOptions {
  /** Base URL of the registry. @default 'https://registry.npmjs.org' */
  baseUrl?: string;
  /** Search texts, run in order; a package found by an earlier one is skipped later. @default ['keywords:mcp', 'keywords:mcp-server'] */
  queries?: string[];
  /** Results per request (npm accepts 1..250). @default 250 */
  pageSize?: number;
  /** Stop a query after this many results even if `total` is larger. @default 10000 */
  maxPerQuery?: number;
  http?: FetchJsonOptions;
}

/** Cursor `<query index>:<from>`; resuming never repeats a package an earlier query already gave. */
export function npmSource(options: NpmSourceOptions = {}): ServerSource {
  const { baseUrl = DEFAULT_NPM_URL, queries = ['keywords:mcp', 'keywords:mcp-server'], pageSize = 250, maxPerQuery = 10_000, http } = options;
  checkInteger('npm', 'pageSize', pageSize, 1, 250);
  checkInteger('npm', 'maxPerQuery', maxPerQuery, 1);
  if (!queries.length) throw new SourceError('npm: queries must name at least one search text, got []', 'E_OPTIONS');
  const base = baseUrl.replace(/\/+$/, '');
  return {
    name: 'npm',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      let [q, from] = readCursor(cursor, queries.length);
      const seen = new Set<string>();
      for (; q < queries.length; q++, from = 0) {
        const earlier = queries.slice(0, q).map(keywordOf).filter((k): k is string => !!k);
        for (;;) {
          const url = `${base}/-/v1/search?text=${encodeURIComponent(queries[q])}&size=${pageSize}&from=${from}`;
          const { objects, total } = readSearchBody(await fetchJson(url, http), url);
          const page: SourcePage = { entries: [], rejected: [] };
          for (const object of objects) {
            const pkg = isObj(object) && isObj(object.package) ? object.package : undefined;
            const name = str(pkg?.name);
            if (!pkg || !name) { page.rejected.push({ reason: `${url}: search result without package.name` }); continue; }
            const keywords = Array.isArray(pkg.keywords) ? pkg.keywords : [];
            if (seen.has(name) || earlier.some((k) => keywords.includes(k))) continue;
            seen.add(name);
            page.entries.push(entryFromSearch(object as Obj, pkg, name));
          }
          from += objects.length;
          const more = objects.length > 0 && from < Math.min(total, maxPerQuery);
          page.nextCursor = more ? `${q}:${from}` : q + 1 < queries.length ? `${q + 1}:0` : undefined;
          yield page;
          if (!more) break;
        }
      }
    },
  };
}

function readCursor(cursor: string | undefined, queryCount: number): [number, number] {
  if (!cursor) return [0, 0];
  const m = /^(\d+):(\d+)$/.exec(cursor);
  if (!m || Number(m[1]) >= queryCount) throw new SourceError(`npm: cursor "${cursor}" is not one this source wrote (expected <query>:<from>)`, 'E_CURSOR');
  return [Number(m[1]), Number(m[2])];
}

/** `keywords:mcp` → `mcp`: lets a later query skip what an earlier one returned, without state. */
const keywordOf = (query: string): string | undefined => /^keywords:([^\s,]+)$/.exec(query)?.[1];

function readSearchBody(body: unknown, url: string): { objects: unknown[]; total: number } {
  if (!isObj(body) || !Array.isArray(body.objects)) throw new SourceError(`${url} returned JSON without an "objects" array`, 'E_BAD_PAGE');
  const total = typeof body.total === 'number' && Number.isFinite(body.total) ? body.total : Infinity;
  return { objects: body.objects, total };
}

function entryFromSearch(raw: Obj, pkg: Obj, name: string): SourceEntry {
  const issues: string[] = [];
  const version = str(pkg.version);
  if (!version) issues.push('no version');
  const links = isObj(pkg.links) ? pkg.links : {};
  const repo = str(links.repository);
  return npmEntry(name, version, str(pkg.description), repo ? normalizeRepositoryUrl(repo) : undefined, str(links.homepage), raw, issues);
}

function npmEntry(name: string, version: string | undefined, description: string | undefined, repositoryUrl: string | undefined,
  websiteUrl: string | undefined, raw: unknown, issues: string[]): SourceEntry {
  return {
    source: 'npm',
    sourceKey: name,
    raw,
    issues,
    server: {
      name: `npm:${name}`, title: null, description: description ?? null, version: version ?? null,
      repositoryUrl: repositoryUrl ?? null, websiteUrl: websiteUrl ?? null, status: 'active',
      runtime: 'npm', packageIdentifier: name, packageVersion: version ?? null, transport: 'stdio',
      launch: packageLaunch({ registryType: 'npm', identifier: name, version }),
    },
  };
}

export interface NpmMetadataOptions {
  /** Base URL of the registry. @default 'https://registry.npmjs.org' */
  baseUrl?: string;
  http?: FetchJsonOptions;
}

/**
 * One package by name (`GET /<name>`, the packument), as an npm entry at its `latest` dist-tag;
 * undefined when the registry does not know the name (404). `raw` keeps the packument without
 * `versions` and `readme` (a packument can be megabytes), plus the manifest of the latest version.
 */
export async function npmPackageMetadata(name: string, options: NpmMetadataOptions = {}): Promise<SourceEntry | undefined> {
  const url = `${(options.baseUrl ?? DEFAULT_NPM_URL).replace(/\/+$/, '')}/${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`;
  let body: unknown;
  try {
    body = await fetchJson(url, options.http);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return undefined;
    throw error;
  }
  if (!isObj(body) || !str(body.name)) throw new SourceError(`${url} returned JSON that is not a packument (no "name")`, 'E_BAD_PAGE');
  const issues: string[] = [];
  const tags = isObj(body['dist-tags']) ? body['dist-tags'] : {};
  const latest = str(tags.latest);
  if (!latest) issues.push('no latest dist-tag');
  const versions = isObj(body.versions) ? body.versions : {};
  const manifest = latest && isObj(versions[latest]) ? (versions[latest] as Obj) : {};
  const { versions: _v, readme: _r, ...rest } = body;
  const repo = repositoryUrlFromPackageJson(manifest.repository ?? body.repository);
  return npmEntry(str(body.name)!, latest, str(manifest.description) ?? str(body.description), repo ? normalizeRepositoryUrl(repo) : undefined,
    str(manifest.homepage) ?? str(body.homepage), { ...rest, latestManifest: latest ? manifest : undefined }, issues);
}
