// Reads one definition for the finding rules: its fields, split into sentences once, and the context
// (siblings, parameters, the catalogue) that tells a tool's own vocabulary from foreign names.
import type { ToolCatalogue } from '../catalogue.ts';
import { definitionSegments, type Segment } from '../definition-text.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { nameKey, splitName } from '../tokens.ts';
import { isSpace } from '../trim-end.ts';
import { familiesIn } from './families.ts';
import type { FindingDoc, Sentence } from './rule.ts';

const MAX_SENTENCE = 700;

/** More than one character of [start, end) is not white space (`text.slice(start, end).trim().length > 1`). */
function substantial(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let j = end - 1;
  while (j > i && isSpace(text.charCodeAt(j))) j--;
  return j > i;
}

/**
 * A sentence ends at . ! ? followed by white space (so `~/.ssh/id_rsa` or `a.b.com` is not split), or at a line
 * break; the match is that one character.
 */
const SENTENCE_END = /\n|[.!?](?=[ \n\t\r]|$)/g;

/** The sentences of one field (blank ones dropped, long ones cut). */
export function splitSentences(seg: Segment, out: Sentence[]): void {
  const text = seg.text;
  const len = text.length;
  let start = 0;
  // the next sentence end at or after `start` (-1: none left), found by the regex rather than a test per character
  let next = -2;
  for (;;) {
    if (next !== -1 && next < start) {
      SENTENCE_END.lastIndex = start;
      next = SENTENCE_END.test(text) ? SENTENCE_END.lastIndex - 1 : -1;
    }
    const limit = start + MAX_SENTENCE;
    let end: number;
    if (next !== -1 && next < limit) end = next + 1;
    else if (limit < len) end = limit + 1; // a long sentence is cut after MAX_SENTENCE + 1 characters
    else end = len;
    if (substantial(text, start, end)) out.push({ seg, start, text: text.slice(start, end), index: out.length, families: familiesIn(text, start, end) });
    if (end >= len) break;
    start = end;
  }
}

export interface DocInput {
  tool: ToolDefinition;
  /** `definitionText(tool)`: all the definition's text, joined. */
  text: string;
  /** The server's tool names as `nameKey()` gives them. */
  siblingKeys: ReadonlySet<string>;
  /** The server's tool names as spelled. */
  siblingNames: ReadonlySet<string>;
  /** The tool's parameters (their names are its own vocabulary). */
  params: readonly { name: string }[];
  server?: string;
  catalogue?: ToolCatalogue;
}

/** A block in an attention tag (<IMPORTANT>, <system>, <instructions>…; any all-capitals tag), not formatting like <b>. */
const TAG_BLOCK = /<([A-Z][A-Z_-]+|[Ii]mportant|[Ss]ystem|instructions?|hidden|secret|note|admin|override|context)\b[^>]*>[\s\S]*?<\/\1\s*>/g;
const FIRST_SENTENCE = /^[^\n]*?(?:[.!?](?=\s)|\n|$)/;

/** A definition as the rules read it; fields and sentences are split on first use only. */
class Doc implements FindingDoc {
  readonly name: string;
  readonly selfKey: string;
  readonly text: string;
  readonly siblingKeys: ReadonlySet<string>;
  readonly siblingNames: ReadonlySet<string>;
  readonly server?: string;
  readonly catalogue?: ToolCatalogue;
  readonly #input: DocInput;
  #segments?: Segment[];
  #sentences?: Sentence[];
  #byMask?: Map<number, Sentence[]>;
  /** The running rule's families (set by the registry before each rule); 0: every sentence. */
  ruleMask = 0;
  #paramKeys?: Set<string>;
  #purpose?: string;

  constructor(input: DocInput) {
    this.#input = input;
    this.name = typeof input.tool.name === 'string' ? input.tool.name : '';
    this.selfKey = nameKey(this.name);
    this.text = input.text;
    this.siblingKeys = input.siblingKeys;
    this.siblingNames = input.siblingNames;
    this.server = input.server;
    this.catalogue = input.catalogue;
  }

  get segments(): Segment[] {
    return (this.#segments ??= definitionSegments(this.#input.tool));
  }

  get allSentences(): Sentence[] {
    if (!this.#sentences) {
      this.#sentences = [];
      for (const seg of this.segments) if (seg.field !== 'name' && !seg.field.endsWith(' name')) splitSentences(seg, this.#sentences);
    }
    return this.#sentences;
  }

  get sentences(): Sentence[] {
    const mask = this.ruleMask;
    if (!mask) return this.allSentences;
    this.#byMask ??= new Map();
    let list = this.#byMask.get(mask);
    if (!list) {
      list = this.allSentences.filter((s) => (s.families & mask) !== 0);
      this.#byMask.set(mask, list);
    }
    return list;
  }

  get paramKeys(): ReadonlySet<string> {
    if (!this.#paramKeys) {
      this.#paramKeys = new Set();
      for (const p of this.#input.params) this.#paramKeys.add(nameKey(p.name));
    }
    return this.#paramKeys;
  }

  get purpose(): string {
    if (this.#purpose === undefined) {
      const { tool } = this.#input;
      const description = typeof tool.description === 'string' ? tool.description : '';
      // The stated purpose never comes from a tagged block (<IMPORTANT>…</IMPORTANT>): that is where hidden orders live.
      const stated = description.includes('<') ? description.replace(TAG_BLOCK, ' ') : description;
      const first = FIRST_SENTENCE.exec(stated.trimStart())?.[0] ?? '';
      this.#purpose = `${splitName(this.name).join(' ')} ${typeof tool.title === 'string' ? tool.title : ''} ${first}`.toLowerCase();
    }
    return this.#purpose;
  }
}

export type RuleDoc = FindingDoc & { ruleMask: number };

export function buildDoc(input: DocInput): RuleDoc {
  return new Doc(input);
}
