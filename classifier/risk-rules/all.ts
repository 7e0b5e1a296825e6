// Every grading rule, in the order each category applies them (the first matching `base` rule wins).
import { DESTRUCTIVE_RULES } from './destructive.ts';
import { EXECUTE_RULES } from './execute.ts';
import { FINANCIAL_RULES } from './financial.ts';
import { READ_RULES } from './read.ts';
import type { RiskRule } from './rule.ts';
import { WRITE_RULES } from './write.ts';

export const RISK_RULES: readonly RiskRule[] = [...READ_RULES, ...WRITE_RULES, ...EXECUTE_RULES, ...DESTRUCTIVE_RULES, ...FINANCIAL_RULES];

const ids = new Set<string>();
for (const r of RISK_RULES) {
  if (ids.has(r.id)) throw new Error(`duplicate risk rule id ${r.id}`);
  ids.add(r.id);
}
