// The search over the static index in /search/n/ (site/search/shards.ts): walks a word's shards
// down from its first letter, merges postings, and ranks documents that match every query word.
// Plain JavaScript with no DOM, shared by the browser (site.js) and the tests (a fetch over files).
import { indexTokens, keyFile, queryTokens, singular } from './search-tokens.js';

/** What a document whose name the whole query begins gains over word matches. */
const JOINED_BONUS = 1000;

/** Results' identities: a server or a tool, whatever shard the record came from. */
const idOf = (r) => (r[0] === 's' ? `s/${r[1]}` : `t/${r[1]}/${r[2]}`);
/** The words a record shows: its name, its server, its package. */
const recordText = (r) => (r[0] === 's' ? `${r[2]} ${r[1]} ${r[3]}` : `${r[3]} ${r[4]} ${r[1]}`);

function collect(out, shard, list) {
  for (let i = 0; i + 1 < list.length; i += 2) {
    const record = shard.d[list[i]];
    const id = idOf(record);
    const hit = out.get(id);
    if (!hit || hit.score < list[i + 1]) out.set(id, { record, score: list[i + 1] });
  }
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

  /** Documents of one word (of every word it begins, when `prefix`), with their best scores. */
  async function lookup(word, prefix) {
    const out = new Map();
    // The first level is fetched directly (a missing letter is a 404): one round trip fewer than the manifest.
    let key = String.fromCodePoint(word.codePointAt(0));
    let node = await shard(key);
    while (node) {
      if (!node.c || word.length === key.length) {
        for (const [term, list] of Object.entries(node.t || {})) {
          if (term === word || (prefix && term.startsWith(word))) collect(out, node, list);
        }
        if (node.c && prefix && node.h) collect(out, node, node.h);
        return out;
      }
      const next = String.fromCodePoint(word.slice(key.length).codePointAt(0));
      if (!node.c.includes(next)) return out;
      key += next;
      node = await shard(key);
    }
    return out;
  }

  /** A word's documents, and those of its singular ("pods" finds "pod"): descriptions are not stemmed. */
  async function lookupForms(word, prefix) {
    const one = singular(word);
    if (one === word) return lookup(word, prefix);
    const [many, single] = await Promise.all([lookup(word, prefix), lookup(one, false)]);
    for (const [id, hit] of single) if (!many.has(id) || many.get(id).score < hit.score) many.set(id, hit);
    return many;
  }

  /**
   * The best `limit` documents: first those whose name the whole query begins (as a joined name),
   * then those matching every query word, by the sum of their scores. Postings are capped per word,
   * so a document missing from one word's list still matches when that word is in its name, server
   * or package; every word's list is tried as the base.
   */
  async function search(query, limit = 12) {
    const { tokens, prefix, joined } = queryTokens(query);
    if (!tokens.length) return [];
    const [named, ...lists] = await Promise.all([joined ? lookup(joined, true) : new Map(), ...tokens.map((t) => lookupForms(t, t === prefix))]);
    const results = new Map();
    // Names the whole query begins (as a joined name) come first.
    for (const [id, hit] of named) results.set(id, { id, record: hit.record, score: hit.score + JOINED_BONUS });
    for (const [b, base] of lists.entries()) {
      for (const [id, hit] of base) {
        if (results.has(id)) continue;
        let score = hit.score;
        let words;
        for (const [i, list] of lists.entries()) {
          if (i === b) continue;
          const other = list.get(id);
          if (other) { score += other.score; continue; }
          // One-character words too: a pasted name ending in "-1" has "1" as its last (prefix) word.
          words ??= indexTokens(recordText(hit.record), { min: 1 });
          const t = tokens[i];
          const one = singular(t);
          if (!words.some((w) => w === t || w === one || (t === prefix && w.startsWith(t)))) { score = -1; break; }
          score += 10;
        }
        if (score >= 0 && !results.has(id)) results.set(id, { id, record: hit.record, score });
      }
    }
    return [...results.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  return { search, lookup };
}
