// The server policy's blocks as client settings: Claude Code's permissions.deny rules
// (mcp__<server>__<tool>) and Codex's disabled_tools, for the tools the policy hides or denies.
// Neither client can express limits or conditions, so only blocking is exported.
import { slugify } from '../../../db/slug.ts';
import { safeJson } from './text.ts';
import type { ToolStatus } from './policy.ts';

export interface ClientExports {
  /** The key the server is assumed to have in the client's configuration. */
  configName: string;
  /** Tool names to block. */
  blocked: string[];
  /** .claude/settings.json fragment. */
  claudeCode: string;
  /** ~/.codex/config.toml fragment. */
  codex: string;
}

/** A configuration key for the server: the last segment of its name, e.g. `files` for `io.github.acme/files`. */
export function configName(serverName: string): string {
  const last = serverName.split(/[/:]/).filter(Boolean).pop() ?? serverName;
  return slugify(last, 48);
}

/** Claude Code's rule for one MCP tool. */
export const claudeRule = (config: string, tool: string): string => `mcp__${config}__${tool}`;

/** A TOML basic string: JSON string syntax is valid TOML for every character JSON escapes. */
const tomlString = (value: string): string => safeJson(value);
const tomlKey = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key));

export function claudeCodeSettings(config: string, tools: string[]): string {
  return safeJson({ permissions: { deny: tools.map((t) => claudeRule(config, t)) } }, 2);
}

export function codexConfig(config: string, tools: string[]): string {
  const list = tools.map(tomlString).join(', ');
  return `[mcp_servers.${tomlKey(config)}]\ndisabled_tools = [${list}]`;
}

/** Settings that block every tool whose status is hidden or denied. */
export function clientExports(serverName: string, tools: { name: string; status: ToolStatus }[]): ClientExports {
  const config = configName(serverName);
  const blocked = tools.filter((t) => t.status === 'hidden' || t.status === 'denied').map((t) => t.name).sort();
  return { configName: config, blocked, claudeCode: claudeCodeSettings(config, blocked), codex: codexConfig(config, blocked) };
}
