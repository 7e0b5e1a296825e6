// Recommended policies (DESIGN §5): shapes by class, and every emitted policy validates against the schema.
import { describe, expect, it } from 'vitest';
import { classifyTools } from '../../classifier/classify.ts';
import { serverPolicy, toolPolicy } from '../../classifier/policy.ts';
import { POLICY_SCHEMA, validatePolicy } from '../../classifier/policy-validate.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { evalRows, evalServer, filesystemTools } from './helpers.ts';

describe('policy schema', () => {
  it('is a draft-07 JSON Schema that accepts the DESIGN §5 example', () => {
    expect(POLICY_SCHEMA.$schema).toContain('draft-07');
    const example = {
      version: '1', default: 'deny', hide: ['drop_database'],
      tools: {
        get_issue: {},
        create_issue: { limits: [{ counter: 'create_issue_rate', window: 'minute', max: 30, scope: 'grant' }] },
        create_refund: {
          require: [{ path: 'args.reason', op: 'exists' }],
          deny_if: [{ path: 'args.amount', op: 'gt', value: 10000 }],
          limits: [{ counter: 'create_refund_rate', window: 'hour', max: 5, scope: 'grant' }],
        },
      },
    };
    expect(validatePolicy(example)).toEqual({ valid: true, errors: [] });
  });

  it('rejects bad policies with a readable error', () => {
    const bad = validatePolicy({ version: '1', default: 'deny', tools: { x: { limits: [{ counter: 'x_rate', window: 'week', max: 1, scope: 'grant' }], deny_if: [{ path: 'amount', op: 'gt', value: 'a lot' }] } } });
    expect(bad.valid).toBe(false);
    expect(bad.errors.join('\n')).toMatch(/window|path|value/);
    expect(validatePolicy({ version: '2', default: 'deny', tools: {} }).valid).toBe(false);
  });
});

describe('every emitted policy validates', () => {
  it('for each tool of the eval file, and for each whole server', () => {
    const servers = [...new Set(evalRows().map((r) => String(r.server)))];
    let checked = 0;
    for (const server of servers) {
      const tools = evalServer(server);
      const results = classifyTools({ name: server, tools });
      for (const c of results) {
        const v = validatePolicy(c.policy);
        expect(v.errors, `${server}/${c.name}`).toEqual([]);
        checked++;
      }
      expect(validatePolicy(serverPolicy(results, tools)).errors, server).toEqual([]);
    }
    expect(checked).toBe(evalRows().length);
  });
});

describe('policy shape by class', () => {
  const fs = filesystemTools();
  const results = classifyTools({ name: 'filesystem', tools: fs });

  it('allows Read/Low as {} and rate-limits writes with <tool>_rate counters scoped to the grant', () => {
    const read = results.find((r) => r.name === 'list_directory')!;
    expect(read.policy).toEqual({ version: '1', default: 'deny', tools: { list_directory: {} } });
    const write = results.find((r) => r.name === 'edit_file')!;
    expect(write.policy.tools.edit_file.limits).toEqual([{ counter: 'edit_file_rate', window: 'minute', max: 10, scope: 'grant' }]);
  });

  it('toolPolicy recomputes the same policy from a classification and its tool', () => {
    for (const c of results) expect(toolPolicy(c, fs.find((t) => t.name === c.name)!)).toEqual(c.policy);
  });

  it('serverPolicy merges every tool under default deny', () => {
    const p = serverPolicy(results, fs);
    expect(p.default).toBe('deny');
    expect(Object.keys(p.tools).sort()).toEqual(fs.map((t) => t.name).sort());
  });

  it('hides Critical destructive tools but keeps a hard-limited entry for operators who unhide them', () => {
    const drop: ToolDefinition = { name: 'drop_database', description: 'Drop a database.', inputSchema: { type: 'object', properties: { name: { type: 'string' }, force: { type: 'boolean' } }, required: ['name'] } };
    const [c] = classifyTools({ name: 'db', tools: [drop] });
    expect(c.policy.hide).toEqual(['drop_database']);
    expect(c.policy.tools.drop_database.limits?.[0]).toMatchObject({ window: 'day', max: 1 });
    expect(c.policy.tools.drop_database.require).toContainEqual({ path: 'args.name', op: 'exists' });
    expect(c.policy.tools.drop_database.deny_if).toContainEqual({ path: 'args.force', op: 'eq', value: true });
  });

  it('conditions Execute tools on their commands', () => {
    const [c] = classifyTools({ name: 'shell', tools: [{ name: 'run_command', description: 'Run a shell command.', inputSchema: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] } }] });
    const deny = c.policy.tools.run_command.deny_if!;
    expect(deny[0].path).toBe('args.command');
    expect(new RegExp(String(deny[0].value)).test('rm -rf /')).toBe(true);
    expect(new RegExp(String(deny[0].value)).test('ls -la')).toBe(false);
  });
});
