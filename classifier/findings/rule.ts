// The shape of a finding rule (DESIGN §4, "rules as data"): an id, the kind and severity it reports,
// what it matches in plain words, and a detector over one definition read as fields and sentences.
import type { Segment } from '../definition-text.ts';
import type { FindingKind, Severity } from '../types.ts';
import type { ToolCatalogue } from '../catalogue.ts';
import type { Family } from './families.ts';

/**
 * One sentence of one field. `start` is its offset in `seg.text`, `index` its place in `allSentences`,
 * `families` the anchor families it contains (FAMILY bits).
 */
export interface Sentence { seg: Segment; start: number; text: string; index: number; families: number }

/** What a rule reads: the tool's fields, split into sentences once, and its context. */
export interface FindingDoc {
  name: string;
  /** All the definition's text joined (`definitionText`), for cheap checks before fields are split. */
  text: string;
  /** `nameKey(name)`. */
  selfKey: string;
  /** The server's tool names as `nameKey()` gives them (this tool's included). */
  siblingKeys: ReadonlySet<string>;
  /** The server's tool names as spelled (this tool's included). */
  siblingNames: ReadonlySet<string>;
  /** This tool's parameter names as `nameKey()` gives them. */
  paramKeys: ReadonlySet<string>;
  /** Lower-case words of the name and of the first sentence of the description: the stated purpose. */
  purpose: string;
  /** The server's display name, to tell its own catalogue entries from other servers'. */
  server?: string;
  catalogue?: ToolCatalogue;
  /** The definition's fields (`definitionSegments`); computed on first use. */
  readonly segments: Segment[];
  /** The sentences of every field but names; computed on first use. */
  readonly allSentences: Sentence[];
  /**
   * The sentences that contain an anchor of the running rule's families (all of them for a rule without
   * families): rules look for their patterns here, and at `allSentences` for neighbours.
   */
  readonly sentences: Sentence[];
}

/** Where a rule matched, and what to say about it. */
export interface RuleHit {
  seg: Segment;
  /** Offset and length of the suspicious text in `seg.text`. */
  at: number;
  length: number;
  /** One plain sentence: what the text tries to make the model do. */
  message: string;
  /** Overrides the rule's severity (e.g. raised by a second signal). */
  severity?: Severity;
  /** Shown instead of the text around the match (a masked secret); no mark then. */
  excerpt?: string;
}

export interface FindingRule {
  /** Stable id, `family.name`, reported in findings and by `eval --poisoning`. */
  id: string;
  kind: FindingKind;
  /** The usual severity (a hit may raise or lower it). */
  severity: Severity;
  /** What the rule matches, in one plain sentence. */
  matches: string;
  /** Runs only where an anchor of one of these families occurs (the pre-check); absent: on every definition. */
  families?: readonly Family[];
  /** Families that must all occur as well (anywhere in the definition). @default none */
  requires?: readonly Family[];
  /** A pattern the definition's whole text must match before the rule reads its sentences (a second, cheap gate). */
  quick?: RegExp;
  detect(doc: FindingDoc): RuleHit | undefined;
}

/** The first sentence for which `test` returns a hit. */
export function eachSentence(doc: FindingDoc, test: (s: Sentence) => RuleHit | undefined): RuleHit | undefined {
  for (const s of doc.sentences) {
    const hit = test(s);
    if (hit) return hit;
  }
  return undefined;
}

/** A hit on the span `m` of sentence `s`. */
export function hitAt(s: Sentence, m: RegExpExecArray | { index: number; 0: string }, message: string, severity?: Severity): RuleHit {
  return { seg: s.seg, at: s.start + m.index, length: m[0].length, message, ...(severity ? { severity } : {}) };
}

/** " in parameter `x`" or "" for the description: where the text was, for messages. */
export function where(seg: Segment): string {
  return seg.field === 'description' ? '' : ` (in the ${seg.field})`;
}
