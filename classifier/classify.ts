// The heuristic classifier: every tool of a server, read in the context of its siblings. Deterministic,
// offline and fast (all patterns are compiled at module load).
import type { ToolDefinition } from '../db/tool-definition.ts';
import { analyzeTool } from './analysis.ts';
import { decideCategory, type CategoryResult } from './category.ts';
import { analyzeServer, type ServerAnalysis } from './context.ts';
import { annotationFindings, contentFindings, driftFindings, findingFloor } from './findings.ts';
import { toolPolicyFromSignals } from './policy.ts';
import { rationale } from './rationale.ts';
import { gradeRisk, maxRisk } from './risk.ts';
import type { ServerContext, ToolClassification } from './types.ts';

/** Stored with every classification; bump when lexicons or rules change. */
export const CLASSIFIER_VERSION = 'heuristic-1';

export interface ClassifyOptions {
  /**
   * The definitions seen at the last crawl, by tool name, to report definition drift (rug pulls).
   * @default no drift check
   */
  previous?: ReadonlyMap<string, ToolDefinition>;
}

/** 0..1: higher when name, description, schema and annotations agree. */
function confidence(c: CategoryResult): number {
  let x = c.strength === 'strong' ? 0.7 : c.strength === 'weak' ? 0.5 : 0.35;
  if (c.byAnnotation) x = Math.max(x, 0.6);
  x += 0.08 * Math.min(c.agree, 3) - 0.12 * Math.min(c.disagree, 3);
  return Math.round(Math.min(0.97, Math.max(0.2, x)) * 100) / 100;
}

function classifyOne(tool: ToolDefinition, server: ServerAnalysis, options: ClassifyOptions): ToolClassification {
  const a = analyzeTool(tool, server);
  const c = decideCategory(a);
  const graded = gradeRisk(a, c);
  const findings = [
    ...contentFindings(a),
    ...annotationFindings(a, c),
    ...driftFindings(tool, options.previous?.get(tool.name)),
  ];
  let risk = graded.risk;
  const evidence = [...c.evidence, ...graded.evidence];
  for (const f of findings) {
    const floor = findingFloor(f);
    if (floor && maxRisk(risk, floor) !== risk) {
      risk = floor;
      evidence.push(`finding ${f.kind} (${f.severity}) raises risk to ${floor}`);
    }
  }
  const policy = toolPolicyFromSignals(tool.name, c.category, risk, a.schema);
  return {
    name: tool.name,
    category: c.category,
    risk,
    confidence: confidence(c),
    rationale: rationale(a, c, risk, policy, findings, graded.evidence),
    evidence,
    findings,
    policy,
  };
}

/**
 * Classifies every tool of `ctx.tools`, using its siblings and the server's name and description as context.
 * Returns one classification per tool, in input order.
 */
export function classifyTools(ctx: ServerContext, options: ClassifyOptions = {}): ToolClassification[] {
  const server = analyzeServer(ctx);
  return ctx.tools.map((tool) => classifyOne(tool, server, options));
}
