// Recommended policy.json (DESIGN §5): Read/Low allowed as `{}` under default deny; Write rate-limited;
// Execute rate-limited with argument conditions; Destructive and Financial limited hard, conditioned, and
// hidden when Critical. One tool alone (`toolPolicy`) or a whole server (`serverPolicy`).
import type { ToolDefinition } from '../db/tool-definition.ts';
import { analyzeTool } from './analysis.ts';
import { decideCategory } from './category.ts';
import { analyzeServer } from './context.ts';
import { schemaConditions, type ConditionInputs } from './policy-conditions.ts';
import { riskFacts } from './risk-facts.ts';
import { RISKS, type Category, type Policy, type PolicyLimit, type Risk, type ToolClassification, type ToolPolicy } from './types.ts';

type Window = PolicyLimit['window'];

/** Calls allowed per window, by category and risk; undefined means no limit. */
const LIMITS: Record<Category, Partial<Record<Risk, [number, Window]>>> = {
  Read: { Medium: [60, 'minute'], High: [20, 'minute'], Critical: [10, 'hour'] },
  Write: { Low: [60, 'minute'], Medium: [30, 'minute'], High: [10, 'minute'], Critical: [20, 'hour'] },
  Execute: { Low: [30, 'minute'], Medium: [30, 'minute'], High: [10, 'hour'], Critical: [5, 'hour'] },
  Destructive: { Low: [20, 'hour'], Medium: [10, 'hour'], High: [5, 'hour'], Critical: [1, 'day'] },
  Financial: { Low: [10, 'hour'], Medium: [5, 'hour'], High: [5, 'hour'], Critical: [3, 'day'] },
};

/** The counter a tool's rate limit uses. */
export function counterName(tool: string): string {
  return `${tool}_rate`;
}

/** The policy entry for one tool, from its category, risk and the parameters conditions may name. */
export function buildToolPolicy(name: string, category: Category, risk: Risk, inputs: ConditionInputs): { entry: ToolPolicy; hide: boolean } {
  const s = inputs.s;
  const entry: ToolPolicy = {};
  const limit = LIMITS[category][risk];
  if (limit) entry.limits = [{ counter: counterName(name), window: limit[1], max: limit[0], scope: 'grant' }];
  if (category === 'Read' && risk === 'Low') return { entry: {}, hide: false };
  const strict = category === 'Destructive' || category === 'Financial';
  // a condition may only name what the input schema declares, never a parameter read from the description
  if (s.documented) return { entry, hide: strict && risk === 'Critical' };
  const { require, deny_if } = schemaConditions(inputs, {
    strict,
    recipients: category === 'Execute',
    amounts: category === 'Financial',
    enums: category === 'Execute',
    router: category !== 'Read' && category !== 'Write',
  });
  if (require.length) entry.require = require;
  if (deny_if.length) entry.deny_if = deny_if;
  return { entry, hide: strict && risk === 'Critical' };
}

/**
 * The `tools` map. It has no prototype: keyed by arbitrary tool names, a plain object would grow a new
 * hidden class per name (20 times slower at catalogue scale). JSON, Object.keys/entries and `in` work as usual.
 */
function toolMap(): Record<string, ToolPolicy> {
  return Object.create(null) as Record<string, ToolPolicy>;
}

function wrap(name: string, entry: ToolPolicy, hide: boolean): Policy {
  const tools = toolMap();
  tools[name] = entry;
  const policy: Policy = { version: '1', default: 'deny', tools };
  if (hide) policy.hide = [name];
  return policy;
}

/** The recommended policy.json for one tool alone, from a classification (possibly an LLM's) and its tool. */
export function toolPolicy(classification: Pick<ToolClassification, 'name' | 'category' | 'risk'>, tool: ToolDefinition): Policy {
  const a = analyzeTool(tool, analyzeServer({ tools: [tool] }));
  const c = { ...decideCategory(a), category: classification.category };
  const f = riskFacts(a, c);
  return toolPolicyFromInputs(classification.name, classification.category, classification.risk, { s: f.s, urls: f.urls, paths: f.fsPaths });
}

/** Internal: the single-tool policy when the parameters conditions may name are already known. */
export function toolPolicyFromInputs(name: string, category: Category, risk: Risk, inputs: ConditionInputs): Policy {
  const { entry, hide } = buildToolPolicy(name, category, risk, inputs);
  return wrap(name, entry, hide);
}

/** One policy covering all of a server's tools (default deny; entries and hide lists merged).
 * When two tools share a name, the entry of the riskier one is kept. */
export function serverPolicy(classifications: ToolClassification[], tools?: ToolDefinition[]): Policy {
  const out: Policy = { version: '1', default: 'deny', tools: toolMap() };
  const byName = new Map((tools ?? []).map((t) => [t.name, t] as const));
  const riskOf = new Map<string, number>();
  const hide: string[] = [];
  for (const c of classifications) {
    const tool = byName.get(c.name);
    const p = c.policy ?? (tool ? toolPolicy(c, tool) : wrap(c.name, {}, false));
    const rank = RISKS.indexOf(c.risk);
    for (const [name, entry] of Object.entries(p.tools)) {
      if ((riskOf.get(name) ?? -1) > rank) continue;
      out.tools[name] = entry;
      riskOf.set(name, rank);
    }
    for (const h of p.hide ?? []) if (!hide.includes(h)) hide.push(h);
  }
  if (hide.length) out.hide = hide;
  return out;
}

/**
 * Stored classifications (a tool's name and its latest classification row, null when it has none)
 * as the verdicts serverPolicy merges; unclassified tools are left out, so default deny blocks them.
 */
export function storedVerdicts(tools: { name: string; classification: object | null }[]): ToolClassification[] {
  return tools.filter((t) => t.classification).map((t) => ({ name: t.name, ...t.classification }) as unknown as ToolClassification);
}
