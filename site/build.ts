// Builds the static site from an open database. The .astro views are compiled once (site/pipeline/
// compile.ts) and rendered with Astro's Container API by a few worker threads, while this thread
// streams the catalogue from the database in batches and writes the search index, lists and sitemap.
// Nothing holds the whole catalogue: memory grows with one row per server and the search postings.
import { availableParallelism, homedir } from 'node:os';
import { parse, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir, rm } from 'node:fs/promises';
import type { Database } from '../db/client.ts';
import type { AccuracyRecord } from '../classifier/accuracy.ts';
import { startSiteBuild } from './pipeline/site-build.ts';
import type { BuildStage } from './pipeline/stages.ts';
import type { SearchIndexStats } from './search/builder.ts';

export const SITE_ROOT = fileURLToPath(new URL('.', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuildSiteOptions {
  /** An open database (db/client.ts); the build reads it, and it stays open afterwards. */
  database: Database;
  /** Where the site goes, resolved against the working directory; emptied first. @default 'dist' */
  outDir?: string;
  /**
   * The site's public address (its root, e.g. https://mcp-risk.example/), for the canonical,
   * Open Graph, JSON-LD, sitemap, robots.txt and llms.txt URLs. Without it pages carry no absolute
   * URL (no canonical or og:url, relative links in llms.txt) and no sitemap is written.
   * @default undefined
   */
  siteUrl?: string;
  /** Render threads. @default min(2, available cores) */
  workers?: number;
  /** Servers read from the database per batch. @default 100 */
  batchSize?: number;
  /** Called after each batch and at each stage's end. */
  onProgress?: (event: { stage: string; servers?: number; tools?: number }) => void;
  /** The classifier's accuracy measured for this build (classifier/accuracy.ts), shown on /accuracy/. @default not measured */
  accuracy?: AccuracyRecord | null;
}

export interface BuildSiteResult {
  /** Absolute path of the built site. */
  outDir: string;
  /** HTML pages written. */
  pages: number;
  /** Files written (pages, JSON, search shards, sitemaps, assets). */
  files: number;
  /** Bytes of pages and JSON files. */
  bytes: number;
  servers: number;
  tools: number;
  search: SearchIndexStats;
  /** Sitemap URLs and files; none without a siteUrl. */
  sitemap: { urls: number; files: number };
  /** The origin absolute URLs were made from, or null without a siteUrl. */
  origin: string | null;
  stages: BuildStage[];
  /** Where the time went (see site/pipeline/site-build.ts). */
  profile: { readMs: number; waitMs: number; indexMs: number; renderMs: number; writeMs: number };
  durationMs: number;
}

let running = false;

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { database, outDir = 'dist', siteUrl, batchSize = 100 } = options;
  if (!database?.db) {
    throw new TypeError(`buildSite() needs an open database from openDb() as options.database; got ${String(database)}.`);
  }
  const workers = options.workers ?? Math.max(1, Math.min(2, availableParallelism()));
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`buildSite() options.workers must be a positive integer; got ${workers}.`);
  const origin = siteUrl === undefined ? null : siteOrigin(siteUrl);
  const absoluteOutDir = resolve(outDir);
  refuseDangerousOutDir(absoluteOutDir);
  if (running) {
    throw new Error('A site build is already running in this process; buildSite() calls cannot overlap. Await the first one before starting another.');
  }
  running = true;
  try {
    await rm(absoluteOutDir, { recursive: true, force: true });
    await mkdir(absoluteOutDir, { recursive: true });
    const result = await startSiteBuild({
      database, outDir: absoluteOutDir, origin, workers, batchSize, onProgress: options.onProgress, accuracy: options.accuracy,
    });
    return { outDir: absoluteOutDir, origin, ...result };
  } finally {
    running = false;
  }
}

/** Thrown for a site URL that is not an absolute http(s) URL; `code` is stable. */
export class SiteUrlError extends TypeError {
  readonly code = 'SITE_URL_INVALID';
  constructor(readonly siteUrl: string, reason: string) {
    super(`The site URL must be an absolute http(s) URL such as https://mcp-risk.example/; "${siteUrl}" ${reason}.`);
    this.name = 'SiteUrlError';
  }
}

/** The origin pages are addressed from, e.g. https://mcp-risk.example/ (pages link from /, so it is a root). */
export function siteOrigin(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new SiteUrlError(siteUrl, 'is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError(siteUrl, `has the scheme ${url.protocol}`);
  if (url.search || url.hash || url.username || url.password) throw new SiteUrlError(siteUrl, 'has a query, fragment or credentials');
  if (url.pathname !== '/') throw new SiteUrlError(siteUrl, 'has a path (the pages link from /, so the site must be served at a root)');
  return url.href;
}

/** The output folder is emptied first, so it must not be (or hold) the project, the site sources, a home or a drive. */
function refuseDangerousOutDir(dir: string): void {
  const trim = (path: string) => path.replace(/[\\/]+$/, '');
  const within = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  const holdsProject = within(trim(SITE_ROOT), dir) || within(trim(PROJECT_ROOT), dir);
  if (holdsProject || within(dir, resolve(SITE_ROOT, 'src')) || dir === homedir() || parse(dir).root === dir) {
    throw new Error(`buildSite() will not write into ${dir}: the output folder is emptied first, and this one is or holds `
      + 'the project, the site sources, a home folder or a whole drive. Pass an outDir of its own, such as "dist".');
  }
}
