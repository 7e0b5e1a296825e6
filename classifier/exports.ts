// The same decisions as a policy.json, for clients that read their own formats: Claude Code
// `permissions` rules (`mcp__<server>__<tool>`) and Codex `disabled_tools`. One implementation for
// the CLI (`mcp-risk policy --format`) and the site's copy blocks. Strings are written with
// safeJson, so a hostile tool name cannot hide bidi or invisible characters in what people paste.
import { safeJson } from './safe-json.ts';
import type { Policy } from './types.ts';

/** Longest server key derived from a name. */
const MAX_KEY = 64;

/** A server's key in a client config: what people usually name it (the last segment of its name). */
export function clientServerKey(serverName: string): string {
  const last = serverName.replace(/^(npm|pypi|oci|smithery|glama|pulsemcp|remote|config|list):/, '').split(/[/:]/).filter(Boolean).pop() ?? serverName;
  return last.replace(/^@/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_KEY).replace(/-+$/, '') || 'server';
}

/** Claude Code's permission rule for one MCP tool. */
export const claudeRule = (serverKey: string, tool: string): string => `mcp__${serverKey}__${tool}`;

export interface ClaudeCodePermissions { permissions: { allow: string[]; ask: string[]; deny: string[] } }

/**
 * Claude Code settings: hidden tools are denied; tools the policy conditions or rate-limits (which
 * Claude Code cannot enforce) ask for approval; tools allowed as `{}` are allowed. Tools the policy
 * does not list are denied by `default: deny`, as one wildcard-free rule each.
 */
export function claudeCodePermissions(policy: Policy, serverKey: string, allTools: string[] = Object.keys(policy.tools)): ClaudeCodePermissions {
  const hidden = new Set(policy.hide ?? []);
  const allow: string[] = [], ask: string[] = [], deny: string[] = [];
  for (const tool of allTools) {
    const entry = Object.hasOwn(policy.tools, tool) ? policy.tools[tool] : undefined;
    const rule = claudeRule(serverKey, tool);
    if (hidden.has(tool) || (!entry && policy.default === 'deny')) deny.push(rule);
    else if (entry && (entry.limits?.length || entry.require?.length || entry.deny_if?.length)) ask.push(rule);
    else allow.push(rule);
  }
  return { permissions: { allow, ask, deny } };
}

/** Codex config.toml: the server's hidden (and unlisted, under default deny) tools as `disabled_tools`. */
export function codexDisabledTools(policy: Policy, allTools: string[] = Object.keys(policy.tools)): string[] {
  const hidden = new Set(policy.hide ?? []);
  return allTools.filter((t) => hidden.has(t) || (policy.default === 'deny' && !Object.hasOwn(policy.tools, t)));
}

/** A TOML basic string: JSON string syntax is valid TOML for every character JSON escapes. */
const tomlString = (value: string): string => safeJson(value);
const tomlKey = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key));

/** The TOML a Codex user adds for the server: `disabled_tools` under `[mcp_servers.<key>]`. */
export function codexDisabledToml(serverKey: string, disabled: string[]): string {
  return `[mcp_servers.${tomlKey(serverKey)}]\ndisabled_tools = [${disabled.map(tomlString).join(', ')}]\n`;
}

/** The Codex TOML for a server policy. */
export function codexToml(policy: Policy, serverKey: string, allTools?: string[]): string {
  return codexDisabledToml(serverKey, codexDisabledTools(policy, allTools));
}

/** Claude Code settings JSON for a server policy. */
export function claudeCodeJson(policy: Policy, serverKey: string, allTools?: string[]): string {
  return safeJson(claudeCodePermissions(policy, serverKey, allTools), 2);
}

export interface ClientExports {
  /** The key the server is assumed to have in the client's configuration. */
  configName: string;
  /** Claude Code rules, tool by tool: allowed, asked for approval, denied. */
  permissions: ClaudeCodePermissions['permissions'];
  /** Tools Codex should disable. */
  disabled: string[];
  /** .claude/settings.json fragment. */
  claudeCode: string;
  /** ~/.codex/config.toml fragment. */
  codex: string;
}

/** Both clients' settings for a server policy over all its current tools. */
export function clientExports(serverName: string, policy: Policy, allTools: string[], serverKey = clientServerKey(serverName)): ClientExports {
  const { permissions } = claudeCodePermissions(policy, serverKey, allTools);
  const disabled = codexDisabledTools(policy, allTools);
  return {
    configName: serverKey, permissions, disabled,
    claudeCode: safeJson({ permissions }, 2), codex: codexDisabledToml(serverKey, disabled).trimEnd(),
  };
}

export interface ToolClientExports {
  configName: string;
  /** Claude Code's rule for the tool, and which list it belongs in. */
  rule: string;
  decision: 'allow' | 'ask' | 'deny';
  /** Whether Codex should disable it. */
  disabled: boolean;
  /** .claude/settings.json fragment with this tool's rule alone. */
  claudeCode: string;
  /** The Codex line that disables it; null when Codex should leave it enabled. */
  codex: string | null;
}

/** One tool's place in its server's client settings: the same decision clientExports makes for it. */
export function toolClientExports(policy: Policy, serverKey: string, tool: string): ToolClientExports {
  const { permissions } = claudeCodePermissions(policy, serverKey, [tool]);
  const decision = permissions.allow.length ? 'allow' : permissions.ask.length ? 'ask' : 'deny';
  const rule = claudeRule(serverKey, tool);
  const disabled = codexDisabledTools(policy, [tool]).length > 0;
  return {
    configName: serverKey, rule, decision, disabled,
    claudeCode: safeJson({ permissions: { [decision]: [rule] } }, 2),
    codex: disabled ? codexDisabledToml(serverKey, [tool]).trimEnd() : null,
  };
}
