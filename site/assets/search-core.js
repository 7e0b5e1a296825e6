// The search over the static index in /search/n/ (site/search/shards.ts): walks a word's shards
// down from its first letter, merges postings, and ranks documents that match every query word.
// Words match by their stems ("deleting" finds delete_entities); `risk:` and `category:` filter tools
// (site/assets/search-query.js); a verb is also met by a tool of its category, so "delete repository"
// finds a Destructive tool that removes a repo. Plain JavaScript with no DOM, shared by the browser
// (site.js) and the tests (a fetch over files).
import { hasFilters, parseQuery } from './search-query.js';
import { combine, idOf } from './search-rank.js';
import { categoryFacet, facetTerm, keyFile, riskFacet } from './search-tokens.js';

/** Scale of a match on a term the typed word extends by a letter or two (runn → run). */
const NEAR_SCALE = 0.5;
/** Scale of the tools of a lone verb's category ("delete" also lists what removes or drops). */
const FACET_SCALE = 0.25;


function collect(out, shard, list, scale = 1) {
  for (let i = 0; i + 1 < list.length; i += 2) {
    const record = shard.d[list[i]];
    const id = idOf(record);
    const score = list[i + 1] * scale;
    const hit = out.get(id);
    if (!hit || hit.score < score) out.set(id, { record, score });
  }
}

function merge(into, from) {
  for (const [id, hit] of from) if (!into.has(id) || into.get(id).score < hit.score) into.set(id, hit);
  return into;
}

/**
 * A search over shards fetched with `fetchJson(url)` (null for a missing shard); each shard is
 * fetched once per instance.
 */
export function createSearch(fetchJson, base = '/search/n/') {
  const shards = new Map();
  const shard = (key) => {
    if (!shards.has(key)) {
      shards.set(key, Promise.resolve(fetchJson(`${base}${keyFile(key)}.json`)).catch(() => { shards.delete(key); return null; }));
    }
    return shards.get(key);
  };

  /**
   * Documents of one term (with `prefix`, of every term it begins; with `near`, of the terms it
   * extends by one or two letters), and the category facet the index gives the term (a verb's).
   */
  async function lookup(word, { prefix = false, near = false } = {}) {
    const hits = new Map();
    let cls;
    // The first level is fetched directly (a missing letter is a 404): one round trip fewer than the manifest.
    let key = String.fromCodePoint(word.codePointAt(0));
    let node = await shard(key);
    while (node) {
      const last = !node.c || word.length === key.length;
      for (const [term, list] of Object.entries(node.t || {})) {
        if (term === word) { collect(hits, node, list); cls = node.v?.[term]; }
        else if (last && prefix && term.startsWith(word) && !term.includes(':')) collect(hits, node, list);
        else if (near && term.length >= 3 && word.length - term.length <= 2 && word.startsWith(term)) collect(hits, node, list, NEAR_SCALE);
      }
      if (last) {
        if (node.c && prefix && node.h) collect(hits, node, node.h);
        break;
      }
      const next = String.fromCodePoint(word.slice(key.length).codePointAt(0));
      if (!node.c.includes(next)) break;
      key += next;
      node = await shard(key);
    }
    return { hits, cls };
  }

  /** A query word's documents: its stem's, the facet lists asked for, and while typed, those of every term it begins. */
  async function wordHits(raw, term, typing, facets) {
    const parts = typing && raw === term ? [lookup(raw, { prefix: true, near: true })]
      : [lookup(term), ...(typing ? [lookup(raw, { prefix: true, near: true })] : [])];
    parts.push(...facets.map((facet) => lookup(facetTerm(term, facet))));
    const found = await Promise.all(parts);
    const hits = new Map();
    for (const f of found) merge(hits, f.hits);
    return { hits, cls: found[0].cls };
  }

  /**
   * The best `limit` documents, ranked by site/assets/search-rank.js. `options.filters` ({ risk,
   * category } indexes) are the search page's menus; filters written in the query win.
   */
  async function search(query, limit = 12, options = {}) {
    const q = parseQuery(query, options.filters);
    const { filters } = q;
    const filtered = hasFilters(filters);
    const wantCategory = filters.category === undefined ? undefined : categoryFacet(filters.category);
    const match = (r) => !filtered || (r[0] === 't' && (filters.risk === undefined || r[5] === filters.risk)
      && (filters.category === undefined || r[6] === filters.category));
    // One facet list per word is enough: the other filter is applied to it.
    const facets = filters.risk !== undefined ? [riskFacet(filters.risk)] : wantCategory ? [wantCategory] : [];
    const rank = (results) => [...results.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);

    if (!q.tokens.length) {
      if (!filtered) return [];
      const lists = await Promise.all([...facets, ...(wantCategory && !facets.includes(wantCategory) ? [wantCategory] : [])].map((f) => lookup(`:${f}`)));
      const results = new Map();
      for (const { hits } of lists) for (const [id, hit] of hits) if (match(hit.record)) results.set(id, { id, record: hit.record, score: hit.score });
      return rank(results);
    }

    const [named, ...words] = await Promise.all([
      q.joined ? lookup(q.joined, { prefix: true }) : { hits: new Map() },
      ...q.tokens.map((raw, i) => wordHits(raw, q.terms[i], raw === q.prefix, facets)),
    ]);
    const classes = words.map((w) => (w.cls && (!wantCategory || w.cls === wantCategory) ? w.cls : undefined));
    // A verb's category: the other words' best tools of it (beyond their capped lists); a lone verb: the category's own list.
    const more = [];
    for (const [i, word] of words.entries()) {
      // Not for a fragment still being typed ("delete re"): its facet lists would be fetched for nothing.
      if (q.tokens[i] === q.prefix && q.tokens[i].length < 3) continue;
      const wanted = new Set(classes.filter((c, j) => c && j !== i && c !== wantCategory));
      for (const c of wanted) more.push(lookup(facetTerm(q.terms[i], c)).then((r) => merge(word.hits, r.hits)));
    }
    if (words.length === 1 && classes[0]) {
      more.push(lookup(`:${classes[0]}`).then(({ hits }) => {
        for (const [id, hit] of hits) if (!words[0].hits.has(id)) words[0].hits.set(id, { record: hit.record, score: hit.score * FACET_SCALE });
      }));
    }
    await Promise.all(more);

    return rank(combine(named.hits, words.map((w) => w.hits), { ...q, classes, match }));
  }

  return { search, lookup };
}
