// The build's one pass over the catalogue. Each batch of servers goes to the render workers (their
// pages and JSON files), and on this thread into the search index, the lists and the sitemap.
import type { Database } from '../../db/client.ts';
import type { LastAttempt, SameNameEntry } from '../../db/queries/site-globals.ts';
import type { RelatedIndex } from './related-index.ts';
import type { PurposeEntry } from '../src/lib/purpose.ts';
import { iterateServerBundles, type ServerBundle } from '../../db/queries/site-stream.ts';
import { serverPath, serverRef, summarize, toolRef, type BundleExtras } from '../src/lib/server-model.ts';
import type { FindingRow } from '../src/lib/model-types.ts';
import type { ServerItem } from '../src/render/renderer.ts';
import type { SearchIndexBuilder } from '../search/builder.ts';
import type { ToolLists } from './lists.ts';
import type { ServerLists } from './server-lists.ts';
import type { SitemapWriter } from './sitemap.ts';

export interface PassContext {
  database: Database;
  batchSize: number;
  related: RelatedIndex;
  attempts: Map<number, LastAttempt>;
  search: SearchIndexBuilder;
  toolLists: ToolLists;
  serverLists: ServerLists;
  sitemap: SitemapWriter;
  /** Hands a batch to the renderers once they have room for it. */
  render(items: ServerItem[]): Promise<void>;
  onProgress?(servers: number, tools: number): void;
}

function extrasOf(bundle: ServerBundle, ctx: PassContext): BundleExtras {
  // keyed by crawled tool names (`__proto__` included): no prototype to collide with
  const sameName: Record<string, SameNameEntry> = Object.create(null);
  const samePurpose: Record<string, PurposeEntry> = Object.create(null);
  const { related } = ctx;
  for (const tool of bundle.tools) {
    const entry = related.sameName.get(tool.name);
    if (entry) sameName[tool.name] = entry;
    const purpose = related.purposeOf.get(tool.name);
    if (purpose) samePurpose[tool.name] = related.purposes.get(purpose)!;
  }
  return { sameName, samePurpose, lastAttempt: ctx.attempts.get(bundle.server.id) ?? null };
}

/** What the pass did, and where its time went on this thread. */
export interface PassResult { servers: number; tools: number; readMs: number; waitMs: number; indexMs: number }

export async function runCataloguePass(ctx: PassContext): Promise<PassResult> {
  let servers = 0;
  let tools = 0;
  let readMs = 0;
  let waitMs = 0;
  let indexMs = 0;
  const batches = iterateServerBundles(ctx.database.db, { batchSize: ctx.batchSize });
  for (;;) {
    let t = performance.now();
    const next = await batches.next();
    readMs += performance.now() - t;
    if (next.done) break;
    const items = next.value.map((bundle) => ({ bundle, extras: extrasOf(bundle, ctx) }));
    t = performance.now();
    await ctx.render(items);
    waitMs += performance.now() - t;
    t = performance.now();
    for (const { bundle } of items) {
      const summary = summarize(bundle);
      const { server } = bundle;
      ctx.serverLists.add(serverRef(bundle, summary));
      ctx.search.addServer({
        slug: server.slug, name: server.name, title: server.title, displayName: summary.displayName,
        package: summary.runs.package, description: server.description, highestRisk: summary.highestRisk, toolCount: bundle.tools.length,
      });
      await ctx.sitemap.add(serverPath(server.slug), server.lastSeenAt);
      const findings = new Map<string, FindingRow[]>();
      for (const f of summary.findings) findings.set(f.tool, [...(findings.get(f.tool) ?? []), f]);
      for (const tool of bundle.tools) {
        const ref = toolRef(server.slug, summary.displayName, tool);
        ctx.toolLists.add(ref, findings.get(tool.slug) ?? []);
        ctx.search.addTool({
          serverSlug: server.slug, serverName: server.name, serverDisplayName: summary.displayName, slug: tool.slug, name: tool.name,
          title: typeof tool.definition.title === 'string' ? tool.definition.title : undefined,
          description: typeof tool.definition.description === 'string' ? tool.definition.description : undefined,
          risk: ref.risk, category: ref.category,
        });
        await ctx.sitemap.add(`/tools/${server.slug}/${tool.slug}/`, tool.lastSeenAt);
      }
      servers++;
      tools += bundle.tools.length;
    }
    indexMs += performance.now() - t;
    ctx.onProgress?.(servers, tools);
  }
  return { servers, tools, readMs, waitMs, indexMs };
}
