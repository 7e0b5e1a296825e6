// Collects the search index during the build's pass over the catalogue: a display record and
// weighted terms per server and per tool. Every word is indexed by its stem (site/assets/
// search-tokens.js). Names weigh most (and are also indexed joined, e.g. createissue), then packages
// and server names, then namespaces and description words (only the first few hundred characters of
// a description are read). Tools carry their risk and category as facets (site/search/postings.ts)
// and are listed under each facet alone, for `risk:critical`. Stems of verbs get the category the
// classifier's lexicon gives them, so that "delete repository" also finds a Destructive tool that
// removes a repo.
import { aliasesOf, categoryFacet, indexTokens, joined, riskFacet, stem, WEIGHTS as W } from '../assets/search-tokens.js';
import { lexiconVerbs, type VerbClass } from '../../classifier/verbs.ts';
import { RISKS, CATEGORIES } from '../../classifier/types.ts';
import { safeJson } from '../src/lib/text.ts';
import { DocStore } from './doc-store.ts';
import { facetsOf, Postings } from './postings.ts';
import { writeShards, type ShardOptions, type ShardStats } from './shards.ts';

export interface SearchServer { slug: string; name: string; title: string | null; displayName: string; package?: string; description: string | null; highestRisk: string | null; toolCount: number }
export interface SearchTool { serverSlug: string; serverName: string; serverDisplayName: string; slug: string; name: string; title?: string; description?: string; risk: string | null; category: string | null }

export interface SearchOptions {
  /** Postings kept per term. @default 150 */
  keep?: number;
  /** Postings kept per facet list of a term (`delet:r3`) and per facet (`:r3`). @default min(keep, 50) */
  facetKeep?: number;
  /** Description characters read. @default 400 */
  descriptionChars?: number;
}

/** What an abbreviation's other form (repo for repository) weighs against the word itself. */
const ALIAS_WEIGHT = 0.9;
/** Score of a tool in a facet's own list (`:r3`) besides its name's brevity. */
const FACET_SCORE = 20;

const CLASS_CATEGORY: Partial<Record<VerbClass, number>> = {
  financial: CATEGORIES.indexOf('Financial'), destructive: CATEGORIES.indexOf('Destructive'), execute: CATEGORIES.indexOf('Execute'),
  write: CATEGORIES.indexOf('Write'), read: CATEGORIES.indexOf('Read'),
};

/** A registry name's last segment (`files` of io.github.acme/files) names the server; the rest is a namespace. */
const lastSegment = (name: string) => name.slice(name.lastIndexOf('/') + 1);
const namespaceOf = (name: string) => name.slice(0, Math.max(0, name.lastIndexOf('/')));
/** Description text without link targets and bare URLs (their path words say nothing of the tool). */
const prose = (text: string) => text.replace(/\]\([^)\s]*\)/g, '] ').replace(/\b(?:https?|ftp):\/\/\S+/g, ' ');
/** A small bonus for short names: a query that matches most of a name ranks it first. */
const brevity = (name: string) => Math.max(0, 30 - name.length) / 2;

/**
 * Stems of the classifier's verbs (not those that lean noun, such as email or post, nor the weak ones
 * such as manage) and of the category names, with the category facet each stands for: delet → c1.
 * Where two verbs share a stem, the first category in DESIGN §4's order wins, as in classification.
 */
export function verbClasses(): Map<string, string> {
  const classes = new Map<string, string>(CATEGORIES.map((c, i) => [stem(c.toLowerCase()), categoryFacet(i)]));
  const verbs = [...lexiconVerbs()].filter((v) => v.ambiguous !== 'noun' && CLASS_CATEGORY[v.cls] !== undefined);
  verbs.sort((a, b) => CLASS_CATEGORY[a.cls]! - CLASS_CATEGORY[b.cls]!);
  for (const verb of verbs) {
    const term = stem(verb.lemma);
    if (!classes.has(term)) classes.set(term, categoryFacet(CLASS_CATEGORY[verb.cls]!));
  }
  return classes;
}

export class SearchIndexBuilder {
  readonly docs = new DocStore();
  readonly postings: Postings;
  readonly classes = verbClasses();
  readonly #descriptionChars: number;

  constructor(options: SearchOptions = {}) {
    this.postings = new Postings(options.keep ?? 150, options.facetKeep);
    this.#descriptionChars = options.descriptionChars ?? 400;
  }

  #terms(doc: number, weighted: [string | null | undefined, number, boolean][], names: (string | null | undefined)[], bonus: number, facets = 0): void {
    const best = new Map<string, number>();
    const raise = (term: string, weight: number) => { if ((best.get(term) ?? 0) < weight) best.set(term, weight); };
    for (const name of names) {
      const whole = name ? joined(name) : '';
      if (whole.length > 1) best.set(whole, W.name);
    }
    for (const [text, weight, stop] of weighted) {
      if (!text) continue;
      const cut = stop ? prose(text.slice(0, this.#descriptionChars)) : text.slice(0, 300);
      for (const token of indexTokens(cut, { stop, limit: stop ? 40 : 24 })) {
        const term = stem(token);
        raise(term, weight);
        for (const alias of aliasesOf(term)) raise(alias, weight * ALIAS_WEIGHT);
      }
    }
    for (const [term, weight] of best) this.postings.add(term, doc, weight + bonus, facets);
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
    const risk = RISKS.indexOf(t.risk as never);
    const category = CATEGORIES.indexOf(t.category as never);
    const doc = this.docs.add(safeJson(['t', t.serverSlug, t.slug, t.name.slice(0, 120), t.serverDisplayName.slice(0, 120), risk, category]));
    const facets = facetsOf(risk, category);
    this.#terms(doc, [
      [t.name, W.name, false], [t.title, W.title, false], [lastSegment(t.serverName), W.serverName, false],
      [t.serverDisplayName, W.serverName, false], [t.description, W.description, true],
    ], [t.name], brevity(t.name), facets);
    if (risk >= 0) this.postings.add(`:${riskFacet(risk)}`, doc, FACET_SCORE + brevity(t.name), facets);
    if (category >= 0) this.postings.add(`:${categoryFacet(category)}`, doc, FACET_SCORE + brevity(t.name), facets);
    return doc;
  }
}

export interface SearchIndexStats extends ShardStats { docs: number; postings: number }

/** Writes the collected index as shards under `dir` (the site's /search/). */
export async function writeSearchIndex(builder: SearchIndexBuilder, dir: string, options?: ShardOptions): Promise<SearchIndexStats> {
  const postings = builder.postings.postings;
  // Every verb is a term, with no documents if none has it, so that its shard can name its class.
  for (const term of builder.classes.keys()) builder.postings.ensure(term);
  const terms = [...builder.postings.drain()];
  const stats = await writeShards(terms, builder.docs, dir, { classes: builder.classes, ...options });
  return { ...stats, docs: builder.docs.size, postings };
}
