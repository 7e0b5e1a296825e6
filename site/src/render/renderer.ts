// Renders pages with Astro's Container API and writes them, with their JSON files, under outDir.
// Pages go through the container in batches (one call per server: its page and its tools' pages),
// split on a per-build marker; each file is written as soon as its batch is rendered.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { ServerBundle } from '../../../db/queries/site-stream.ts';
import { serverApi, toolApi } from '../lib/api.ts';
import type { SiteInfo } from '../lib/model-types.ts';
import { serverModel, type BundleExtras } from '../lib/server-model.ts';
import type { ServerModel, ToolShared } from '../lib/model-types.ts';
import { safeJson } from '../lib/text.ts';
import { inlineServerPolicyJson, MAX_SIBLINGS, toolModel } from '../lib/tool-model.ts';
import Batch from './Batch.astro';
import ServerParts from './ServerParts.astro';
import { VIEWS, type PageJob } from './views.ts';

/** Pages per container call. */
const BATCH = 40;

export interface ServerItem { bundle: ServerBundle; extras: BundleExtras }
export interface RenderStats {
  pages: number;
  files: number;
  bytes: number;
  /** Time in the container and in models, and time writing files. */
  renderMs: number;
  writeMs: number;
}

type Item = { View: unknown; props: Record<string, unknown>; file: string };

export class Renderer {
  readonly #marker = `<!--mcp-risk:page:${randomBytes(12).toString('hex')}-->`;
  readonly #dirs = new Set<string>();

  private constructor(private readonly container: AstroContainer, private readonly outDir: string, private readonly site: SiteInfo) {}

  static async create(outDir: string, site: SiteInfo): Promise<Renderer> {
    return new Renderer(await AstroContainer.create(), outDir, site);
  }

  /** Each server's page, its tools' pages and all their JSON files. */
  async renderServers(items: ServerItem[]): Promise<RenderStats> {
    const stats: RenderStats = { pages: 0, files: 0, bytes: 0, renderMs: 0, writeMs: 0 };
    for (const { bundle, extras } of items) {
      const started = performance.now();
      const server = serverModel(bundle, extras);
      const pages: Item[] = [{ View: VIEWS.server, props: { site: this.site, model: server }, file: `servers/${server.slug}/index.html` }];
      const json: [string, string][] = [[`api/servers/${server.slug}.json`, safeJson(serverApi(bundle, server))]];
      const parts = bundle.tools.length ? await this.#serverParts(server) : null;
      for (let i = 0; i < bundle.tools.length; i++) {
        const tool = toolModel(bundle, server, i, extras);
        const shared: ToolShared = {
          serverPolicyHtml: tool.serverPolicyJson === null ? null : parts!.policy,
          siblingRowsHtml: tool.siblings.map((s) => parts!.rows.get(s.tool)).join(''),
        };
        pages.push({ View: VIEWS.tool, props: { site: this.site, model: tool, shared }, file: `tools/${server.slug}/${tool.slug}/index.html` });
        json.push([`api/tools/${server.slug}/${tool.slug}.json`, safeJson(toolApi(bundle, i, tool, server))]);
      }
      stats.renderMs += performance.now() - started;
      this.#write(json, stats);
      await this.#render(pages, stats);
    }
    return stats;
  }

  /** Pages that are not a server's or a tool's: lists, hubs, home, search, 404. */
  async renderPages(jobs: PageJob[]): Promise<RenderStats> {
    const stats: RenderStats = { pages: 0, files: 0, bytes: 0, renderMs: 0, writeMs: 0 };
    await this.#render(jobs.map((job) => ({ View: VIEWS[job.view], props: { site: this.site, model: job.model }, file: job.file })), stats);
    return stats;
  }

  /**
   * The server's parts of its tool pages, rendered once: the whole-server policy block and a sibling
   * row per tool, by tool slug (the first MAX_SIBLINGS + 1 tools: every tool's siblings are among them).
   */
  async #serverParts(server: ServerModel): Promise<{ policy: string; rows: Map<string, string> }> {
    const policyJson = inlineServerPolicyJson(server);
    const rows = server.tools.slice(0, MAX_SIBLINGS + 1);
    const html = await this.container.renderToString(ServerParts, { props: { policyJson, rows, marker: this.#marker } });
    const pieces = html.split(this.#marker);
    if (pieces.length !== rows.length + 2) throw new Error(`Rendered ${pieces.length - 2} sibling rows for ${rows.length} tools; a row must not print the split marker.`);
    return { policy: pieces[0].trim(), rows: new Map(rows.map((row, k) => [row.tool, pieces[k + 1].trim()])) };
  }

  async #render(items: Item[], stats: RenderStats): Promise<void> {
    for (let start = 0; start < items.length; start += BATCH) {
      const chunk = items.slice(start, start + BATCH);
      const started = performance.now();
      const html = await this.container.renderToString(Batch, { props: { items: chunk, marker: this.#marker } });
      stats.renderMs += performance.now() - started;
      const parts = html.split(this.#marker);
      if (parts.length !== chunk.length + 1) throw new Error(`Rendered ${parts.length - 1} pages for a batch of ${chunk.length}; a page must not print the split marker.`);
      this.#write(chunk.map((item, i) => [item.file, `<!DOCTYPE html>${parts[i].trim()}`]), stats);
      stats.pages += chunk.length;
    }
  }

  /**
   * Writes synchronously: this runs on a render thread with nothing else to do meanwhile, and measured
   * here, a syscall on this thread beats a hop to the process's shared I/O pool (about 20% faster builds).
   */
  #write(files: [string, string][], stats: RenderStats): void {
    const started = performance.now();
    for (const [file, text] of files) {
      const path = join(this.outDir, file);
      const dir = dirname(path);
      if (!this.#dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        if (this.#dirs.size > 20_000) this.#dirs.clear();
        this.#dirs.add(dir);
      }
      writeFileSync(path, text);
      stats.files++;
      stats.bytes += Buffer.byteLength(text);
    }
    stats.writeMs += performance.now() - started;
  }
}
