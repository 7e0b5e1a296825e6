// The first sentence of a rationale: what the tool does, from its description when it has a clean one,
// otherwise from what the classifier read (a router's listed actions, the verb and its object, the server's
// domain), and never the tool's name echoed back as its own explanation.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import { byPrecedence, routerSummary, summaryVerbs } from './router.ts';
import { singular } from './tokens.ts';
import { isSpace, trimEnd } from './trim-end.ts';
import { isHostile } from './finding-kinds.ts';
import { proseVerb, thirdPerson } from './verbs.ts';
import type { Finding } from './types.ts';

/** Where the first sentence ends: `text.search(/[.!?](?:\s|$)|\n/)`, read by character codes. */
function sentenceEnd(text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i;
    if ((c === 46 || c === 33 || c === 63) && (i + 1 === n || isSpace(text.charCodeAt(i + 1)))) return i;
  }
  return -1;
}
const MARKUP = /[*_`#>|~]+|\[([^\]]*)\]\([^)]*\)|<[^>]{0,80}>|[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{FE0F}]/gu;
const SPACES = /\s+/g;
const NEEDS_CLEANING = /[*_`#>|~\[<\uD800-\uDFFF\u2600-\u27BF\uFE0F]/;
const LONG_SPACE = /\s\s|[\t\r\n]/;
const LETTER_START = /^\p{L}/u;
/** `LETTER_START.test(s)`, with an ASCII first character read without the Unicode regex. */
function startsWithLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_START.test(s);
}
const MAX = 160;
/** A verb phrase opening that reads as the tool's own action once conjugated. */
const INSTRUCTION = /^(?:use|call|always|never|do not|don't|note|important|warning|caution|this tool|the tool|tool to|you|please)\b/i;

/** "Tool to scrape a webpage", "This tool allows you to list …", "Use this tool to …": the action follows. */
const TOOL_PREAMBLE = /^(?:(?:a|an|this|the)\s+)?(?:mcp\s+)?tool\s+(?:to|that|which)\s+|^(?:this|the)\s+tool\s+(?:allows|lets|enables|helps)\s+(?:you|users?|the\s+(?:user|agent|model|assistant))\s+(?:to\s+)?|^use\s+this\s+tool\s+to\s+/i;

/** The second verb of a pair in the first clause: "scrape a page and return its text". */
const PAIRED_VERB = /^([^,;]*? and )([a-z]+)\b/;

const INTRANSITIVE: Record<string, string> = { say: 'speaks', speak: 'speaks', listen: 'listens', converse: 'holds a conversation', wait: 'waits', think: 'thinks' };

/** "Permanently delete a workspace" → "permanently deletes a workspace": base-form lead verbs conjugated. */
const sameLength = (words: string[], n: number) => { for (const w of words) if (w.length === n) return true; return false; };

function conjugated(sentence: string, verbs: string[]): string {
  // the first 12 space-separated words (as `split(' ')` gives them), changed in place where they are verbs
  let out = '';
  let copied = 0;
  let done = 0;
  for (let i = 0, start = 0; i < 12 && done < verbs.length && start <= sentence.length; i++) {
    let end = sentence.indexOf(' ', start);
    if (end < 0) end = sentence.length;
    const length = end - start;
    const last = sentence.charCodeAt(end - 1);
    const cut = length > 1 && (last === 44 || last === 59 || last === 58) ? length - 1 : length; // , ; :
    const from = start;
    start = end + 1;
    // the verbs are ASCII words (lead-verb tokens), and lower-casing that yields ASCII keeps the length, so a
    // word of another length is none of them and need not be cut out
    if (!sameLength(verbs, cut)) continue;
    const raw = sentence.slice(from, end);
    const w = raw.slice(0, cut).toLowerCase();
    if (!verbs.includes(w)) continue;
    const info = proseVerb(w);
    if (info && info.lemma === w) {
      out += sentence.slice(copied, end - raw.length) + thirdPerson(w) + raw.slice(cut);
      copied = end;
    }
    done++;
  }
  const text = copied ? out + sentence.slice(copied) : sentence;
  const space = text.indexOf(' ');
  const first = space < 0 ? text : text.slice(0, space);
  if (first && !(first.length > 1 && first === first.toUpperCase())) return first[0].toLowerCase() + text.slice(1);
  return text;
}

/** The description's first sentence, without Markdown, HTML or emoji, cut at a word boundary. */
export function firstSentence(description: string): string {
  let head = (description.length > 400 ? description.slice(0, 400) : description).trimStart();
  const cut = sentenceEnd(head);
  if (cut >= 0) head = head.slice(0, cut + 1);
  if (NEEDS_CLEANING.test(head)) head = head.replace(MARKUP, (_m, link?: string) => link ?? ' ');
  if (LONG_SPACE.test(head)) head = head.replace(SPACES, ' ');
  const end = sentenceEnd(head);
  let s = (end < 0 ? head : head.slice(0, end)).trim();
  if (s.length > MAX) s = `${s.slice(0, s.lastIndexOf(' ', MAX))}…`;
  return trimEnd(s, '.:;,');
}

function objectWords(a: ToolAnalysis): string {
  const words = a.objects.filter((o) => o.length > 1);
  if (!words.length) return '';
  const phrase = words.join(' ');
  return phrase.endsWith('s') ? phrase : `the ${phrase}`;
}

function list(words: string[]): string {
  const w = words.slice(0, 6);
  return w.length > 1 ? `${w.slice(0, -1).join(', ')} and ${w[w.length - 1]}` : w[0];
}

const WORD = /[\p{L}\p{N}]+/gu;
const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'in', 'on', 'by', 'with', 'and', 'or', 'from', 'its', 'their', 'it', 'all', 'any', 'one', 'given', 'specific', 'specified', 'new', 'existing', 'id', 'ids', 'this', 'that', 'your', 'current', 'single', 'multiple', 'list']);

