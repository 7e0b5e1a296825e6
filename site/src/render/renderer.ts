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
import { MAX_INLINE_SERVER_POLICY, MAX_SIBLINGS, toolModel } from '../lib/tool-model.ts';
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

const DOCTYPE = Buffer.from('<!DOCTYPE html>');

/** The bytes of html[from, to) without leading or trailing ASCII whitespace. */
function trimBytes(html: Buffer, from: number, to: number): Buffer {
  const space = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c;
  while (from < to && space(html[from])) from++;
  while (to > from && space(html[to - 1])) to--;
  return html.subarray(from, to);
}

type Item = { View: unknown; props: Record<string, unknown>; file: string };

export class Renderer {
  readonly #marker = `<!--mcp-risk:page:${randomBytes(12).toString('hex')}-->`;
  readonly #markerBytes = Buffer.from(this.#marker);
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
        const siblingRowsHtml = parts!.rows.slice(0, MAX_SIBLINGS + 1).filter((_, k) => k !== i).slice(0, MAX_SIBLINGS).join('');
        const shared: ToolShared = { serverPolicyHtml: tool.serverPolicyJson === null ? null : parts!.policy, siblingRowsHtml };
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
   * row per tool (the first MAX_SIBLINGS + 1, enough for any tool's siblings).
   */
  async #serverParts(server: ServerModel): Promise<{ policy: string; rows: string[] }> {
    const policyJson = server.policyJson.length <= MAX_INLINE_SERVER_POLICY ? server.policyJson : null;
    const rows = server.tools.slice(0, MAX_SIBLINGS + 1);
    const html = await this.container.renderToString(ServerParts, { props: { policyJson, rows, marker: this.#marker } });
    const pieces = html.split(this.#marker);
    if (pieces.length !== rows.length + 2) throw new Error(`Rendered ${pieces.length - 2} sibling rows for ${rows.length} tools; a row must not print the split marker.`);
    return { policy: pieces[0].trim(), rows: pieces.slice(1, -1).map((r) => r.trim()) };
  }

  async #render(items: Item[], stats: RenderStats): Promise<void> {
    for (let start = 0; start < items.length; start += BATCH) {
      const chunk = items.slice(start, start + BATCH);
      const started = performance.now();
      // Bytes, not a string: the pages are split and written as UTF-8 as the container produced them,
      // skipping a decode and a re-encode of every page (about 8% of a renderer's time).
      const response = await this.container.renderToResponse(Batch, { props: { items: chunk, marker: this.#marker } });
      const html = Buffer.from(await response.arrayBuffer());
      stats.renderMs += performance.now() - started;
      const files: [string, Buffer][] = [];
      let from = 0;
      for (const item of chunk) {
        const end = html.indexOf(this.#markerBytes, from);
        if (end < 0) throw new Error(`Rendered fewer pages than the ${chunk.length} of a batch; a page must not print the split marker.`);
        files.push([item.file, Buffer.concat([DOCTYPE, trimBytes(html, from, end)])]);
        from = end + this.#markerBytes.length;
      }
      if (html.indexOf(this.#markerBytes, from) >= 0) throw new Error(`Rendered more pages than the ${chunk.length} of a batch; a page must not print the split marker.`);
      this.#write(files, stats);
      stats.pages += chunk.length;
    }
  }

  /**
   * Writes synchronously: this runs on a render thread with nothing else to do meanwhile, and measured
   * here, a syscall on this thread beats a hop to the process's shared I/O pool (about 20% faster builds).
   */
  #write(files: [string, string | Buffer][], stats: RenderStats): void {
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
      stats.bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.length;
    }
    stats.writeMs += performance.now() - started;
  }
}
