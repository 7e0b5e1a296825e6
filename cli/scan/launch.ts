// How a scan runs one config entry: the crawler's launch (the same install and sandboxed listing), but
// with the values the user configured where the crawler puts placeholders: env values for a stdio
// server (inside the sandbox only), the URL and headers for a remote one. And the line that names it
// in the consent prompt and the report, with every secret as `***`.
import type { Launch } from '../../crawler/launch.ts';
import { redactArgs, REDACTED } from '../../crawler/sources/config-redact.ts';
import type { ScanServer } from './entries.ts';
import { MASK } from './secrets.ts';

export interface RunPlan {
  /** stdio: spawned in the sandbox; remote: contacted over HTTP; none: cannot be listed (see `reason`). */
  kind: 'stdio' | 'remote' | 'none';
  /** What attemptServer runs. Holds secrets: never shown. */
  launch: Launch;
  /** Remote only: the configured headers, sent in place of placeholders. Secrets. */
  remoteHeaders?: Record<string, string>;
  /** The command or URL as configured, secrets masked: what the consent prompt names. */
  display: string;
  /** Why the entry cannot be listed (unsupported launches, disabled entries). */
  reason?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

const quote = (arg: string) => (/^[\w@%+=:,./~*-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
const masked = (text: string) => text.split(REDACTED).join(MASK);

/** The configured env values, as strings, for the names the launch has placeholders for. */
function configuredEnv(config: Obj, placeholders: Record<string, string>): Record<string, string> {
  const env = { ...placeholders };
  if (isObj(config.env)) {
    for (const [name, value] of Object.entries(config.env)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') env[name] = String(value);
    }
  }
  return env;
}

/** `npx -y pkg --token *** [env: API_KEY=***]` or `https://host/mcp?key=*** [headers: Authorization=***]`. */
export function displayLine(config: Obj, home: string): string {
  const url = str(config.url) ?? str(config.serverUrl) ?? str(config.httpUrl);
  const names = (map: unknown, label: string) => isObj(map) && Object.keys(map).length ? ` [${label}: ${Object.keys(map).map((k) => `${k}=${MASK}`).join(', ')}]` : '';
  if (url && str(config.type) !== 'stdio') return `${masked(redactArgs([url], home)[0])}${names(config.headers, 'headers')}`;
  const args = Array.isArray(config.args) ? config.args.filter((a): a is string => typeof a === 'string') : [];
  const line = [str(config.command) ?? '(no command)', ...redactArgs(args, home)].map((a) => quote(masked(a))).join(' ');
  return `${line}${names(config.env, 'env')}`;
}

export function planRun(server: ScanServer, home: string): RunPlan {
  const { config } = server;
  const launch = server.entry.server.launch as Launch;
  const display = displayLine(config, home);
  if (config.disabled === true) return { kind: 'none', launch, display, reason: 'disabled in the client config' };
  switch (launch.kind) {
    case 'unsupported': return { kind: 'none', launch, display, reason: launch.reason };
    case 'remote': {
      const url = str(config.url) ?? str(config.serverUrl) ?? str(config.httpUrl) ?? launch.url;
      const headers: Record<string, string> = {};
      if (isObj(config.headers)) for (const [k, v] of Object.entries(config.headers)) if (typeof v === 'string') headers[k] = v;
      return { kind: 'remote', launch: { ...launch, url }, remoteHeaders: headers, display };
    }
    case 'package':
    case 'command':
      return { kind: 'stdio', launch: { ...launch, env: configuredEnv(config, launch.env) }, display };
  }
}