/** A word of the sentence that the name already says (the name's words singular, in `names`), or filler. */
function inName(w: string, names: string[]): boolean {
  if (FILLER.has(w) || w.length < 3 || names.includes(singular(w))) return true;
  const verb = proseVerb(w)?.lemma;
  return !!verb && names.includes(verb);
}

/** The sentence says no more than the tool's name ("Delete a bucket" for `delete_bucket`). */
function echoesName(sentence: string, tokens: string[]): boolean {
  // a long sentence says more than a name of a few words
  if (sentence.length > 90) return false;
  const names = tokens.map(singular);
  const lower = sentence.toLowerCase();
  // ASCII (the common case): words are runs of a-z and 0-9, read without a Unicode regex
  let ascii = true;
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 127) { ascii = false; break; }
  if (!ascii) {
    for (const m of lower.matchAll(WORD)) if (!inName(m[0], names)) return false;
    return true;
  }
  for (let i = 0; i < lower.length;) {
    let c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) { i++; continue; }
    const from = i;
    do c = lower.charCodeAt(++i); while ((c >= 97 && c <= 122) || (c >= 48 && c <= 57));
    if (!inName(lower.slice(from, i), names)) return false;
  }
  return true;
}

/** What we can add to a description that only repeats the name: the parameters it takes. */
function echoNote(a: ToolAnalysis): string {
  const params = a.schema.params.filter((p) => !p.path.includes('.') && !p.path.includes('[]')).map((p) => `\`${p.path}\``);
  if (!params.length) return ' (its description adds nothing to its name)';
  const shown = params.length > 3 ? `${params.slice(0, 3).join(', ')} and ${params.length - 3} more` : params.length > 1 ? `${params.slice(0, -1).join(', ')} and ${params[params.length - 1]}` : params[0];
  return `, given ${shown}`;
}

/** What the tool does, in the third person, for "`name` on server …". */
export function doesWhat(a: ToolAnalysis, c: CategoryResult, findings: Finding[]): string {
  if (a.schema.selector) {
    const verbs = byPrecedence(summaryVerbs(routerSummary(a.description)).filter((v) => v.info.cls !== 'weak'));
    const words = verbs.map((v) => (v.word === 'lifecycle' ? 'lifecycle (create, start, stop, delete)' : v.word));
    const actions = words.filter((w, i) => words.indexOf(w) === i);
    return actions.length ? `is a sub-command router whose description lists ${list(actions)} actions` : 'is a sub-command router that does not say which actions it exposes';
  }
  let sentence = a.description ? firstSentence(a.description) : '';
  let acts = false;
  const preamble = TOOL_PREAMBLE.exec(sentence);
  if (preamble && sentence.length - preamble[0].length >= 8) {
    sentence = sentence.slice(preamble[0].length);
    // after "to" comes the verb, known to the lexicon or not ("Tool to scrape …")
    const verb = /\bto\s+$/i.test(preamble[0]) ? /^[a-z]+\b/.exec(sentence)?.[0] : undefined;
    if (verb) {
      // "… and return its text": the second verb of the pair too
      sentence = (thirdPerson(verb) + sentence.slice(verb.length)).replace(PAIRED_VERB, (m, head: string, w: string) => (proseVerb(w)?.lemma === w ? head + thirdPerson(w) : m));
      acts = true;
    }
  }
  const suspicious = findings.some(isHostile);
  if (sentence.length >= 8 && startsWithLetter(sentence) && !INSTRUCTION.test(sentence) && !suspicious) {
    const said = a.descVerbs.length || acts ? conjugated(sentence, a.descVerbs.map((v) => v.word)) : `is described as "${sentence}"`;
    return echoesName(sentence, a.tokens) ? `${said}${echoNote(a)}` : said;
  }
  const v = c.verb;
  const object = objectWords(a);
  const lemma = v && v.cls !== 'weak' ? v.lemma : '';
  const act = lemma ? (object ? `${thirdPerson(lemma)} ${object}` : INTRANSITIVE[lemma] ?? `${thirdPerson(lemma)}`) : '';
  const where = a.domain && !c.evidence.every((e) => !e.startsWith('sibling tools')) ? ` during ${a.domain.label}` : a.domain ? ` on a server for ${a.domain.label}` : '';
  if (!a.description.trim()) {
    return act ? `has no description; read by its name, it ${act}${where}` : `has no description, and its name names no action${where}`;
  }
  // a description we cannot quote (an instruction, a hostile text): say what the classifier read instead
  return act ? `${act}${where}, by its name` : `has a description that names no action${where}`;
}
