// Redaction of a user's MCP client config before any of it is stored: env and header values, secret-named
// fields and flags, URL credentials and query values, token-shaped strings, and the home directory.

export const REDACTED = '<redacted>';

/** Names that hold secrets: API_KEY, authToken, --password, client_secret, DATABASE_URL, … */
export const SECRET_NAME = /key|token|secret|passw|pwd|auth|credential|bearer|cookie|session|private|signature|dsn|conn(ection)?(_?str|_?url)?$|database_url/i;

// Token shapes: provider prefixes, JWTs, UUIDs and long hex, and long opaque strings mixing cases and digits.
// Lower-case words with dashes (package names) and anything with `/` or `.` (paths, hosts) are not tokens.
const TOKEN_PREFIX = /^(sk-|sk_|pk_|rk_|ghp_|gho_|ghu_|ghs_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|AIza|ya29\.|eyJ[\w-]+\.)/;
const TOKEN_HEX = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,})$/;
const TOKEN_OPAQUE = /^(?=[\w+=-]{24,}$)(?=.*\d)(?=.*[a-z])(?=.*[A-Z])/;
export const looksLikeToken = (v: string): boolean => TOKEN_PREFIX.test(v) || TOKEN_HEX.test(v) || TOKEN_OPAQUE.test(v);

/** A string with the home directory written as `~`, URL credentials and query values removed, tokens redacted. */
export function redactString(value: string, home?: string): string {
  if (looksLikeToken(value)) return REDACTED;
  let out = home && home !== '/' ? value.split(home).join('~') : value;
  out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, `$1${REDACTED}@`);
  out = out.replace(/([?&][^=&#\s]+)=[^&#\s]*/g, `$1=${REDACTED}`);
  return out;
}

/** Command-line arguments: `--api-key=x`, `--token x`, `KEY=x` (secret names), `-e KEY=x` (docker env) and token-shaped values redacted. */
export function redactArgs(args: string[], home?: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const flag = /^(--?[\w.-]+)=(.*)$/.exec(arg);
    const assign = /^([A-Za-z_][\w.-]*)=(.*)$/.exec(arg);
    const dockerEnv = /^(-e|--env)$/.test(args[i - 1] ?? '') ? /^([^=]+)=/.exec(arg) : /^(--env=[^=]+)=/.exec(arg);
    if (dockerEnv) out.push(`${dockerEnv[1]}=${REDACTED}`);
    else if (flag && SECRET_NAME.test(flag[1])) out.push(`${flag[1]}=${REDACTED}`);
    else if (assign && SECRET_NAME.test(assign[1])) out.push(`${assign[1]}=${REDACTED}`);
    else if (/^--?[\w.-]+$/.test(arg) && SECRET_NAME.test(arg) && i + 1 < args.length && !args[i + 1].startsWith('-')) out.push(arg, REDACTED), i++;
    else out.push(redactString(arg, home));
  }
  return out;
}

/**
 * A deep copy of one server's config fit to store: every value under `env` and `headers` (keys kept),
 * every value under a secret-named key, and every string passed through redactString / redactArgs.
 */
export function redactServerConfig(value: unknown, home?: string, path: string[] = []): unknown {
  const parent = path[path.length - 1] ?? '';
  const inSecretMap = path.length >= 1 && /^(env|headers|environment|requestOptions)$/i.test(path[path.length - 2] ?? '');
  if (typeof value === 'string') return inSecretMap || SECRET_NAME.test(parent) ? REDACTED : redactString(value, home);
  if (typeof value === 'number' || typeof value === 'boolean') return inSecretMap || (SECRET_NAME.test(parent) && typeof value === 'number') ? REDACTED : value;
  if (Array.isArray(value)) {
    if (parent === 'args' && value.every((v) => typeof v === 'string')) return redactArgs(value as string[], home);
    return value.map((v, i) => redactServerConfig(v, home, [...path, String(i)]));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactServerConfig(v, home, [...path, k])]));
  }
  return value;
}
