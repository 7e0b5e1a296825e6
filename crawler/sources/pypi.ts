// PyPI by name: `GET /pypi/<name>/json` (the JSON API's project endpoint, latest release) for each
// name of a given list. PyPI has no keyword search, so the names come from elsewhere.
import { fetchJson, HttpError, type FetchJsonOptions } from '../http.ts';
import { isObj, str, checkInteger, readOffsetCursor, type Obj } from './lenient.ts';
import { normalizePypiName, packageLaunch } from './package-spec.ts';
import { normalizeRepositoryUrl } from './registry-record.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export const DEFAULT_PYPI_URL = 'https://pypi.org';

export interface PypiOptions {
  /** Base URL of the index. @default 'https://pypi.org' */
  baseUrl?: string;
  http?: FetchJsonOptions;
}

export interface PypiSourceOptions extends PypiOptions {
  /** Project names to look up, in order; duplicates (after PEP 503 normalisation) are read once. */
  names: string[];
  /** Names per page. @default 50 */
  pageSize?: number;
}

/** A source over a list of project names; unknown names (404) are rejected, the rest still read. */
export function pypiSource(options: PypiSourceOptions): ServerSource {
  const { pageSize = 50 } = options;
  if (!Array.isArray(options.names)) throw new SourceError(`pypi: names must be an array of project names, got ${JSON.stringify(options.names)}`, 'E_OPTIONS');
  checkInteger('pypi', 'pageSize', pageSize, 1);
  const names = [...new Map(options.names.map((n) => [normalizePypiName(n.trim()), n.trim()])).values()].filter(Boolean);
  return {
    name: 'pypi',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      for (let start = readOffsetCursor(cursor, 'pypi'); start < names.length; start += pageSize) {
        const page: SourcePage = { entries: [], rejected: [] };
        for (const name of names.slice(start, start + pageSize)) {
          try {
            page.entries.push(await pypiPackageMetadata(name, options));
          } catch (error) {
            if (error instanceof HttpError && !error.retryable) page.rejected.push({ sourceKey: name, reason: error.status === 404 ? `PyPI has no project "${name}" (HTTP 404)` : error.message });
            else if (error instanceof SourceError && error.code === 'E_BAD_RECORD') page.rejected.push({ sourceKey: name, reason: error.message });
            else throw error;
          }
        }
        page.nextCursor = start + pageSize < names.length ? String(start + pageSize) : undefined;
        yield page;
      }
    },
  };
}

/**
 * One project at its latest release. Throws HttpError (404 for an unknown name) or SourceError E_BAD_RECORD.
 * `raw` is the response without `releases` (deprecated by PyPI, and the bulk of the body).
 */
export async function pypiPackageMetadata(name: string, options: PypiOptions = {}): Promise<SourceEntry> {
  const url = `${(options.baseUrl ?? DEFAULT_PYPI_URL).replace(/\/+$/, '')}/pypi/${encodeURIComponent(name)}/json`;
  const body = await fetchJson(url, options.http);
  const info = isObj(body) && isObj(body.info) ? body.info : undefined;
  const project = str(info?.name);
  if (!info || !project) throw new SourceError(`${url} returned JSON without info.name`, 'E_BAD_RECORD');
  const issues: string[] = [];
  const version = str(info.version);
  if (!version) issues.push('no version');
  const urls = isObj(info.project_urls) ? info.project_urls : {};
  const repository = findRepository(urls, str(info.home_page));
  const { releases: _releases, ...raw } = body as Obj;
  return {
    source: 'pypi',
    sourceKey: normalizePypiName(project),
    raw,
    issues,
    server: {
      name: `pypi:${normalizePypiName(project)}`, title: null, description: str(info.summary) ?? null, version: version ?? null,
      repositoryUrl: repository ? normalizeRepositoryUrl(repository) : null,
      websiteUrl: str(urls.Homepage) ?? str(urls.homepage) ?? str(info.home_page) ?? null,
      status: info.yanked === true ? 'deprecated' : 'active',
      runtime: 'pypi', packageIdentifier: project, packageVersion: version ?? null, transport: 'stdio',
      launch: packageLaunch({ registryType: 'pypi', identifier: project, version }),
    },
  };
}

const REPO_LABEL = /^(source|source code|sources|repository|repo|code|github|gitlab)$/i;
const FORGE = /^https?:\/\/(www\.)?(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[^/]+\/[^/]+/i;

/** A project URL labelled as the source, else any forge URL among them or the home page. */
function findRepository(urls: Obj, homePage: string | undefined): string | undefined {
  const entries = Object.entries(urls).filter((e): e is [string, string] => typeof e[1] === 'string');
  const labelled = entries.find(([label, u]) => REPO_LABEL.test(label.trim()) && FORGE.test(u));
  const forge = labelled ?? entries.find(([, u]) => FORGE.test(u));
  if (forge) return FORGE.exec(forge[1])![0];
  return homePage && FORGE.test(homePage) ? FORGE.exec(homePage)![0] : undefined;
}
