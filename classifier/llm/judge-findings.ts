// The LLM as a second judge of manipulation (issue 11 item 5). A finding the model reports is kept only
// when its quote is really in the definition, so the model cannot invent text nor be talked into
// flagging words that are not there; it confirms a heuristic finding of the same kind or adds one of
// its own, marked `source: 'llm'`. It never removes or weakens a heuristic finding.
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { definitionSegments, markedExcerpt } from '../definition-text.ts';
import { sortFindings } from '../findings.ts';
import { atLeast } from '../finding-kinds.ts';
import type { Finding } from '../types.ts';
import type { LlmFinding } from './verdict.ts';

/** A quote shorter than this cannot locate anything reliably. */
const MIN_QUOTE = 8;

export interface JudgedFindings {
  /** The heuristic findings, untouched, plus the LLM's new ones, in display order. */
  findings: Finding[];
  /** The findings the LLM added (also in `findings`), with the model's explanation in its own words. */
  added: { finding: Finding; explanation: string }[];
  /** One line per reported finding: confirmed, added, or ignored and why. */
  evidence: string[];
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `quote` occurs in the definition, ignoring case and differences in white space. */
export function locateQuote(tool: ToolDefinition, quote: string): { field: string; text: string; at: number; length: number } | undefined {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.join(' ').length < MIN_QUOTE) return undefined;
  const pattern = new RegExp(words.map(escapeRegex).join('\\s+'), 'iu');
  for (const seg of definitionSegments(tool)) {
    const m = pattern.exec(seg.text);
    if (m) return { field: seg.field, text: seg.text, at: m.index, length: m[0].length };
  }
  return undefined;
}

/**
 * Merges the LLM's reported findings over the heuristic ones. `label` names the reviewer in messages
 * and evidence (e.g. "LLM review (model gpt-x)").
 */
export function judgeFindings(heuristic: Finding[], reported: readonly LlmFinding[], tool: ToolDefinition, label: string): JudgedFindings {
  const evidence: string[] = [];
  const added: JudgedFindings['added'] = [];
  for (const r of reported) {
    const own = heuristic.find((f) => f.kind === r.kind);
    if (own) {
      evidence.push(`${label} confirms the finding ${r.kind}`);
      continue;
    }
    const where = locateQuote(tool, r.quote);
    if (!where) {
      evidence.push(`${label} reported ${r.kind}, but its quote is not in the definition: ignored`);
      continue;
    }
    const same = added.findIndex((a) => a.finding.kind === r.kind);
    if (same >= 0 && atLeast(added[same].finding.severity, r.severity)) continue;
    const explanation = r.explanation.replace(/\.$/, '');
    const finding: Finding = {
      kind: r.kind,
      severity: r.severity,
      message: `${explanation}. (found by ${label})`,
      ...markedExcerpt(where.text, where.at, where.length),
      field: where.field,
      rule: 'llm-review',
      source: 'llm',
    };
    if (same >= 0) added[same] = { finding, explanation };
    else added.push({ finding, explanation });
  }
  for (const { finding: f } of added) evidence.push(`${label} adds the finding ${f.kind} (${f.severity}) in the ${f.field}`);
  return { findings: sortFindings([...heuristic, ...added.map((a) => a.finding)]), added, evidence };
}
