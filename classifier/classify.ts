// The heuristic classifier: every tool of a server, read in the context of its siblings. Deterministic,
// offline and fast (all patterns are compiled at module load).
import type { ToolDefinition } from '../db/tool-definition.ts';
import { analyzeTool, type ToolAnalysis } from './analysis.ts';
import { decideCategory } from './category.ts';
import type { CategoryResult } from './category-types.ts';
import { analyzeServer, type ServerAnalysis } from './context.ts';
import type { ToolCatalogue } from './catalogue.ts';
import { annotationFindings, contentFindings, driftFindings, findingFloor, sortFindings } from './findings.ts';
import { toolPolicyFromInputs } from './policy.ts';
import { rationale } from './rationale.ts';
import { gradeRisk, maxRisk, type RiskResult } from './risk.ts';
import { RISKS, type ServerContext, type ToolClassification } from './types.ts';

/** Stored with every classification; bump when lexicons or rules change. */
export const CLASSIFIER_VERSION = 'heuristic-3';

export interface ClassifyOptions {
  /**
   * The definitions seen at the last crawl, by tool name, to report definition drift (rug pulls).
   * @default no drift check
   */
  previous?: ReadonlyMap<string, ToolDefinition>;
  /**
   * Tool names of the catalogue with their servers, to judge shadowing across servers (a definition
   * naming another server's tool, a name imitating one). @default no cross-server check
   */
  catalogue?: ToolCatalogue;
}

/** 0..1: higher when name, description, schema and annotations agree. */
function confidence(c: CategoryResult): number {
  let x = c.strength === 'strong' ? 0.7 : c.strength === 'weak' ? 0.5 : 0.35;
  if (c.byAnnotation) x = Math.max(x, 0.6);
  x += 0.08 * Math.min(c.agree, 3) - 0.12 * Math.min(c.disagree, 3);
  return Math.round(Math.min(0.97, Math.max(0.2, x)) * 100) / 100;
}

interface Graded { tool: ToolDefinition; a: ToolAnalysis; c: CategoryResult; graded: RiskResult }

/** A dispatcher runs its siblings by name: it is as risky as the riskiest of them. */
function reachSiblings(all: Graded[]): void {
  let worst: Graded | undefined;
  for (const g of all) if (!g.c.dispatcher && (!worst || RISKS.indexOf(g.graded.risk) > RISKS.indexOf(worst.graded.risk))) worst = g;
  if (!worst) return;
  for (const g of all) {
    if (!g.c.dispatcher || maxRisk(g.graded.risk, worst.graded.risk) === g.graded.risk) continue;
    g.graded.risk = worst.graded.risk;
    g.graded.evidence.push(`it can run its sibling ${worst.tool.name}, rated ${worst.c.category}/${worst.graded.risk}`);
  }
}

function finish(g: Graded, options: ClassifyOptions): ToolClassification {
  const { tool, a, c, graded } = g;
  // appended by hand: Array.prototype.concat takes V8's slow generic path here
  const findings = contentFindings(a, options.catalogue);
  for (const f of annotationFindings(a, c)) findings.push(f);
  for (const f of driftFindings(tool, options.previous?.get(tool.name))) findings.push(f);
  sortFindings(findings);
  let risk = graded.risk;
  const evidence = c.evidence.slice();
  for (const e of graded.evidence) evidence.push(e);
  for (const f of findings) {
    const floor = findingFloor(f);
    if (floor && maxRisk(risk, floor) !== risk) {
      risk = floor;
      evidence.push(`finding ${f.kind} (${f.severity}) raises risk to ${floor}`);
    }
  }
  const policy = toolPolicyFromInputs(tool.name, c.category, risk, { s: a.schema, urls: graded.facts.urls, paths: graded.facts.fsPaths });
  return {
    name: tool.name,
    category: c.category,
    risk,
    confidence: confidence(c),
    rationale: rationale(a, c, risk, policy, findings, graded),
    evidence,
    findings,
    policy,
    rules: graded.rules.map((r) => r.id),
  };
}

/**
 * Classifies every tool of `ctx.tools`, using its siblings and the server's name and description as context.
 * Returns one classification per tool, in input order.
 */
export function classifyTools(ctx: ServerContext, options: ClassifyOptions = {}): ToolClassification[] {
  const server: ServerAnalysis = analyzeServer(ctx);
  const all: Graded[] = ctx.tools.map((tool) => {
    const a = analyzeTool(tool, server);
    const c = decideCategory(a);
    return { tool, a, c, graded: gradeRisk(a, c) };
  });
  if (all.some((g) => g.c.dispatcher)) reachSiblings(all);
  return all.map((g) => finish(g, options));
}
