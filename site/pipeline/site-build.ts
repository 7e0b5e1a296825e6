// The build's stages: views and assets, catalogue-wide queries, the pass over the servers (pages by
// the render workers), the lists and fixed pages, the search index, the sitemap and the extra files.
import { sql } from 'drizzle-orm';
import { getCatalogueCounts, ratedByVersion } from '../../db/queries/site.ts';
import type { AccuracyRecord } from '../../classifier/accuracy.ts';
import { lastAttempts } from '../../db/queries/site-globals.ts';
import { relatedIndex } from './related-index.ts';
import type { Database } from '../../db/client.ts';
import type { SiteInfo } from '../src/lib/model-types.ts';
import type { ServerItem } from '../src/render/renderer.ts';
import type { PageJob } from '../src/render/views.ts';
import { SearchIndexBuilder, writeSearchIndex, type SearchIndexStats } from '../search/builder.ts';
import { runCataloguePass } from './catalogue-pass.ts';
import { compileViews } from './compile.ts';
import { ToolLists } from './lists.ts';
import { fileOf } from './paginate.ts';
import { RenderPool } from './pool.ts';
import { ServerLists } from './server-lists.ts';
import { SitemapWriter } from './sitemap.ts';
import { StageClock, type BuildStage } from './stages.ts';
import { writeAssets, writeExtras } from './static-files.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeJson } from '../../classifier/safe-json.ts';

export interface SiteBuildInput {
  database: Database;
  outDir: string;
  /** Absolute URLs are made from this; null: none are written. */
  origin: string | null;
  workers: number;
  batchSize: number;
  onProgress?: (event: { stage: string; servers?: number; tools?: number }) => void;
  /** The classifier's measured accuracy for /accuracy/ (classifier/accuracy.ts); null: not measured. */
  accuracy?: AccuracyRecord | null;
}

export interface SiteBuildOutput {
  pages: number; files: number; bytes: number; servers: number; tools: number;
  search: SearchIndexStats; sitemap: { urls: number; files: number }; stages: BuildStage[]; durationMs: number;
  /** Where the time went: this thread reading the database, waiting for the renderers and indexing; the renderers rendering and writing (summed over workers). */
  profile: { readMs: number; waitMs: number; indexMs: number; renderMs: number; writeMs: number };
}

const PAGES_PER_REQUEST = 25;

export async function startSiteBuild(input: SiteBuildInput): Promise<SiteBuildOutput> {
  const { database, outDir, origin, onProgress } = input;
  const clock = new StageClock((stage) => onProgress?.({ stage }));
  const [views, assets] = await Promise.all([compileViews(), writeAssets(outDir)]);
  const site: SiteInfo = { origin, css: assets.css, js: assets.js };
  clock.end(views.compiled ? 'compile views' : 'views (cached)');

  // Fresh planner statistics: PGlite has no autovacuum, and without them the per-batch queries
  // fall back to sequential scans (0.5 s a batch at 600,000 tools instead of 10 ms).
  await database.db.execute(sql`analyze`);
  clock.end('analyze');
  const [counts, related, attempts, versions] = await Promise.all([getCatalogueCounts(database.db), relatedIndex(database.db), lastAttempts(database.db), ratedByVersion(database.db)]);
  clock.end('catalogue queries');

  const pool = await RenderPool.start({ workers: input.workers, bundleUrl: views.url, init: { outDir, site } });
  let failure: unknown;
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const tracked = p.catch((error) => { failure ??= error; }).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  const sitemap = new SitemapWriter(outDir, origin);
  let queue: PageJob[] = [];
  const paths: string[] = [];
  const emit = (job: PageJob, sitemapPath?: string) => { queue.push(job); if (sitemapPath) paths.push(sitemapPath); };
  const flushPages = async (all: boolean) => {
    while (queue.length >= (all ? 1 : PAGES_PER_REQUEST)) {
      await pool.room();
      track(pool.submit({ type: 'pages', jobs: queue.splice(0, PAGES_PER_REQUEST) }));
    }
    for (const path of paths.splice(0)) await sitemap.add(path);
  };
  try {
    clock.end('start render workers');
    const search = new SearchIndexBuilder();
    const toolLists = new ToolLists(counts, emit);
    const serverLists = new ServerLists();
    const pass = await runCataloguePass({
      database, batchSize: input.batchSize, related, attempts, search, toolLists, serverLists, sitemap,
      render: async (items: ServerItem[]) => {
        await flushPages(false);
        await pool.room();
        if (failure) throw failure;
        track(pool.submit({ type: 'servers', items }));
      },
      onProgress: (servers, tools) => onProgress?.({ stage: 'pages', servers, tools }),
    });
    for (const hub of toolLists.finish(counts)) emit({ view: 'hub', file: fileOf(hub.path), model: hub }, hub.path);
    serverLists.finish(emit);
    emit({ view: 'home', file: 'index.html', model: serverLists.home(counts) }, '/');
    emit({ view: 'search', file: 'search/index.html' });
    const accuracy = { record: input.accuracy ?? null, versions };
    emit({ view: 'accuracy', file: 'accuracy/index.html', model: accuracy }, '/accuracy/');
    await mkdir(join(outDir, 'api'), { recursive: true });
    await writeFile(join(outDir, 'api', 'accuracy.json'), safeJson(accuracy, 2));
    emit({ view: 'notFound', file: '404.html' });
    await flushPages(true);
    related.sameName.clear();
    related.purposeOf.clear();
    related.purposes.clear();
    attempts.clear();
    const searchStats = await writeSearchIndex(search, `${outDir}/search`);
    clock.end('servers, tools and lists (with the search index)');
    await Promise.all(inFlight);
    if (failure) throw failure;
    clock.end('render backlog');
    const sitemapStats = await sitemap.finish();
    const extras = await writeExtras(outDir, origin, { ...counts, builtAt: new Date().toISOString() });
    clock.end('sitemap and extra files');
    const { pages, files, bytes, renderMs, writeMs } = pool.totals;
    return {
      profile: { readMs: Math.round(pass.readMs), waitMs: Math.round(pass.waitMs), indexMs: Math.round(pass.indexMs), renderMs: Math.round(renderMs), writeMs: Math.round(writeMs) },
      // pages and JSON files, search shards and manifest, sitemaps and their index, extra files, assets
      pages, files: files + searchStats.shards + 1 + sitemapStats.files + 1 + extras + assets.files, bytes,
      servers: pass.servers, tools: pass.tools, search: searchStats, sitemap: sitemapStats,
      stages: clock.stages, durationMs: clock.totalMs,
    };
  } finally {
    await Promise.allSettled(inFlight);
    await pool.close();
  }
}
