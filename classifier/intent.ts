// What a tool says it does: verbs from its name, title, description and action enum.
import { readLeadSegments, splitName, TextTokenReader } from './tokens.ts';
import { agentVerb, nameVerb, proseVerb, type VerbClass, type VerbInfo } from './verbs.ts';

export type VerbSource = 'name' | 'title' | 'description' | 'schema';

export interface Verb extends VerbInfo {
  source: VerbSource;
  /** The word as written. */
  word: string;
  /** A noun-leaning word taken as the verb only because no other word of the name is one. */
  fallback?: boolean;
}

/**
 * A verb as found (object spread is slow in V8 here, so fields are copied by hand; `fallback` is present,
 * undefined, so that every verb has one object shape).
 */
export function makeVerb(info: VerbInfo, source: VerbSource, word: string, cls: VerbClass = info.cls): Verb {
  return { lemma: info.lemma, cls, ambiguous: info.ambiguous, source, word, fallback: undefined };
}

export interface NameVerbOptions {
  /**
   * Words that name the server's namespace (`pay_status`, `pay_send` on a server called pay): skipped as
   * the leading word of a longer name. @default none
   */
  namespace?: (word: string) => boolean;
  /** Keep a namespace word as the verb when nothing else in the name is one (an empty description). @default false */
  keepLoneNamespace?: boolean;
}

const HTTP_PREFIX = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * The verbs of a name: the first verb that is not noun-leaning (`call_end` → end, `email_search` → search,
 * `stories-create` → create), plus verbs joined to it by or/and (`create_or_update_file`).
 * A noun-leaning word chosen only because no other word is a verb is marked `fallback` (`text_chunking`).
 * Returns [] when no word of the name is a verb.
 */
const CONTENT_NOUNS = new Set(['text', 'message', 'content', 'note', 'comment', 'post', 'image', 'email']);
const AFTER_PREPOSITION = new Set(['by', 'for', 'with', 'from', 'of', 'in', 'on', 'into', 'at', 'per', 'via']);

export function verbsOfName(tokens: string[], source: VerbSource = 'name', options: NameVerbOptions = {}): Verb[] {
  const tail = tokens[tokens.length - 1];
  let from = 0;
  if (tokens.length > 1 && options.namespace?.(tokens[0])) {
    from = 1;
    if (options.keepLoneNamespace && !tokens.slice(1).some((t) => nameVerb(t))) from = 0;
  } else if (tokens.length > 2 && HTTP_PREFIX.has(tokens[0]) && tokens.slice(2).some((t) => { const v = nameVerb(t); return v && !v.ambiguous; })) {
    // an OpenAPI-style name (`post_tags_addToProfiles`): the method, then the path, then the operation
    from = 1;
  }
  const head = tokens.length > 1 + from ? nameVerb(tokens[from]) : undefined;
  const agent = tail ? agentVerb(tail) : undefined;
  // `deploy-services-reader` reads deploy services; `create_reader` creates a reader
  if (agent && (!head || head.ambiguous || tokens.length - from >= 3)) return [makeVerb(agent, source, tail)];
  let primary = -1;
  let lastCandidate = -1;
  for (let i = from; i < tokens.length; i++) {
    const info = nameVerb(tokens[i]);
    if (!info) continue;
    // a word that is also a noun is one after a preposition: `by_type`, `on_call_schedule`, `chain_of_draft`
    // (a plain verb stays one: `tool_for_create_repository`; "to" is left out: `how_to_send`)
    if (i > from && info.ambiguous === 'noun' && AFTER_PREPOSITION.has(tokens[i - 1])) continue;
    // a general first verb (`place-market-order`) is the action; otherwise the last noun-leaning word is
    // (`call_end`: the call is the resource, end the action)
    // content nouns are what the word before does (`type_text`: types text, it does not text someone)
    if (lastCandidate >= 0 && CONTENT_NOUNS.has(tokens[i])) continue;
    if (lastCandidate < 0 || nameVerb(tokens[lastCandidate])!.cls !== 'weak' || lastCandidate !== from) lastCandidate = i;
    if (info.ambiguous !== 'noun') { primary = i; break; }
  }
  const fallback = primary < 0 && lastCandidate >= 0;
  if (primary < 0) primary = lastCandidate;
  if (primary < 0) return [];
  const first = nameVerb(tokens[primary])!;
  const out: Verb[] = [makeVerb(first, source, tokens[primary])];
  if (fallback) out[0].fallback = true;
  for (let i = primary + 1; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t !== 'or' && t !== 'and' && t !== 'then') {
      // adjacent plain verbs: move-rename-item
      const adj = i === primary + 1 ? nameVerb(t) : undefined;
      if (adj && !adj.ambiguous && adj.cls === first.cls && !first.ambiguous) out.push(makeVerb(adj, source, t));
      continue;
    }
    const next = nameVerb(tokens[i + 1]);
    // "drag and drop" is one gesture, not a drag and a deletion
    if (next && next.ambiguous !== 'noun' && !(first.lemma === 'drag' && next.lemma === 'drop')) out.push(makeVerb(next, source, tokens[i + 1]));
  }
  return out;
}

