// Policy snippets as the site shows them (DESIGN §5): the stored per-tool policy in the documented
// key order, and one whole-server policy merged from its tools' policies.
import { serverPolicy as mergeServerPolicy, storedVerdicts } from '../../../classifier/policy.ts';
import type { Policy } from '../../../classifier/types.ts';
import type { SiteTool } from '../../../db/queries/site.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Known keys first, in the order DESIGN §5 writes them (PostgreSQL jsonb does not keep key order). */
const KEY_ORDER = ['version', 'default', 'hide', 'tools', 'require', 'deny_if', 'limits', 'counter', 'window', 'max', 'scope', 'path', 'op', 'value'];
const rank = (key: string) => { const i = KEY_ORDER.indexOf(key); return i < 0 ? KEY_ORDER.length : i; };

const sortKeys = (o: Record<string, unknown>, map: (k: string, v: unknown) => unknown = (_, v) => v) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => rank(a) - rank(b)).map(([k, v]) => [k, map(k, v)]));

/** One `tools` entry: rule lists in order, each limit or condition's keys in order, values untouched. */
const orderRules = (rules: unknown) => !isObject(rules) ? rules : sortKeys(rules, (_, list) =>
  Array.isArray(list) ? list.map((item) => (isObject(item) ? sortKeys(item) : item)) : list);

/** A copy of a policy with its keys in display order; tool names keep their stored order. */
export function orderPolicyKeys(policy: unknown): unknown {
  if (!isObject(policy)) return policy;
  return sortKeys(policy, (key, value) => key === 'tools' && isObject(value)
    ? Object.fromEntries(Object.entries(value).map(([name, rules]) => [name, orderRules(rules)]))
    : value);
}

/** Pretty JSON of a policy, as pasted into a gateway. */
export function policyJson(policy: unknown): string {
  return JSON.stringify(orderPolicyKeys(policy), null, 2);
}

/**
 * One policy for a whole server, the same as `mcp-risk policy SERVER` prints: classifier/policy.ts's
 * serverPolicy over the classified current tools (default deny, hide lists and entries merged).
 * Unclassified tools stay out of it, so default deny blocks them.
 */
export function serverPolicy(tools: Pick<SiteTool, 'name' | 'classification'>[]): Policy {
  return mergeServerPolicy(storedVerdicts(tools));
}

/** What a policy does to one tool: hidden, denied (not listed under default deny), or allowed with conditions, limits or freely. */
export type ToolStatus = 'hidden' | 'denied' | 'conditioned' | 'limited' | 'allowed';

export function toolStatus(policy: Policy, name: string): ToolStatus {
  if (policy.hide?.includes(name)) return 'hidden';
  const rules = Object.hasOwn(policy.tools, name) ? policy.tools[name] : undefined;
  if (!rules) return policy.default === 'deny' ? 'denied' : 'allowed';
  if (rules.deny_if?.length || rules.require?.length) return 'conditioned';
  return rules.limits?.length ? 'limited' : 'allowed';
}

export const STATUS_TEXT: Record<ToolStatus, string> = {
  hidden: 'hidden from the agent',
  denied: 'denied (not listed under default deny)',
  conditioned: 'allowed only when its conditions hold',
  limited: 'allowed, rate-limited',
  allowed: 'allowed',
};
