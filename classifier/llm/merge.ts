// Merges an LLM verdict into the heuristic one. The final risk is never below the heuristic risk (which
// already carries hard signals and findings), so a description cannot talk its own risk down; the LLM
// may raise risk, raise the category, or change a category the heuristics only guessed. Both opinions
// are kept in the evidence, and the policy is recomputed from the final category and risk. Findings the
// LLM reports are checked and merged by judge-findings.ts: it may confirm or add, never remove.
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { FINDING_KIND_INFO } from '../finding-kinds.ts';
import { findingFloor } from '../findings.ts';
import { toolPolicy } from '../policy.ts';
import { maxRisk } from '../risk.ts';
import { CATEGORIES, type ToolClassification } from '../types.ts';
import { judgeFindings } from './judge-findings.ts';
import type { LlmVerdict } from './verdict.ts';

export interface MergeInput {
  heuristic: ToolClassification;
  verdict: LlmVerdict;
  tool: ToolDefinition;
  model: string;
  /** Why the heuristic category may not be lowered (HardSignals.categoryFloor); undefined: it may. */
  categoryFloor?: string;
}

/** Precedence rank: 0 for Financial ... 4 for Read. */
const rank = (c: string) => CATEGORIES.indexOf(c as never);

const round = (x: number) => Math.round(x * 100) / 100;

export function mergeReview({ heuristic: h, verdict: v, tool, model, categoryFloor }: MergeInput): ToolClassification {
  const lowerCategory = rank(v.category) > rank(h.category);
  const category = lowerCategory && categoryFloor ? h.category : v.category;
  const label = `LLM review (model ${model})`;
  const judged = judgeFindings(h.findings, v.findings, tool, label);
  let risk = maxRisk(h.risk, v.risk);
  const raisedBy: string[] = [];
  for (const { finding: f } of judged.added) {
    const floor = findingFloor(f);
    if (floor && maxRisk(risk, floor) !== risk) {
      risk = floor;
      raisedBy.push(`finding ${f.kind} (${f.severity}) raises risk to ${floor}`);
    }
  }
  const evidence = [
    ...h.evidence,
    `heuristics: ${h.category}/${h.risk} (confidence ${h.confidence})`,
    `${label}: ${v.category}/${v.risk} (confidence ${v.confidence})`,
    ...v.evidence.map((line) => `${label}: ${line}`),
  ];
  if (category !== v.category) evidence.push(`category stays ${h.category}, not ${v.category}: ${categoryFloor}`);
  evidence.push(...judged.evidence, ...raisedBy);
  if (risk !== v.risk && !raisedBy.length) evidence.push(`risk stays at the heuristic floor ${h.risk}, not ${v.risk}: a description cannot lower risk`);

  const agreed = v.category === h.category && v.risk === h.risk;
  const llmWins = category === v.category && risk === v.risk;
  let rationale: string;
  let confidence: number;
  if (agreed) {
    rationale = h.rationale;
    confidence = Math.min(0.97, Math.max(h.confidence, v.confidence) + 0.1);
  } else if (llmWins) {
    rationale = v.rationale;
    confidence = v.confidence;
  } else if (category === h.category && risk === h.risk) {
    rationale = `${h.rationale} An LLM review (model ${model}) suggested ${v.category}/${v.risk}; the heuristic floor holds.`;
    confidence = h.confidence;
  } else {
    const base = category === v.category ? v.rationale : h.rationale;
    rationale = `${base} After an LLM review (model ${model}) and the heuristic floor, it is rated ${category}/${risk}.`;
    confidence = Math.min(h.confidence, v.confidence);
  }
  if (judged.added.length) {
    const found = judged.added.map((a) => `${FINDING_KIND_INFO[a.finding.kind].title.toLowerCase()} (${a.explanation})`);
    rationale = `${rationale} ${label} also found ${found.join('; ')}.`;
  }
  return {
    ...h,
    category,
    risk,
    confidence: round(confidence),
    rationale,
    evidence,
    findings: judged.findings,
    policy: toolPolicy({ name: h.name, category, risk }, tool),
  };
}
