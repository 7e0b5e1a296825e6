// Grading rules for Financial tools (DESIGN §4): Critical, unless the schema caps the amount or the tool
// only changes an open order rather than moving funds.
import type { RiskRule } from './rule.ts';
import { HOLDINGS } from '../verb-context.ts';

const AMENDS = new Set(['cancel', 'amend', 'modify', 'edit', 'replace', 'update', 'revoke', 'void', 'close']);

export const FINANCIAL_RULES: RiskRule[] = [
  {
    id: 'financial.capped-amount', category: 'Financial', effect: 'lower', to: 'High',
    consequence: 'A manipulated agent could still spend up to the cap on every call.',
    summary: 'the schema caps the amount at 10,000 or less',
    test: (f) => { const m = f.s.amounts[0]; return m?.maximum !== undefined && m.maximum <= 10000 ? `parameter \`${m.path}\` is capped at ${m.maximum} by the schema` : undefined; },
  },
  {
    id: 'financial.amends-order', category: 'Financial', effect: 'lower', to: 'High',
    consequence: 'A manipulated agent could cancel or change open orders, changing exposure without a human check.',
    summary: 'cancels or changes an open order or voucher; it moves no funds itself',
    test: (f) => AMENDS.has(f.lemma) && !f.objects.some((o) => HOLDINGS.has(o)) ? `'${f.lemma}' changes an open order or instrument without moving funds itself` : undefined,
  },
];