/** Words skipped while looking for a description's leading verb. */
const FILLER = new Set(
  ('use uses this tool tools to a an the you can will may should must allows allow lets let helps function method ' +
    'endpoint mcp purpose please simply quickly intelligently automatically directly easily also just here it ' +
    'that which is be for of in on with your my our beta deprecated developer preview experimental note agent ' +
    'instructions used lets enables enable user users ai llm assistant model server api one').split(' '),
);
/** Words that follow a verb (an object or preposition): "List of" is a noun, "List the" a verb. */
const OBJECTISH = new Set(
  ('a an the all any some multiple one or more new existing specific it them its your my this that these those ' +
    'for up out down on in into with and if whether to by from every each several many current').split(' '),
);
/** "Charge against an open tab", "Deposit funds into an account": a preposition right after marks the verb. */
const PREPOSITIONS = new Set(['into', 'to', 'from', 'against', 'onto', 'via', 'through', 'between', 'across']);
/** A clause that starts with these is not the tool's own action: "when writing code", "before deleting". */
const SUBORDINATE = new Set(['when', 'whenever', 'before', 'after', 'while', 'if', 'once', 'until', 'unless']);
const CONNECTORS = new Set([',', 'or', 'and', '/', '&', 'and/or']);

/**
 * Whether a lexicon word is used as a verb here. At the head of a segment, verb-leaning words are
 * imperatives ("List all", "Search Sentry") and -s forms are verbs ("Screenshots a page"); a noun-leaning
 * base form needs an object after it ("Call the API", not "Call history"). Further in, only plain verbs
 * count, and never in -ing form ("Top-selling variants"). `word` is token `i` of `toks`; the tokens after it
 * are read only when a noun-leaning base form needs them.
 */
function proseVerbFits(info: VerbInfo, word: string, toks: TextTokenReader, i: number, head: boolean): boolean {
  const base = info.lemma === word;
  if (word.endsWith('ing') && !base && !head) return false;
  if (!info.ambiguous) return true;
  if (!head) return false;
  if (!base || info.ambiguous === 'verb') return true;
  const next = toks.get(i + 1)?.word;
  if (next === undefined) return false;
  if (OBJECTISH.has(next) || PREPOSITIONS.has(next)) return true;
  const after = toks.get(i + 2)?.word;
  return after !== undefined && PREPOSITIONS.has(after);
}

/** The verb phrase opening one segment: "Add, update, or remove a collaborator" → add, update, remove. */
function leadVerbs(segment: string, source: VerbSource): Verb[] {
  const toks = new TextTokenReader(segment, 30);
  let counted = 0;
  for (let i = 0; counted < 3; i++) {
    const tok = toks.get(i);
    if (!tok) break;
    const { word, caps } = tok;
    if (SUBORDINATE.has(word)) return [];
    if (FILLER.has(word) || word.length === 1) continue;
    if (caps) { if (counted > 0) counted++; continue; } // headers ("START HERE") skip; acronyms count
    const info = proseVerb(word);
    if (info && proseVerbFits(info, word, toks, i, counted === 0)) {
      const out: Verb[] = [makeVerb(info, source, word)];
      // continue through "X, Y, or Z"
      let j = i + 1;
      while (toks.get(j + 1) && CONNECTORS.has(toks.get(j)!.word)) {
        while (toks.get(j + 1) && CONNECTORS.has(toks.get(j)!.word)) j++;
        const more = proseVerb(toks.get(j)!.word);
        if (!more) break;
        out.push(makeVerb(more, source, toks.get(j)!.word));
        j++;
      }
      return out;
    }
    counted++;
  }
  return [];
}

/** Leading verbs of a description or title, from its first sentences. */
export function verbsOfProse(text: string | undefined, source: VerbSource): Verb[] {
  if (!text) return [];
  return readLeadSegments(text, (seg) => { const v = leadVerbs(seg, source); return v.length ? v : undefined; }) ?? [];
}

/** Verbs of action-enum values (`list_rules`, `delete`, `deploy-site`), one per value, deduplicated by class. */
export function verbsOfValues(values: string[]): Verb[] {
  const out: Verb[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const words = splitName(v);
    const verbs = verbsOfName(words, 'schema').filter((x) => x.cls !== 'weak' && (x.word === words[0] || x.cls === 'read'));
    for (const verb of verbs) {
      if (seen.has(verb.lemma)) continue;
      seen.add(verb.lemma);
      out.push(makeVerb(verb, verb.source, v));
    }
  }
  return out;
}

const RANK: Record<VerbClass, number> = { financial: 0, destructive: 1, execute: 2, write: 3, read: 4, weak: 5 };

/** The highest-precedence class among verbs (Financial first, weak last). */
export function topClass(verbs: Verb[]): VerbClass | undefined {
  let best: VerbClass | undefined;
  for (const v of verbs) if (best === undefined || RANK[v.cls] < RANK[best]) best = v.cls;
  return best;
}
