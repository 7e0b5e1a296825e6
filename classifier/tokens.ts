// Splitting tool names and descriptions into lower-case words. Every regex here is compiled once.
import { isSpace } from './trim-end.ts';

/**
 * Splits a tool or parameter name into lower-case words:
 * `getConsoleLogs` → get, console, logs; `API-delete-a-block` → api, delete, a, block;
 * `mobile.list_apps` → mobile, list, apps. The words are what `/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g`
 * matches (a capital run gives up its last letter to a lower-case word after it), read without a regex: names
 * are split for every tool and parameter.
 */
export function splitName(name: string): string[] {
  const text = typeof name === 'string' ? name : String(name);
  const n = text.length;
  const out: string[] = [];
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let end = i + 1;
    if (isUpper(c)) {
      while (end < n && isUpper(text.charCodeAt(end))) end++;
      if (end < n && isLower(text.charCodeAt(end))) {
        if (end - i > 1) end--; // `APIKey` → api, key
        else while (end < n && isLower(text.charCodeAt(end))) end++; // `Key`
      }
    } else if (isLower(c)) {
      while (end < n && isLower(text.charCodeAt(end))) end++;
    } else if (c >= 48 && c <= 57) {
      while (end < n && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    } else {
      i++;
      continue;
    }
    out.push(text.slice(i, end).toLowerCase());
    i = end;
  }
  return out;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/** A word of prose, or one of the separators that matter for verb phrases. */
const TEXT_TOKEN = /[A-Za-z][A-Za-z0-9']*|[,;\/&]/g;

export interface TextToken {
  /** Lower-case word, or the separator itself. */
  word: string;
  /** The word was written in capitals (a header such as "IMPORTANT" or "START HERE"). */
  caps: boolean;
}

/** A–Z and digits only, with at least one letter: a header word such as IMPORTANT. */
function allCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c < 48 || c > 57) return false;
  }
  return letters > 0;
}

/** Tokenises prose (a description's first sentences) into words and phrase separators. */
export function textTokens(text: string, limit = 40): TextToken[] {
  const out: TextToken[] = [];
  TEXT_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = TEXT_TOKEN.exec(text)) !== null) {
    const raw = m[0];
    out.push({ word: raw.toLowerCase(), caps: raw.length > 1 && allCaps(raw) });
  }
  return out;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A letter, or one of the separators `,;/&`. */
const startsToken = (c: number) => isLetter(c) || c === 44 || c === 59 || c === 47 || c === 38;
/** A letter, a digit or an apostrophe. */
const inWord = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 39;

/**
 * The tokens of `textTokens(text, limit)`, read on demand: a reader that stops at the first verb does not
 * tokenise the rest of the segment.
 */
export class TextTokenReader {
  readonly #text: string;
  readonly #limit: number;
  readonly #tokens: TextToken[] = [];
  #at = 0;
  #done = false;

  constructor(text: string, limit = 40) {
    this.#text = text;
    this.#limit = limit;
  }

  /** Token `k`, or undefined past the last one. */
  get(k: number): TextToken | undefined {
    const out = this.#tokens;
    while (out.length <= k && !this.#done) {
      if (out.length >= this.#limit) { this.#done = true; break; }
      // the next TEXT_TOKEN match, found by character codes: a letter run (with digits and apostrophes) or a separator
      const text = this.#text;
      const n = text.length;
      let i = this.#at;
      let c = 0;
      while (i < n && !startsToken(c = text.charCodeAt(i))) i++;
      if (i >= n) { this.#done = true; break; }
      let end = i + 1;
      if (isLetter(c)) while (end < n && inWord(text.charCodeAt(end))) end++;
      this.#at = end;
      const raw = text.slice(i, end);
      out.push({ word: raw.toLowerCase(), caps: raw.length > 1 && allCaps(raw) });
    }
    return out[k];
  }
}

/** Two ASCII letters in a row (`/[A-Za-z]{2}/`): the segment has a word in it. */
function hasLetters(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isLetter(s.charCodeAt(i))) run = 0;
    else if (++run === 2) return true;
  }
  return false;
}

const isPause = (c: number) => c === 46 || c === 58 || c === 33 || c === 63; // . : ! ?

/**
 * The next segment end in `head` at or after `from` (`/[.:!?]\s|\n|[.:!?]$/g`, by character codes): its index,
 * or -1. It is one character long, or two for a mark and the white space after it.
 */
function segmentEnd(head: string, from: number): number {
  const n = head.length;
  for (let i = from; i < n; i++) {
    const c = head.charCodeAt(i);
    if (c === 10 || (isPause(c) && (i + 1 === n || isSpace(head.charCodeAt(i + 1))))) return i;
  }
  return -1;
}

/**
 * Reads the opening of a description as up to `max` sentence-like segments (split at . : ! ? and line breaks,
 * blank ones skipped) and returns the first thing `read` finds in one; the segments after it are never cut out.
 */
export function readLeadSegments<T>(text: string, read: (segment: string) => T | undefined, max = 2, window = 400): T | undefined {
  const head = text.length > window ? text.slice(0, window) : text;
  let count = 0;
  let start = 0;
  while (count < max) {
    const at = segmentEnd(head, start);
    if (at < 0) break;
    const seg = head.slice(start, at).trim();
    start = at + (head.charCodeAt(at) === 10 || at + 1 === head.length ? 1 : 2);
    if (!hasLetters(seg)) continue;
    count++;
    const found = read(seg);
    if (found !== undefined) return found;
  }
  if (count < max) {
    const rest = head.slice(start).trim();
    if (hasLetters(rest)) return read(rest);
  }
  return undefined;
}

/** All lower-case words of a text (for bag-of-words lookups), capped for speed. */
const WORD = /[a-z][a-z0-9]*/g;
export function wordSet(text: string, into: Set<string> = new Set(), cap = 3000): Set<string> {
  const lower = (text.length > cap ? text.slice(0, cap) : text).toLowerCase();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(lower)) !== null) into.add(m[0]);
  return into;
}

/** Plurals of nouns ending in -ie (cookies → cookie, not "cooky"), and plurals that are their own singular. */
const IE_PLURALS = new Set(['cookies', 'movies', 'zombies', 'rookies', 'selfies', 'hoodies', 'freebies', 'calories', 'genies', 'pixies',
  'smoothies', 'sorties', 'goalies', 'brownies', 'newbies', 'techies', 'birdies', 'bookies', 'aunties', 'prairies', 'lingeries']);
const SAME_PLURALS = new Set(['series', 'species']);

/** Crude singular form, enough to match lexicon nouns: entities → entity, branches → branch, files → file. */
export function singular(word: string): string {
  // every plural ending below ends in 's': most words are settled by their last letter
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== 115) return word;
  if (word.endsWith('ies')) return IE_PLURALS.has(word) ? word.slice(0, -1) : SAME_PLURALS.has(word) ? word : word.slice(0, -3) + 'y';
  if (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes') || word.endsWith('zes')) return word.slice(0, -2);
  if (!word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

const keeps = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * A name with case and separators removed, to compare `list-files`, `list_files` and `listFiles`: the lower-case
 * name without what is not a-z or 0-9 (`replace(/[^a-z0-9]/g, '')`), its kept runs copied by slices.
 */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n && keeps(lower.charCodeAt(i))) i++;
  if (i === n) return lower;
  let out = lower.slice(0, i);
  while (i < n) {
    while (i < n && !keeps(lower.charCodeAt(i))) i++;
    const from = i;
    while (i < n && keeps(lower.charCodeAt(i))) i++;
    if (i > from) out += lower.slice(from, i);
  }
  return out;
}
