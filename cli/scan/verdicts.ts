// Verdicts, the same as the site's: every tool classified by classifier/ (or its stored classification
// when the scan reads the catalogue), the server's merged policy and client settings, and its grade.
import { classifyTools, CLASSIFIER_VERSION } from '../../classifier/classify.ts';
import { clientExports, type ClientExports } from '../../classifier/exports.ts';
import { serverPolicy } from '../../classifier/policy.ts';
import { CATEGORIES, RISKS, type Finding, type Policy, type Risk, type ToolClassification } from '../../classifier/types.ts';
import type { SiteTool } from '../../db/queries/site.ts';
import { definitionHash, type ToolDefinition } from '../../db/tool-definition.ts';
import { gradeServer, type Grade } from '../../site/src/lib/grade.ts';

export interface ToolVerdict {
  definition: ToolDefinition;
  hash: string;
  classification: ToolClassification;
  /** heuristic, llm, ...: what produced the classification. */
  method: string;
  model: string | null;
  classifierVersion: string;
}

/** A finding with the tool it is about; drift findings carry the diff of the definition. */
export type ScanFinding = Finding & { tool: string; diff?: string[] } & Record<string, unknown>;

export interface ServerVerdict {
  tools: ToolVerdict[];
  findings: ScanFinding[];
  policy: Policy;
  exports: ClientExports;
  grade: Grade;
  highestRisk: Risk | null;
  byRisk: Partial<Record<Risk, number>>;
  byCategory: Record<string, number>;
}

export interface ServerContextInfo { name: string; description?: string }

/** Listed tools, classified offline by the heuristics, each read beside its siblings. */
export function judgeListed(ctx: ServerContextInfo, tools: ToolDefinition[]): ToolVerdict[] {
  const classified = classifyTools({ name: ctx.name, description: ctx.description, tools });
  return tools.map((definition, i) => ({
    definition, hash: definitionHash(definition), classification: classified[i],
    method: 'heuristic', model: null, classifierVersion: CLASSIFIER_VERSION,
  }));
}

const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : []);

/** Catalogue tools: their stored classification as the site shows it, the heuristics' for those without one. */
export function judgeStored(ctx: ServerContextInfo, tools: SiteTool[]): ToolVerdict[] {
  const fresh = judgeListed(ctx, tools.map((t) => t.definition));
  return tools.map((t, i) => {
    const c = t.classification;
    if (!c) return fresh[i];
    return {
      definition: t.definition, hash: t.hash, method: c.method, model: c.model, classifierVersion: c.classifierVersion,
      classification: {
        name: t.name, category: c.category as ToolClassification['category'], risk: c.risk as Risk, confidence: c.confidence,
        rationale: c.rationale, evidence: Array.isArray(c.evidence) ? c.evidence.filter((e): e is string => typeof e === 'string') : [],
        findings: objects(c.findings) as unknown as Finding[], policy: c.policy as Policy,
      },
    };
  });
}

const SERIOUS = new Set(['high', 'critical']);

/** The server's policy over all its tools, its Claude Code and Codex settings under its config key, its grade. */
export function serverVerdict(key: string, name: string, tools: ToolVerdict[], extra: ScanFinding[] = []): ServerVerdict {
  const byRisk: Partial<Record<Risk, number>> = {};
  const categories: Record<string, number> = {};
  const findings: ScanFinding[] = [];
  for (const t of tools) {
    const c = t.classification;
    byRisk[c.risk] = (byRisk[c.risk] ?? 0) + 1;
    categories[c.category] = (categories[c.category] ?? 0) + 1;
    for (const f of c.findings) findings.push({ ...f, tool: c.name });
  }
  findings.push(...extra);
  const policy = serverPolicy(tools.map((t) => t.classification), tools.map((t) => t.definition));
  return {
    tools, findings, policy,
    exports: clientExports(name, policy, tools.map((t) => t.classification.name), key),
    grade: gradeServer({ byRisk, tools: tools.length, seriousFindings: findings.filter((f) => SERIOUS.has(f.severity)).length }),
    highestRisk: [...RISKS].reverse().find((r) => byRisk[r]) ?? null,
    byRisk,
    byCategory: Object.fromEntries(CATEGORIES.filter((c) => categories[c]).map((c) => [c, categories[c]])),
  };
}
