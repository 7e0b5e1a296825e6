// Collects the search index during the build's pass over the catalogue: a display record and
// weighted terms per server and per tool. Names weigh most (and are also indexed joined, e.g.
// createissue), then packages and server names, then namespaces and description words (only the
// first few hundred characters of a description are read).
import { indexTokens, joined } from '../assets/search-tokens.js';
import { RISKS, CATEGORIES } from '../../classifier/types.ts';
import { safeJson } from '../src/lib/text.ts';
import { DocStore } from './doc-store.ts';
import { Postings } from './postings.ts';
import { writeShards, type ShardOptions, type ShardStats } from './shards.ts';

export interface SearchServer { slug: string; name: string; title: string | null; displayName: string; package?: string; description: string | null; highestRisk: string | null; toolCount: number }
export interface SearchTool { serverSlug: string; serverName: string; serverDisplayName: string; slug: string; name: string; title?: string; description?: string; risk: string | null; category: string | null }

export interface SearchOptions {
  /** Postings kept per term. @default 150 */
  keep?: number;
  /** Description characters read. @default 400 */
  descriptionChars?: number;
}

const W = { name: 200, title: 160, package: 150, serverName: 60, namespace: 40, description: 40 } as const;

/** A registry name's last segment (`files` of io.github.acme/files) names the server; the rest is a namespace. */
const lastSegment = (name: string) => name.slice(name.lastIndexOf('/') + 1);
const namespaceOf = (name: string) => name.slice(0, Math.max(0, name.lastIndexOf('/')));
/** A small bonus for short names: a query that matches most of a name ranks it first. */
const brevity = (name: string) => Math.max(0, 30 - name.length) / 2;

export class SearchIndexBuilder {
  readonly docs = new DocStore();
  readonly postings: Postings;
  readonly #descriptionChars: number;

  constructor(options: SearchOptions = {}) {
    this.postings = new Postings(options.keep ?? 150);
    this.#descriptionChars = options.descriptionChars ?? 400;
  }

  #terms(doc: number, weighted: [string | null | undefined, number, boolean][], names: (string | null | undefined)[], bonus: number): void {
    const best = new Map<string, number>();
    for (const name of names) {
      const whole = name ? joined(name) : '';
      if (whole.length > 1) best.set(whole, W.name);
    }
    for (const [text, weight, stop] of weighted) {
      if (!text) continue;
      const cut = stop ? text.slice(0, this.#descriptionChars) : text.slice(0, 300);
      for (const token of indexTokens(cut, { stop, limit: stop ? 40 : 24 })) {
        if ((best.get(token) ?? 0) < weight) best.set(token, weight);
      }
    }
    for (const [token, weight] of best) this.postings.add(token, doc, weight + bonus);
  }

  addServer(s: SearchServer): number {
    const doc = this.docs.add(safeJson(['s', s.slug, s.displayName.slice(0, 120), (s.package ?? '').slice(0, 120), RISKS.indexOf(s.highestRisk as never), s.toolCount]));
    this.#terms(doc, [
      [lastSegment(s.name), W.name, false], [namespaceOf(s.name), W.namespace, false], [s.title, W.title, false],
      [s.package, W.package, false], [s.description, W.description, true],
    ], [lastSegment(s.name), s.title, s.package], brevity(s.displayName) + 5);
    return doc;
  }

  addTool(t: SearchTool): number {
    const doc = this.docs.add(safeJson(['t', t.serverSlug, t.slug, t.name.slice(0, 120), t.serverDisplayName.slice(0, 120), RISKS.indexOf(t.risk as never), CATEGORIES.indexOf(t.category as never)]));
    this.#terms(doc, [
      [t.name, W.name, false], [t.title, W.title, false], [lastSegment(t.serverName), W.serverName, false],
      [t.serverDisplayName, W.serverName, false], [t.description, W.description, true],
    ], [t.name], brevity(t.name));
    return doc;
  }
}

export interface SearchIndexStats extends ShardStats { docs: number; postings: number }

/** Writes the collected index as shards under `dir` (the site's /search/). */
export async function writeSearchIndex(builder: SearchIndexBuilder, dir: string, options?: ShardOptions): Promise<SearchIndexStats> {
  const postings = builder.postings.postings;
  const terms = [...builder.postings.drain()];
  const stats = await writeShards(terms, builder.docs, dir, options);
  return { ...stats, docs: builder.docs.size, postings };
}
