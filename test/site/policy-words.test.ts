// The policy in plain words (classifier/policy-words.ts): exact sentences for the shapes the site
// shows, and over every policy the classifier writes for the real corpus, sentences that name each
// limit, each condition's argument and the verdict the policy gives, so the words cannot disagree
// with the JSON beside them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyTools } from '../../classifier/classify.ts';
import { PRIVATE_HOST } from '../../classifier/policy-conditions.ts';
import type { Policy } from '../../classifier/types.ts';
import { pickDefinition, type ToolDefinition } from '../../db/tool-definition.ts';
import { toolStatus } from '../../site/src/lib/policy.ts';
import { policyWords } from '../../classifier/policy-words.ts';

const CORPUS = new URL('../../../shared/corpus/tools-unlabeled.jsonl', import.meta.url);

describe('policy in words', () => {
  it('says what each shape of policy does, in one sentence', () => {
    const refund: Policy = {
      version: '1', default: 'deny',
      tools: { create_refund: {
        require: [{ path: 'args.reason', op: 'exists' }, { path: 'args.currency', op: 'in', value: ['usd', 'eur'] }],
        deny_if: [{ path: 'args.amount', op: 'gt', value: 10000 }],
        limits: [{ counter: 'create_refund_rate', window: 'hour', max: 5, scope: 'grant' }],
      } },
    };
    expect(policyWords(refund, 'create_refund').text).toBe('Allowed, at most 5 calls an hour, only when `args.reason` is given and `args.currency` is one of `usd` or `eur`, '
      + 'and never when `args.amount` is more than `10000`; everything else on this server is denied.');
    const fetch: Policy = { version: '1', default: 'deny', tools: { fetch: {
      limits: [{ counter: 'fetch_rate', window: 'minute', max: 10, scope: 'grant' }, { counter: 'fetch_daily', window: 'day', max: 500, scope: 'grant' }],
      require: [{ path: 'args.url', op: 'regex', value: '^https://' }], deny_if: [{ path: 'args.url', op: 'regex', value: PRIVATE_HOST }],
    } } };
    expect(policyWords(fetch, 'fetch').text).toBe('Allowed, at most 10 calls a minute and 500 a day, only when `args.url` starts with `https://`, '
      + 'and never when `args.url` points at an internal, loopback or cloud-metadata host; everything else on this server is denied.');
    expect(policyWords({ version: '1', default: 'deny', hide: ['drop_db'], tools: {} }, 'drop_db').text)
      .toBe('Hidden: the agent is never shown `drop_db`; everything else on this server is denied.');
    expect(policyWords({ version: '1', default: 'deny', tools: { get: {} } }, 'get').text).toBe('Allowed; everything else on this server is denied.');
    expect(policyWords({ version: '1', default: 'deny', hide: ['a', 'b'], tools: { get: {} } }, 'x').text)
      .toBe('Denied: `x` is not listed, and the default denies it; `a` and `b` are hidden; everything else on this server is denied.');
    const odd: Policy = { version: '1', default: 'allow', tools: { t: { deny_if: [{ path: 'args.q', op: 'regex', value: '(a|b)+' }, { path: 'args.n', op: 'lte', value: 0 }] } } };
    expect(policyWords(odd, 't').text).toBe('Allowed, never when `args.q` matches the pattern `(a|b)+` or `args.n` is at most `0`; everything else on this server is allowed.');
  });

  it('names every limit, condition and verdict of the policies the classifier writes for the real corpus', () => {
    const servers = new Map<string, ToolDefinition[]>();
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Record<string, unknown>;
      const list = servers.get(String(row.server)) ?? [];
      if (typeof row.name === 'string' && !list.some((t) => t.name === row.name)) list.push(pickDefinition(row));
      servers.set(String(row.server), list);
    }
    let checked = 0;
    const seen = new Set<string>();
    for (const [name, tools] of [...servers].slice(0, 250)) {
      for (const c of classifyTools({ name, tools })) {
        const { text, parts } = policyWords(c.policy, c.name);
        const status = toolStatus(c.policy, c.name);
        seen.add(status);
        // A hidden tool is never shown, whatever rules its entry holds.
        const rules = status === 'hidden' ? undefined : c.policy.tools[c.name];
        expect(text, c.name).toMatch(status === 'hidden' ? /^Hidden: / : status === 'denied' ? /^Denied: / : /^Allowed/);
        expect(text).toMatch(/; everything else on this server is (denied|allowed)\.$/);
        expect(text).not.toMatch(/undefined|\[object|NaN/);
        const code = parts.filter((p) => typeof p !== 'string').map((p) => (p as { code: string }).code);
        for (const l of rules?.limits ?? []) expect(text, c.name).toContain(`${l.max} ${l === rules!.limits![0] ? (l.max === 1 ? 'call ' : 'calls ') : ''}${{ minute: 'a minute', hour: 'an hour', day: 'a day' }[l.window]}`);
        for (const cond of [...rules?.require ?? [], ...rules?.deny_if ?? []]) expect(code, c.name).toContain(cond.path);
        if (rules?.require?.length) expect(text).toContain('only when');
        if (rules?.deny_if?.length) expect(text).toContain('never when');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['allowed', 'conditioned', 'hidden', 'limited']));
  });
});

describe('the rationale\'s policy sentence', () => {
  it('says exactly what policyWords says, on its fast path too', async () => {
    const { describeToolPolicy } = await import('../../classifier/policy-words.ts');
    const { realTools } = await import('../classifier/real-tools.ts');
    let n = 0;
    for (const { c } of realTools()) {
      expect(describeToolPolicy(c.name, c.policy)).toBe(`Recommended policy: ${policyWords(c.policy, c.name).text}`);
      n++;
    }
    expect(n).toBeGreaterThan(4000);
  });
});
