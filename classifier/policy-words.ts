// A policy entry in plain words, read from the policy JSON itself so that it can never disagree with it:
// "The policy allows at most 5 calls an hour, only when `args.url` starts with https://, and denies calls
// where `args.url` names an internal host."
import { DANGEROUS_COMMAND, E164, EMAIL_ALLOWLIST, NOT_HTTPS, PRIVATE_HOST, RISKY_CODE, ROUTER_DESTRUCTIVE, SENSITIVE_PATH, WRITING_SQL } from './policy-conditions.ts';
import type { Policy, PolicyCondition, ToolPolicy } from './types.ts';

const arg = (path: string) => `\`${path}\``;

/** What a known regex tests, in words. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  [PRIVATE_HOST, 'names an internal, loopback or cloud-metadata host'],
  [NOT_HTTPS, 'is not an https URL'],
  [SENSITIVE_PATH, 'points at keys, credentials, system files or outside its folder'],
  [DANGEROUS_COMMAND, 'contains a destructive or privilege-raising shell command'],
  [WRITING_SQL, 'contains SQL that changes data or permissions'],
  [RISKY_CODE, 'reaches the environment, the network or the process'],
  [ROUTER_DESTRUCTIVE, 'names a sub-command that deletes, revokes or spends'],
  [EMAIL_ALLOWLIST, 'is an address at example.com (replace it with your domain)'],
  [E164, 'is a phone number in E.164 form'],
]);

function values(v: unknown): string {
  const list = Array.isArray(v) ? v.map(String) : [String(v)];
  const shown = list.slice(0, 5).join(', ');
  return list.length > 5 ? `${shown} or ${list.length - 5} more` : shown;
}

/** One condition as a clause about its argument. */
function clause(c: PolicyCondition): string {
  const p = arg(c.path);
  switch (c.op) {
    case 'exists': return `${p} is given`;
    case 'regex': return `${p} ${KNOWN.get(String(c.value)) ?? `matches /${String(c.value)}/`}`;
    case 'in': return `${p} is one of ${values(c.value)}`;
    case 'not_in': return `${p} is not one of ${values(c.value)}`;
    case 'eq': return `${p} is ${JSON.stringify(c.value)}`;
    case 'neq': return `${p} is not ${JSON.stringify(c.value)}`;
    case 'gt': return `${p} is above ${String(c.value)}`;
    case 'gte': return `${p} is ${String(c.value)} or more`;
    case 'lt': return `${p} is below ${String(c.value)}`;
    case 'lte': return `${p} is ${String(c.value)} or less`;
    case 'contains': return `${p} contains ${JSON.stringify(c.value)}`;
  }
}

function join(parts: string[], last: string): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${last} ${parts[parts.length - 1]}` : parts[0];
}

/** "at most 5 calls an hour, only when …, and never when …" for one entry. */
export function describeEntry(entry: ToolPolicy): string {
  const out: string[] = [];
  for (const l of entry.limits ?? []) out.push(`at most ${l.max} call${l.max === 1 ? '' : 's'} ${l.window === 'day' ? 'a day' : `an ${l.window}`.replace('an minute', 'a minute')}`);
  if (entry.require?.length) out.push(`only when ${join(entry.require.map(clause), 'and')}`);
  if (entry.deny_if?.length) out.push(`never when ${join(entry.deny_if.map(clause), 'or')}`);
  return out.length ? join(out, 'and') : 'without limits or conditions';
}

/** The sentence a rationale ends with, and a tool page shows under the snippet. */
export function describeToolPolicy(name: string, policy: Policy): string {
  const entry = policy.tools[name];
  const rest = policy.default === 'deny' ? ' Everything else on the server is denied.' : '';
  if (!entry) return `The policy does not list it, so it is ${policy.default === 'deny' ? 'denied' : 'allowed'}.`;
  const how = describeEntry(entry);
  if (policy.hide?.includes(name)) return `The policy hides it from the agent; unhidden, it would be allowed ${how}.${rest}`;
  return `The policy allows it: ${how}.${rest}`;
}
