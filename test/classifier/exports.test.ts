// Client exports of a policy: Claude Code permission rules and Codex disabled_tools.
import { describe, expect, it } from 'vitest';
import { classifyTools } from '../../classifier/classify.ts';
import { claudeCodePermissions, clientExports, clientServerKey, codexDisabledToml, codexDisabledTools, codexToml, toolClientExports } from '../../classifier/exports.ts';
import { serverPolicy } from '../../classifier/policy.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';

const tools: ToolDefinition[] = [
  { name: 'list_buckets', description: 'List the storage buckets of the account.', inputSchema: { type: 'object', properties: {} } },
  { name: 'put_object', description: 'Upload an object to a bucket.', inputSchema: { type: 'object', properties: { bucket: { type: 'string' }, key: { type: 'string' }, body: { type: 'string' } } } },
  { name: 'delete_bucket', description: 'Delete a bucket and every object in it, permanently.', inputSchema: { type: 'object', properties: { bucket: { type: 'string' }, force: { type: 'boolean' } } } },
];

describe('client exports', () => {
  const verdicts = classifyTools({ name: 'io.github.acme/storage', tools });
  const policy = serverPolicy(verdicts, tools);
  const byName = Object.fromEntries(verdicts.map((v) => [v.name, v]));

  it('names the server as people key it in client configs', () => {
    expect(clientServerKey('io.github.acme/storage')).toBe('storage');
    expect(clientServerKey('npm:@acme/mcp-storage')).toBe('mcp-storage');
    expect(clientServerKey('npm:@scope/Some Server')).toBe('Some-Server');
    expect(clientServerKey('com.example:tools')).toBe('tools');
    expect(clientServerKey('@@@')).toBe('server');
    expect(clientServerKey(`x/${'a'.repeat(100)}`)).toHaveLength(64);
  });

  it('turns the server policy into Claude Code allow/ask/deny rules', () => {
    const { permissions } = claudeCodePermissions(policy, 'storage', tools.map((t) => t.name));
    expect(byName.list_buckets.category).toBe('Read');
    expect(permissions.allow).toEqual(['mcp__storage__list_buckets']);
    expect(permissions.ask).toContain('mcp__storage__put_object');
    const hidden = policy.hide ?? [];
    for (const h of hidden) expect(permissions.deny).toContain(`mcp__storage__${h}`);
    expect([...permissions.allow, ...permissions.ask, ...permissions.deny].sort()).toEqual(tools.map((t) => `mcp__storage__${t.name}`).sort());
  });

  it('lists hidden and unlisted tools as Codex disabled_tools', () => {
    const custom = { version: '1' as const, default: 'deny' as const, hide: ['delete_bucket'], tools: { list_buckets: {} } };
    expect(codexDisabledTools(custom, tools.map((t) => t.name))).toEqual(['put_object', 'delete_bucket']);
    expect(codexToml(custom, 'storage', tools.map((t) => t.name))).toBe('[mcp_servers.storage]\ndisabled_tools = ["put_object", "delete_bucket"]\n');
    const allowAll = { version: '1' as const, default: 'allow' as const, tools: {} };
    expect(codexDisabledTools(allowAll, ['a', 'b'])).toEqual([]);
  });

  it('quotes what TOML needs quoted and escapes markup and bidi characters in both formats, keeping the value', () => {
    expect(codexDisabledToml('a.b', ['</x>', 'x"y'])).toBe('[mcp_servers."a.b"]\ndisabled_tools = ["\\u003c/x\\u003e", "x\\"y"]\n');
    const hostile = toolClientExports({ version: '1', default: 'deny', tools: {} }, 'files', 'drop\u202Eexe');
    expect(hostile.claudeCode).not.toMatch(/[\u202E<>]/);
    expect(JSON.parse(hostile.claudeCode)).toEqual({ permissions: { deny: ['mcp__files__drop\u202Eexe'] } });
    expect(hostile.codex).toBe('[mcp_servers.files]\ndisabled_tools = ["drop\\u202eexe"]');
  });

  it('gives both clients the same decisions for a server, as the site shows them', () => {
    const x = clientExports('io.github.acme/storage', policy, tools.map((t) => t.name));
    expect(x.configName).toBe('storage');
    expect(JSON.parse(x.claudeCode)).toEqual(claudeCodePermissions(policy, 'storage', tools.map((t) => t.name)));
    expect(x.codex).toBe(codexToml(policy, 'storage', tools.map((t) => t.name)).trimEnd());
    expect(x.disabled).toEqual(codexDisabledTools(policy, tools.map((t) => t.name)));
    expect(x.permissions.deny.map((r) => r.replace('mcp__storage__', ''))).toEqual(x.disabled);
    // Each tool's own export makes the same decision as the server's.
    for (const t of tools) {
      const one = toolClientExports(policy, 'storage', t.name);
      expect(x.permissions[one.decision]).toContain(one.rule);
      expect(one.disabled).toBe(x.disabled.includes(t.name));
      expect(JSON.parse(one.claudeCode)).toEqual({ permissions: { [one.decision]: [one.rule] } });
    }
  });
});
