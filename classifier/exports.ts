// The same decisions as a policy.json, for clients that read their own formats:
// Claude Code `permissions` rules (`mcp__<server>__<tool>`) and Codex `disabled_tools`.
import type { Policy } from './types.ts';

/** A server's key in a client config: what people usually name it (the last segment of its name). */
export function clientServerKey(serverName: string): string {
  const last = serverName.replace(/^(npm|pypi|oci|smithery|glama|pulsemcp|remote|config|list):/, '').split('/').pop() ?? serverName;
  return last.replace(/^@/, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
}

export interface ClaudeCodePermissions { permissions: { allow: string[]; ask: string[]; deny: string[] } }

/**
 * Claude Code settings: hidden tools are denied; tools the policy conditions or rate-limits (which
 * Claude Code cannot enforce) ask for approval; tools allowed as `{}` are allowed. Tools the policy
 * does not list are denied by `default: deny`, as one wildcard-free rule each.
 */
export function claudeCodePermissions(policy: Policy, serverKey: string, allTools: string[] = Object.keys(policy.tools)): ClaudeCodePermissions {
  const rule = (tool: string) => `mcp__${serverKey}__${tool}`;
  const hidden = new Set(policy.hide ?? []);
  const allow: string[] = [], ask: string[] = [], deny: string[] = [];
  for (const tool of allTools) {
    const entry = Object.hasOwn(policy.tools, tool) ? policy.tools[tool] : undefined;
    if (hidden.has(tool) || (!entry && policy.default === 'deny')) deny.push(rule(tool));
    else if (entry && (entry.limits?.length || entry.require?.length || entry.deny_if?.length)) ask.push(rule(tool));
    else allow.push(rule(tool));
  }
  return { permissions: { allow, ask, deny } };
}

/** Codex config.toml: the server's hidden (and unlisted, under default deny) tools as `disabled_tools`. */
export function codexDisabledTools(policy: Policy, allTools: string[] = Object.keys(policy.tools)): string[] {
  const hidden = new Set(policy.hide ?? []);
  return allTools.filter((t) => hidden.has(t) || (policy.default === 'deny' && !Object.hasOwn(policy.tools, t)));
}

/** The TOML lines a Codex user adds under `[mcp_servers.<key>]`. */
export function codexToml(policy: Policy, serverKey: string, allTools?: string[]): string {
  const disabled = codexDisabledTools(policy, allTools);
  return `[mcp_servers.${JSON.stringify(serverKey)}]\ndisabled_tools = [${disabled.map((t) => JSON.stringify(t)).join(', ')}]\n`;
}
