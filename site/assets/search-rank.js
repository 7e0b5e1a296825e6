// Ranking of a search's candidates (site/assets/search-core.js fetched them): names the whole query
// begins first, then documents matching every word by the sum of their scores, and when none matches
// every word, those matching the most words, marked `partial`. Plain JavaScript with no DOM.
import { aliasesOf, categoryFacet, indexTokens, stem, WEIGHTS } from './search-tokens.js';

/** What a document whose name the whole query begins gains over word matches. */
const JOINED_BONUS = 1000;

/** What a word met by the tool's category (the verb's class) adds. */
const CLASS_SCORE = 5;
/** What each word matched is worth in partial results, above any sum of scores. */
const PARTIAL_WORD = 1000;

/** Results' identities: a server or a tool, whatever shard the record came from. */
export const idOf = (r) => (r[0] === 's' ? `s/${r[1]}` : `t/${r[1]}/${r[2]}`);
/** Words as typed, their stems and the stems' abbreviations. */
const termsOf = (text) => indexTokens(text, { min: 1 }).flatMap((w) => { const s = stem(w); return [w, s, ...aliasesOf(s)]; });
/** A record's own name, and the rest of what it shows (its server, its package). */
const recordTerms = (r) => (r[0] === 's'
  ? { name: termsOf(String(r[2])), rest: termsOf(`${r[1]} ${r[3]}`) }
  : { name: termsOf(String(r[3])), rest: termsOf(`${r[4]} ${r[1]}`) });

/**
 * Results by id. `named`: documents of the joined query; `lists`: each word's documents; `q`: the
 * parsed query (tokens, terms, prefix) with each word's category class and the filters' `match`.
 * Postings are capped per word, so a document missing from one word's list still matches when that
 * word is in its name, server or package, or (for a verb) when the tool is of the verb's category;
 * every word's list is tried as the base.
 */
export function combine(named, lists, q) {
  const { classes, match } = q;
  const results = new Map();
  for (const [id, hit] of named) if (match(hit.record)) results.set(id, { id, record: hit.record, score: hit.score + JOINED_BONUS });
  /**
   * How a document meets word i when it is not in the word's (capped) list: as its name has it
   * (scored as the index scores a name), as its server or package has it, by its category, or -1.
   */
  const meets = (record, i, text) => {
    const raw = q.tokens[i];
    const has = (words) => words.some((w) => w === q.terms[i] || (raw === q.prefix && w.startsWith(raw)));
    if (has(text().name)) return WEIGHTS.name;
    if (has(text().rest)) return WEIGHTS.serverName;
    if (q.classes[i] && record[0] === 't' && categoryFacet(record[6]) === q.classes[i]) return CLASS_SCORE;
    return -1;
  };
  for (const [b, base] of lists.entries()) {
    for (const [id, hit] of base) {
      if (results.has(id) || !match(hit.record)) continue;
      let score = hit.score;
      let terms;
      const text = () => (terms ??= recordTerms(hit.record));
      for (const [i, list] of lists.entries()) {
        if (i === b) continue;
        const add = list.get(id)?.score ?? meets(hit.record, i, text);
        if (add < 0) { score = -1; break; }
        score += add;
      }
      if (score >= 0) results.set(id, { id, record: hit.record, score });
    }
  }
  if (results.size || lists.length < 2) return results;
  // No document has every word: those with the most of them.
  for (const list of lists) {
    for (const [id, hit] of list) {
      if (!match(hit.record)) continue;
      const r = results.get(id) ?? { id, record: hit.record, score: 0, partial: true };
      r.score += PARTIAL_WORD + hit.score;
      results.set(id, r);
    }
  }
  return results;
}
