// Policy conditions over a sample of real tools (issue 10 item 6): each names a parameter the schema
// declares, with a test that fits what the parameter holds, `require` only on what the tool needs; every
// emitted policy validates against the published JSON Schema.
import { describe, expect, it } from 'vitest';
import { DANGEROUS_COMMAND, NOT_HTTPS, PRIVATE_HOST, ROUTER_DESTRUCTIVE, SENSITIVE_PATH } from '../../classifier/policy-conditions.ts';
import { validatePolicy } from '../../classifier/policy-validate.ts';
import type { PolicyCondition } from '../../classifier/types.ts';
import { realTools, type Classified } from './real-tools.ts';

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; description?: string; anyOf?: Schema[]; oneOf?: Schema[] };

/** The schema of `args.a.b` and whether its parent requires it, or undefined when the schema has no such path. */
function lookup(root: Schema | undefined, path: string): { s: Schema; required: boolean } | undefined {
  const parts = path.replace(/^args\./, '').split('.');
  let node = root;
  let required = false;
  for (const part of parts) {
    if (!node?.properties || !Object.hasOwn(node.properties, part)) return undefined;
    required = Array.isArray(node.required) && node.required.includes(part);
    node = node.properties[part];
  }
  return node ? { s: node, required } : undefined;
}

function types(s: Schema): string[] {
  const t = s.type;
  const alt = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap(types);
  return [...(Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : []), ...alt];
}

const PATHY = /path|file|dir|folder|cwd|location/i;
const URLISH = /url|uri|href|link|endpoint|website|address/i;

function misfit(x: Classified, c: PolicyCondition, kind: 'require' | 'deny_if'): string | undefined {
  const found = lookup(x.tool.inputSchema as Schema | undefined, c.path);
  if (!found) return `names ${c.path}, which the schema does not declare`;
  const { s, required } = found;
  const ts = types(s);
  const strings = ts.length === 0 || ts.includes('string') || (ts.includes('array') && (!s.items || types(s.items).includes('string')));
  const name = c.path.split('.').pop()!;
  const text = `${name} ${s.description ?? ''}`;
  if (c.op === 'regex' && !strings) return `puts a regex on ${c.path}, which holds ${ts.join('|')}`;
  if ((c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') && !ts.some((t) => t === 'number' || t === 'integer')) return `compares ${c.path}, which is not a number`;
  if (c.op === 'in' && Array.isArray(s.enum) && !(c.value as unknown[]).every((v) => s.enum!.includes(v))) return `allowlists values outside ${c.path}'s enum`;
  if (kind === 'require' && c.op !== 'exists' && !required) return `requires a format of ${c.path}, which the tool does not need`;
  if (c.value === SENSITIVE_PATH && !PATHY.test(text)) return `checks ${c.path} for sensitive paths, but it is not a path`;
  if (c.value === SENSITIVE_PATH && /\bID\b|identifier/.test(s.description ?? '')) return `checks ${c.path} for sensitive paths, but it holds an ID`;
  if ((c.value === PRIVATE_HOST || c.value === NOT_HTTPS || c.value === '^https://') && !URLISH.test(text)) return `checks ${c.path} as a URL, but it is not one`;
  if (c.value === DANGEROUS_COMMAND && /sub-?command|against the specified tool|operation to perform/i.test(s.description ?? '')) return `checks ${c.path} for shell commands, but it selects a sub-command`;
  if (c.value === ROUTER_DESTRUCTIVE && !/command|cmd|action|operation|^op$|method|verb/i.test(name)) return `checks ${c.path} for sub-commands, but it is no selector`;
  return undefined;
}

describe('policy conditions over real tools', () => {
  const sample = realTools();

  it('validate against the published policy schema', () => {
    const bad = sample.filter((x) => !validatePolicy(x.c.policy).valid);
    expect(bad.map((x) => `${x.tool.name}: ${validatePolicy(x.c.policy).errors.join('; ')}`).slice(0, 5)).toEqual([]);
  });

  it('name declared parameters with tests that fit what they hold', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const x of sample) {
      const entry = x.c.policy.tools[x.tool.name];
      for (const [kind, list] of [['require', entry.require], ['deny_if', entry.deny_if]] as const) {
        for (const c of list ?? []) {
          checked++;
          const why = misfit(x, c, kind);
          if (why) bad.push(`${x.server}/${x.tool.name}: ${kind} ${why}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(bad.slice(0, 15)).toEqual([]);
  });
});
