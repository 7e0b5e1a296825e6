// The values a config holds that must never leave the sandbox: env and header values, URL credentials
// and query values, and secret-named or token-shaped arguments. A Masker replaces each of them with
// `***` wherever it shows up (an error message, a server's stderr, a tool definition that echoes it).
import { looksLikeToken, SECRET_NAME } from '../../crawler/sources/config-redact.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MASK = '***';

/**
 * Values this short, plain words a config uses for switches, and small numbers (ports, levels) are
 * masked only where they are shown as values (env listings, always `***`); masking them inside free
 * text would garble it without hiding anything.
 */
const MIN_LENGTH = 4;
const COMMON = /^(true|false|yes|no|on|off|null|none|debug|info|warn|error|stdio|http|https|\d{1,7})$/i;

/** What redactArgs hides of one argument: secret flag values, docker `-e` values, tokens, URL credentials and query values. */
function argSecrets(arg: string, prev: string | undefined, next: string | undefined): string[] {
  const out: string[] = [];
  const flag = /^(--?[\w.-]+)=(.*)$/s.exec(arg);
  const assign = /^([A-Za-z_][\w.-]*)=(.*)$/s.exec(arg);
  const dockerEnv = /^(-e|--env)$/.test(prev ?? '') ? /^[^=]+=(.*)$/s.exec(arg) : /^--env=[^=]+=(.*)$/s.exec(arg);
  if (dockerEnv) out.push(dockerEnv[1]);
  else if (flag && SECRET_NAME.test(flag[1])) out.push(flag[2]);
  else if (assign && SECRET_NAME.test(assign[1])) out.push(assign[2]);
  if (/^--?[\w.-]+$/.test(arg) && SECRET_NAME.test(arg) && next !== undefined && !next.startsWith('-')) out.push(next);
  if (looksLikeToken(arg)) out.push(arg);
  for (const m of arg.matchAll(/:\/\/([^/\s@]+)@/g)) out.push(...m[1].split(':'));
  for (const m of arg.matchAll(/[?&][^=&#\s]+=([^&#\s]*)/g)) out.push(m[1]);
  return out;
}

/** Every secret value of one config entry, as written. */
export function entrySecrets(config: Obj): string[] {
  const out: string[] = [];
  const add = (v: unknown) => { if (typeof v === 'string' || typeof v === 'number') out.push(String(v)); };
  for (const map of ['env', 'headers', 'environment']) if (isObj(config[map])) Object.values(config[map]).forEach(add);
  // `Authorization: Bearer <token>`: the token alone too, as an error message may quote it.
  if (isObj(config.headers)) for (const v of Object.values(config.headers)) if (typeof v === 'string') add(/^\w+\s+(\S+)$/.exec(v)?.[1]);
  for (const [key, value] of Object.entries(config)) if (SECRET_NAME.test(key) && typeof value === 'string') add(value);
  for (const field of ['url', 'serverUrl', 'httpUrl']) {
    if (typeof config[field] !== 'string') continue;
    try {
      const u = new URL(config[field]);
      add(decodeURIComponent(u.username));
      add(decodeURIComponent(u.password));
      for (const value of u.searchParams.values()) add(value);
    } catch {
      // not a URL: nothing to take apart
    }
  }
  const args = Array.isArray(config.args) ? config.args.filter((a): a is string => typeof a === 'string') : [];
  args.forEach((arg, i) => argSecrets(arg, args[i - 1], args[i + 1]).forEach(add));
  return out.filter((v) => v.length > 0);
}

export class Masker {
  private readonly values: string[];

  constructor(secrets: Iterable<string>) {
    this.values = [...new Set(secrets)].filter((v) => v.length >= MIN_LENGTH && !COMMON.test(v)).sort((a, b) => b.length - a.length);
  }

  /** The text with every secret replaced by `***`. */
  text(value: string): string {
    let out = value;
    for (const secret of this.values) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }

  /** A deep copy with every string (keys too) masked. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (isObj(value)) {
      const out: Obj = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.deep(v);
      return out as T;
    }
    return value;
  }

  /** Whether a text still holds a secret (for a last check before writing). */
  leaks(text: string): boolean {
    return this.values.some((s) => text.includes(s));
  }
}
