// One plain sentence saying what a policy does to a tool, written from the policy JSON itself (its
// hide list, the tool's entry with its limits, require and deny_if conditions, and the default), so
// that the words can never disagree with the snippet beside them: "Allowed, at most 10 calls a
// minute, only when `args.url` starts with https://; everything else on this server is denied."
import { DANGEROUS_COMMAND, E164, EMAIL_ALLOWLIST, NOT_HTTPS, PRIVATE_HOST, RISKY_CODE, ROUTER_DESTRUCTIVE, SENSITIVE_PATH, WRITING_SQL } from './policy-conditions.ts';
import type { Policy, PolicyCondition, PolicyLimit, ToolPolicy } from './types.ts';

/** A run of words, or a name or value shown as code. */
export type WordPart = string | { code: string };

export interface PolicyWords {
  parts: WordPart[];
  /** The same sentence as plain text, code in backticks. */
  text: string;
}

/** The classifier's named patterns, read back as what they catch (matched on the exact pattern text). */
const PATTERNS = new Map<string, string>([
  [PRIVATE_HOST, 'points at an internal, loopback or cloud-metadata host'],
  [SENSITIVE_PATH, 'names keys, credentials, system accounts or a parent folder'],
  [DANGEROUS_COMMAND, 'holds a command that destroys data, escalates or pipes a download into a shell'],
  [WRITING_SQL, 'holds SQL that changes data or permissions'],
  [RISKY_CODE, 'reaches the environment, the network or the process'],
  [E164, 'is an E.164 phone number'],
  [NOT_HTTPS, 'is not an https URL'],
  [ROUTER_DESTRUCTIVE, 'names a sub-command that deletes, revokes or spends'],
  [EMAIL_ALLOWLIST, 'is an address at example.com (put your own domain there)'],
]);

const WINDOW: Record<string, string> = { minute: 'a minute', hour: 'an hour', day: 'a day' };
/** A regex that is one literal, optionally anchored: ^https:// → starts with "https://". */
const LITERAL = /^(\^?)((?:[^\\.*+?()[\]{}|^$]|\\[^A-Za-z0-9])+)(\$?)$/;

const code = (value: unknown): WordPart => ({ code: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) });

/** a, b or c (with `last` as the final joiner). */
function list(items: WordPart[][], last: string): WordPart[] {
  const out: WordPart[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(i === items.length - 1 ? ` ${last} ` : ', ');
    for (const part of items[i]) out.push(part);
  }
  return out;
}

function regexWords(pattern: string): WordPart[] {
  const named = PATTERNS.get(pattern);
  if (named) return [named];
  const m = LITERAL.exec(pattern);
  if (m) {
    const literal = m[2].replace(/\\(.)/g, '$1');
    const how = m[1] && m[3] ? 'is exactly' : m[1] ? 'starts with' : m[3] ? 'ends with' : 'contains';
    return [`${how} `, code(literal)];
  }
  return ['matches the pattern ', code(pattern)];
}

function conditionWords(c: PolicyCondition): WordPart[] {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  let is: WordPart[];
  switch (c.op) {
    case 'eq': is = ['is ', code(c.value)]; break;
    case 'neq': is = ['is not ', code(c.value)]; break;
    case 'in': is = values.length === 1 ? ['is ', code(values[0])] : ['is one of ', ...list(values.map((v) => [code(v)]), 'or')]; break;
    case 'not_in': is = values.length === 1 ? ['is not ', code(values[0])] : ['is none of ', ...list(values.map((v) => [code(v)]), 'or')]; break;
    case 'lt': is = ['is less than ', code(c.value)]; break;
    case 'lte': is = ['is at most ', code(c.value)]; break;
    case 'gt': is = ['is more than ', code(c.value)]; break;
    case 'gte': is = ['is at least ', code(c.value)]; break;
    case 'regex': is = regexWords(String(c.value)); break;
    case 'contains': is = ['contains ', code(c.value)]; break;
    case 'exists': is = ['is given']; break;
    default: is = [`passes the check ${c.op} `, code(c.value)];
  }
  return [code(c.path), ' ', ...is];
}

function limitWords(limits: PolicyLimit[]): WordPart[] {
  return ['at most ', ...list(limits.map((l, i) => [
    `${l.max} ${i === 0 ? (l.max === 1 ? 'call' : 'calls') : ''}`.trimEnd() + ` ${WINDOW[l.window] ?? `per ${l.window}`}`,
    ...(l.scope && l.scope !== 'grant' ? [` per ${l.scope}`] : []),
  ]), 'and')];
}

/** The tool entry's limits and conditions, each after a comma. */
function entryWords(rules: ToolPolicy): WordPart[] {
  const out: WordPart[] = [];
  if (rules.limits?.length) out.push(', ', ...limitWords(rules.limits));
  if (rules.require?.length) out.push(', only when ', ...list(rules.require.map(conditionWords), 'and'));
  if (rules.deny_if?.length) out.push(rules.require?.length ? ', and ' : ', ', 'never when ', ...list(rules.deny_if.map(conditionWords), 'or'));
  return out;
}

/** What `policy` does to the tool `name`, and to everything else. */
export function policyWords(policy: Policy, name: string): PolicyWords {
  const parts: WordPart[] = [];
  const rules = Object.hasOwn(policy.tools ?? {}, name) ? policy.tools[name] : undefined;
  if (policy.hide?.includes(name)) {
    parts.push('Hidden: the agent is never shown ', code(name));
    // the entry kept for operators who unhide it
    if (rules && (rules.limits?.length || rules.require?.length || rules.deny_if?.length)) parts.push(' (if unhidden: allowed', ...entryWords(rules), ')');
  } else if (!rules) parts.push(policy.default === 'deny' ? 'Denied: ' : 'Allowed: ', code(name), ` is not listed, and the default ${policy.default === 'deny' ? 'denies' : 'allows'} it`);
  else parts.push('Allowed', ...entryWords(rules));
  const others = (policy.hide ?? []).filter((h) => h !== name);
  if (others.length) parts.push('; ', ...list(others.map((h) => [code(h)]), 'and'), others.length === 1 ? ' is hidden' : ' are hidden');
  parts.push(`; everything else on this server is ${policy.default === 'deny' ? 'denied' : 'allowed'}.`);
  return { parts, text: parts.map((p) => (typeof p === 'string' ? p : `\`${p.code}\``)).join('') };
}

/** The policy sentence a rationale ends with (the common shape, one limit and nothing else, without building parts). */
export function describeToolPolicy(name: string, policy: Policy): string {
  const rules = Object.hasOwn(policy.tools ?? {}, name) ? policy.tools[name] : undefined;
  if (rules && !policy.hide?.length && !rules.require?.length && !rules.deny_if?.length && (rules.limits?.length ?? 0) <= 1) {
    const l = rules.limits?.[0];
    const rest = `; everything else on this server is ${policy.default === 'deny' ? 'denied' : 'allowed'}.`;
    if (!l) return `Recommended policy: Allowed${rest}`;
    if (!l.scope || l.scope === 'grant') return `Recommended policy: Allowed, at most ${l.max} ${l.max === 1 ? 'call' : 'calls'} ${WINDOW[l.window] ?? `per ${l.window}`}${rest}`;
  }
  return `Recommended policy: ${policyWords(policy, name).text}`;
}
