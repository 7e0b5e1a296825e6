// Risk (DESIGN §4): the category's baseline moved by the grading rules (classifier/risk-rules/), each a
// row of the reviewers' table with an id and an evidence line. Findings are applied later and can only
// raise it.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import { riskFacts, type RiskFacts } from './risk-facts.ts';
import { RISK_RULES } from './risk-rules/all.ts';
import type { FiredRule, RiskRule } from './risk-rules/rule.ts';
import { RISKS, type Category, type Risk } from './types.ts';

export const BASELINE: Record<Category, Risk> = { Read: 'Low', Write: 'Medium', Execute: 'High', Destructive: 'High', Financial: 'Critical' };

export function maxRisk(a: Risk, b: Risk): Risk {
  return RISKS.indexOf(a) >= RISKS.indexOf(b) ? a : b;
}
function minRisk(a: Risk, b: Risk): Risk {
  return RISKS.indexOf(a) <= RISKS.indexOf(b) ? a : b;
}
function bump(r: Risk): Risk {
  return RISKS[Math.min(RISKS.length - 1, RISKS.indexOf(r) + 1)];
}

const BY_CATEGORY = new Map<Category, RiskRule[]>();
for (const r of RISK_RULES) {
  // copied into one object shape (rules without `to` have another), so the grading loop's loads stay monomorphic
  const rule: RiskRule = { id: r.id, category: r.category, effect: r.effect, to: r.to, summary: r.summary, consequence: r.consequence, test: r.test };
  const list = BY_CATEGORY.get(rule.category);
  if (list) list.push(rule); else BY_CATEGORY.set(rule.category, [rule]);
}

export interface RiskResult {
  risk: Risk;
  /** The evidence lines of the rules that fired, in the order they apply. */
  evidence: string[];
  /** The rules that fired (ids for eval), whether or not they changed the level. */
  rules: FiredRule[];
  /** The rule that set the final level, if one did (its consequence is the rationale's second sentence). */
  decisive?: FiredRule;
  /** What the rules read; policy conditions name only its URL and path parameters. */
  facts: RiskFacts;
}

/** Grades risk within the category by the rules of that category. */
export function gradeRisk(a: ToolAnalysis, c: CategoryResult): RiskResult {
  const facts = riskFacts(a, c);
  const fired: FiredRule[] = [];
  for (const rule of BY_CATEGORY.get(c.category) ?? []) {
    const evidence = rule.test(facts);
    if (evidence) fired.push({ id: rule.id, effect: rule.effect, to: rule.to, evidence, consequence: rule.consequence });
  }
  const base = fired.find((r) => r.effect === 'base');
  let risk = base?.to ?? BASELINE[c.category];
  const raises = fired.filter((r) => r.effect === 'raise');
  for (const r of raises) risk = maxRisk(risk, r.to!);
  if (fired.some((r) => r.effect === 'bump')) risk = bump(risk);
  if (!raises.length) for (const r of fired) if (r.effect === 'lower') risk = minRisk(risk, r.to!);
  const used = fired.filter((r) => r.effect !== 'base' || r === base);
  const evidence = used.map((r) => r.evidence);
  if (a.ann.destructive === true && risk === 'Low') {
    risk = 'Medium';
    evidence.push('author marks it destructive, so not Low');
  }
  const decisive = raises.find((r) => r.to === risk) ?? (used.some((r) => r.effect === 'bump') ? used.find((r) => r.effect === 'bump') : undefined)
    ?? (!raises.length ? used.find((r) => r.effect === 'lower' && r.to === risk) : undefined) ?? (base && base.to === risk ? base : undefined);
  return { risk, evidence, rules: used, decisive, facts };
}
