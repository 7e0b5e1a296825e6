// Every finding rule, in the order their findings are listed, and the pass that runs them: the cheap
// pre-check first (one automaton scan), then only the rules whose anchor families occur.
import { markedExcerpt } from '../definition-text.ts';
import { SECRET_RULES } from '../secrets.ts';
import type { Finding, FindingKind } from '../types.ts';
import { CAPABILITY_RULES } from './capability.ts';
import { DATA_FLOW_RULES } from './data-flow.ts';
import { ENCODED_RULES } from './encoded.ts';
import { EXFILTRATION_RULES } from './exfiltration.ts';
import { FAMILY, familiesIn, type Family } from './families.ts';
import { HIDDEN_RULES } from './hidden-instructions.ts';
import { INVISIBLE_RULES } from './invisible.ts';
import { NAME_RULES } from './names.ts';
import { PREFERENCE_RULES } from './preference.ts';
import { REPLACED_RULES } from './replaced.ts';
import type { RuleDoc } from './doc.ts';
import type { FindingRule } from './rule.ts';
import { SHADOWING_RULES } from './shadowing.ts';
import { STEERING_RULES } from './user-steering.ts';

export const FINDING_RULES: readonly FindingRule[] = [
  ...HIDDEN_RULES, ...ENCODED_RULES, ...STEERING_RULES, ...EXFILTRATION_RULES, ...DATA_FLOW_RULES, ...SHADOWING_RULES, ...NAME_RULES, ...PREFERENCE_RULES,
  ...CAPABILITY_RULES, ...INVISIBLE_RULES, ...REPLACED_RULES, ...SECRET_RULES,
];

const maskOf = (families: readonly Family[] | undefined) => (families ?? []).reduce((m, f) => m | FAMILY[f], 0);
/** Per rule: any of `families`, and all of `requires`; with the fields the pass reads, in one object shape for every rule. */
const GATES = FINDING_RULES.map((r) => ({ id: r.id, kind: r.kind, severity: r.severity, quick: r.quick, detect: r.detect, any: maskOf(r.families), all: maskOf(r.requires) }));

/** A rule's finding: the hit with its excerpt marked. */
export interface RuleFinding extends Finding { rule: string }

/** Every rule that fires on the definition, one finding each, in registry order. */
export function runRules(doc: RuleDoc): RuleFinding[] {
  const families = familiesIn(doc.text);
  const out: RuleFinding[] = [];
  let quick: Map<RegExp, boolean> | undefined;
  for (const rule of GATES) {
    const { any, all } = rule;
    if ((any && !(any & families)) || (all & families) !== all) continue;
    if (rule.quick) {
      quick ??= new Map();
      let pass = quick.get(rule.quick);
      if (pass === undefined) { pass = rule.quick.test(doc.text); quick.set(rule.quick, pass); }
      if (!pass) continue;
    }
    doc.ruleMask = any;
    const hit = rule.detect(doc);
    if (!hit) continue;
    const f: RuleFinding = { kind: rule.kind, severity: hit.severity ?? rule.severity, message: hit.message, rule: rule.id, field: hit.seg.field };
    if (hit.excerpt !== undefined) f.excerpt = hit.excerpt;
    else { const x = markedExcerpt(hit.seg.text, hit.at, hit.length); f.excerpt = x.excerpt; f.mark = x.mark; }
    out.push(f);
  }
  return out;
}

const RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** One finding per kind, the most severe (the first in registry order among equals). */
export function strongestPerKind(findings: readonly RuleFinding[]): RuleFinding[] {
  if (findings.length < 2) return findings.slice(); // most definitions: nothing to choose between
  const best = new Map<FindingKind, RuleFinding>();
  for (const f of findings) {
    const b = best.get(f.kind);
    if (!b || RANK[f.severity] < RANK[b.severity]) best.set(f.kind, f);
  }
  return findings.filter((f) => best.get(f.kind) === f);
}
