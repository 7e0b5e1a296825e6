// Search tokens, shared by the index builder (Node) and the search box (browser), so that a query
// is cut into words, and words stemmed, exactly as the indexed text was. Plain JavaScript; its one
// import is the Porter stemmer of the `stemmer` package (site/assets/stemmer.js).
import { stemmer } from './stemmer.js';

/** What a word weighs where it is found (the index's scores; the ranking adds them for words it finds in a record itself). */
export const WEIGHTS = { name: 200, title: 160, package: 150, serverName: 60, namespace: 40, description: 40 };

/** Longer words are cut to this many characters, in the index and in queries alike. */
export const MAX_TOKEN = 24;
/** Joined names (all letters and digits of a name, e.g. createissue) are cut to this many characters. */
export const MAX_JOINED = 40;

/** Common English words left out of description text (never out of names). */
export const STOP_WORDS = new Set(('a an and are as at be by can for from has have if in into is it its of on or that the this to was '
  + 'will with you your not no all any use used using which when where who what how only also do does may must should than then there '
  + 'these those they their them we our us via per each one more most other such so but about after before over under up out').split(' '));

const CAMEL = /([\p{Ll}\p{N}])(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})/gu;

/** Lower case without accents: "Ünïcode" and "unicode" are one word. */
export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Runs of letters and digits, cut to MAX_TOKEN. */
function runs(text) {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_TOKEN));
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A name's letters and digits run together ("create_issue", "createIssue" and "Create Issue" all give
 * createissue): indexed for names, and looked up for the whole query, so a name is found however it is
 * typed, even when its words are too common to intersect.
 */
export function joined(text) {
  const folded = ASCII.test(text) ? text.toLowerCase().replace(/[^a-z0-9]+/g, '') : fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
  return folded.slice(0, MAX_JOINED);
}
const ASCII_CAMEL = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/;
const ASCII_CAMEL_SPLIT = /([a-z0-9])([A-Z])|([A-Z])([A-Z][a-z])/g;

/**
 * Index tokens of a text: every word of two or more characters (`min`), and for camelCase words both the
 * whole word and its parts ("GitHub" gives github, git and hub). With `stop`, common English words are
 * left out. ASCII text (nearly all of it) takes a fast path with the same result.
 */
export function indexTokens(text, options = {}) {
  const { stop = false, limit = Infinity, min = 2 } = options;
  const out = new Set();
  const add = (token) => {
    if (token.length < min || (stop && STOP_WORDS.has(token))) return false;
    out.add(token.slice(0, MAX_TOKEN));
    return out.size >= limit;
  };
  if (ASCII.test(text)) {
    for (const word of text.split(/[^A-Za-z0-9]+/)) {
      if (!word) continue;
      if (add(word.toLowerCase())) break;
      if (ASCII_CAMEL.test(word) && word.replace(ASCII_CAMEL_SPLIT, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`)).toLowerCase().split(' ').some(add)) break;
    }
    return [...out];
  }
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const parts = word.replace(CAMEL, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
    if ((parts === word ? runs(word) : [...runs(word), ...runs(parts)]).some(add)) break;
  }
  return [...out];
}

/**
 * Query words: camelCase split into its parts, stop words dropped unless nothing else is left, and
 * their index terms (stems). The last word is a prefix (the user may still be typing it) unless the
 * query ends in a space. `joined` is the whole query as a joined name, when that differs from its one word.
 */
export function queryTokens(query) {
  const words = [];
  for (const word of query.split(/[^\p{L}\p{N}]+/u)) {
    if (word) words.push(...runs(word.replace(CAMEL, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))));
  }
  const last = words[words.length - 1];
  const open = last !== undefined && /[\p{L}\p{N}]$/u.test(query);
  // One-character words are not indexed; only the word being typed may be that short (as a prefix).
  const unique = [...new Set(words)].filter((w) => w.length > 1 || (open && w === last));
  const kept = unique.filter((w) => !STOP_WORDS.has(w));
  const tokens = kept.length ? kept : unique;
  const whole = joined(query);
  return {
    tokens,
    terms: tokens.map(stem),
    prefix: open && tokens[tokens.length - 1] === last ? last : undefined,
    joined: whole.length > 1 && !(tokens.length === 1 && tokens[0] === whole) ? whole : undefined,
  };
}

/** Stems of words already seen (the index stems millions of words, most of them recurring). */
const STEMS = new Map();

/**
 * A word's index term: its Porter stem ("deleting", "deletes" and "delete" give delet; "entities" gives
 * entiti) for words of three or more letters a-z; other words (digits, non-Latin script) as they are.
 */
export function stem(word) {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let out = STEMS.get(word);
  if (out === undefined) {
    if (STEMS.size >= 50_000) STEMS.clear();
    out = stemmer(word);
    STEMS.set(word, out);
  }
  return out;
}

/**
 * Common abbreviations in tool names, as groups of stems: a word of a group is indexed under the
 * others too (a little lower), so "delete repository" finds delete_repo and "db" finds database.
 */
const ALIAS_GROUPS = [['repo', 'repositori'], ['db', 'databas'], ['k8s', 'kubernet'], ['dir', 'directori'], ['msg', 'messag'],
  ['env', 'environ'], ['config', 'configur'], ['doc', 'document'], ['mail', 'email'], ['img', 'imag']];
const ALIASES = new Map(ALIAS_GROUPS.flatMap((group) => group.map((term) => [term, group.filter((t) => t !== term)])));

/** The other terms of a term's abbreviation group (repo → repositori), or none. */
export function aliasesOf(term) {
  return ALIASES.get(term) ?? [];
}

/** Risk levels and categories in the classifier's order (classifier/types.ts RISKS, CATEGORIES): records hold their indexes. */
export const RISK_NAMES = ['low', 'medium', 'high', 'critical'];
export const CATEGORY_NAMES = ['financial', 'destructive', 'execute', 'write', 'read'];

/**
 * A facet names one risk level (r0..r3) or category (c0..c4). The index keeps, for a term with more
 * documents than its list holds, the best documents of each facet as the term `<term>:<facet>`, and for
 * each facet alone the term `:<facet>`; a term with fewer documents is complete, and is filtered instead.
 */
export const riskFacet = (index) => `r${index}`;
export const categoryFacet = (index) => `c${index}`;
export const facetTerm = (term, facet) => `${term}:${facet}`;

/** A plural's singular, for words of four letters or more: pods → pod, policies → policy; else the word. */
export function singular(word) {
  if (word.length < 4 || !word.endsWith('s') || /(ss|us|is)$/.test(word)) return word;
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
}

/** A shard key as a file name: a-z and 0-9 as they are, any other character as -<hex>-. */
export function keyFile(key) {
  let out = '';
  for (const ch of key) out += /[a-z0-9]/.test(ch) ? ch : `-${ch.codePointAt(0).toString(16)}-`;
  return out || '-root-';
}
