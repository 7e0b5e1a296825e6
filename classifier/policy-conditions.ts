// Argument conditions drawn from a tool's schema (DESIGN §5): recipients, URLs, paths, commands,
// SQL, action enums, bulk flags, identifiers and amounts.
import { verbsOfValues } from './intent.ts';
import type { Param } from './schema-params.ts';
import type { SchemaSignals } from './schema-signals.ts';
import type { PolicyCondition } from './types.ts';

/** Internal, loopback, link-local and cloud-metadata hosts. */
export const PRIVATE_HOST = '^[A-Za-z][A-Za-z0-9+.-]*://(localhost|127\\.|0\\.0\\.0\\.0|10\\.|192\\.168\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|169\\.254\\.|\\[?::1|\\[?fe80:|metadata\\.google\\.internal)';
/** Keys, cloud credentials, dotenv files, system accounts, git internals and parent traversal. */
export const SENSITIVE_PATH = '(^|/)(\\.ssh|\\.aws|\\.gnupg|\\.kube|\\.docker|\\.config/gcloud)(/|$)|(^|/)\\.env(\\.|$)|id_rsa|id_ed25519|(^|/)etc/(passwd|shadow|sudoers)|(^|/)\\.git/|(^|/)\\.\\.(/|$)';
/** Shell commands that destroy data, escalate, or pipe a download into a shell. */
export const DANGEROUS_COMMAND = '(^|[;&|`$(\\s])(rm\\s+-[A-Za-z]*[rf]|mkfs|dd\\s+if=|shutdown|reboot|halt|sudo\\s|chmod\\s+(-R\\s+)?777|(curl|wget)[^|]*\\|\\s*(ba|z)?sh|:\\(\\)\\s*\\{)';
/** SQL that changes data or permissions. */
export const WRITING_SQL = '\\b(DROP|drop|Drop|TRUNCATE|truncate|DELETE|delete|Delete|ALTER|alter|GRANT|grant|REVOKE|revoke|UPDATE|update|INSERT|insert|MERGE|merge|CREATE|create)\\b';
/** Code that reaches the environment, the network or the process. */
export const RISKY_CODE = 'child_process|process\\.env|document\\.cookie|localStorage|\\beval\\(|\\bexec\\(|\\bos\\.system|subprocess';
/** A URL whose scheme is not https (file://, http://, gopher://, data:): checked on optional URL parameters. */
export const NOT_HTTPS = '^(?:[Hh][Tt][Tt][Pp]|[Ff][Ii][Ll][Ee]|[Ff][Tt][Pp]|[Gg][Oo][Pp][Hh][Ee][Rr]|[Dd][Aa][Tt][Aa]|[Jj][Aa][Vv][Aa][Ss][Cc][Rr][Ii][Pp][Tt]):';
/** Sub-command names that delete, revoke or spend, as a router's selector holds them ("storage account delete"). */
export const ROUTER_DESTRUCTIVE = '(^|[^A-Za-z])([Dd]elete|DELETE|[Rr]emove|REMOVE|[Pp]urge|PURGE|[Dd]estroy|[Dd]rop|DROP|[Ww]ipe|[Rr]evoke|[Tt]erminate|[Dd]eallocate|[Uu]ninstall|[Tt]runcate|[Rr]eset|[Pp]ay|[Tt]ransfer|[Rr]efund)([^A-Za-z]|$)';
/** Placeholder allowlist: edit to your own domain before use. */
export const EMAIL_ALLOWLIST = '@example\\.com$';
/** E.164 phone numbers only (no short codes or letters). */
export const E164 = '^\\+[1-9][0-9]{7,14}$';

const CENTS = /cents|smallest currency unit|minor unit/i;
const REASON = /^(reason|memo|description|note|purpose)$/i;
const IDEMPOTENCY = /idempoten/i;
const SAFE_PATH = /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/;

/** `args.<path>`, or undefined when the parameter cannot be addressed by a policy path. */
export function argPath(p: Param): string | undefined {
  return SAFE_PATH.test(p.path) ? `args.${p.path}` : undefined;
}

function push(list: PolicyCondition[], p: Param | undefined, op: PolicyCondition['op'], value?: unknown): void {
  const path = p && argPath(p);
  if (!path || list.some((c) => c.path === path && c.op === op)) return;
  list.push(value === undefined ? { path, op } : { path, op, value });
}

/** Values a parameter may take: required, it must be one of them; optional, it must not be anything else when given. */
function allowlist(require: PolicyCondition[], deny: PolicyCondition[], p: Param, values: string[]): void {
  if (p.required) push(require, p, 'in', values);
  else push(deny, p, 'not_in', values);
}

export interface Conditions { require: PolicyCondition[]; deny_if: PolicyCondition[] }

export interface ConditionOptions {
  /** Pin identifiers and forbid bulk flags (Destructive, Financial). */
  strict: boolean;
  /** Constrain recipients (Execute). */
  recipients: boolean;
  /** Cap amounts (Financial). */
  amounts: boolean;
  /** Allowlist enum values with `in` (Execute). */
  enums: boolean;
  /** Deny a router's destructive sub-commands (Destructive, Financial and Execute routers). */
  router: boolean;
}

/**
 * What conditions may name: the schema's signals, and of its URL and path parameters only those the tool
 * really fetches or opens (risk-facts.ts), so that a path regex never lands on a folder ID and an https
 * requirement never on a URL the tool only stores.
 */
export interface ConditionInputs {
  s: SchemaSignals;
  /** URL parameters the tool fetches or sends to. */
  urls: Param[];
  /** Parameters that are filesystem paths. */
  paths: Param[];
}

const STRING = new Set(['string', 'any']);
const NUMBER = new Set(['number', 'integer']);

/** Conditions for one tool: each names a path the schema declares, with a test that fits what it holds. */
export function schemaConditions(inputs: ConditionInputs, o: ConditionOptions): Conditions {
  const { s } = inputs;
  const require: PolicyCondition[] = [];
  const deny: PolicyCondition[] = [];
  for (const u of inputs.urls.slice(0, 3)) {
    if (!STRING.has(u.type)) continue;
    // a required URL must be https; an optional one is checked when present (a require would refuse every call without it)
    if (u.required) push(require, u, 'regex', '^https://');
    else push(deny, u, 'regex', NOT_HTTPS);
    push(deny, u, 'regex', PRIVATE_HOST);
  }
  for (const p of inputs.paths.slice(0, 3)) if (STRING.has(p.type) || (p.type === 'array' && (p.itemType === 'string' || p.itemType === 'any'))) push(deny, p, 'regex', SENSITIVE_PATH);
  if (s.selector && o.router) push(deny, s.selector, 'regex', ROUTER_DESTRUCTIVE);
  if (s.shell) push(deny, s.shell, 'regex', DANGEROUS_COMMAND);
  if (s.code) push(deny, s.code, 'regex', RISKY_CODE);
  if (s.queryLang?.writable) push(deny, s.queryLang.param, 'regex', WRITING_SQL);
  if (s.methods && o.strict) {
    const writes = s.methods.values.filter((m) => m.toUpperCase() !== 'GET' && m.toUpperCase() !== 'HEAD');
    if (writes.length && writes.length < s.methods.values.length) push(deny, s.methods.param, 'in', writes);
  }
  if (s.actions) {
    const verbs = verbsOfValues(s.actions.values);
    const risky = new Set(verbs.filter((v) => v.cls === 'destructive' || v.cls === 'financial').map((v) => v.word));
    const safe = s.actions.values.filter((v) => !risky.has(v));
    // a required selector is allowlisted to its safe actions; an optional one has its risky actions denied
    if (risky.size && safe.length) {
      if (s.actions.param.required) push(require, s.actions.param, 'in', safe);
      else push(deny, s.actions.param, 'in', [...risky]);
    } else if (o.enums) allowlist(require, deny, s.actions.param, s.actions.values);
  }
  if (o.enums) {
    // other enums: the gateway enforces the allowlist itself rather than trusting the server to
    let n = 0;
    for (const p of s.params) {
      if (n >= 2 || p.path.includes('.') || p.path.includes('[]') || p === s.actions?.param || p === s.methods?.param) continue;
      const values = p.values?.filter((v) => typeof v === 'string');
      if (!values?.length || values.length > 20 || values.length !== p.values!.length || p.type === 'array') continue;
      allowlist(require, deny, p, values as string[]);
      n++;
    }
  }
  if (o.recipients) {
    for (const { param, kind } of s.recipients.slice(0, 2)) {
      if (param.type === 'array' || (!param.required && kind !== 'generic')) continue;
      if (kind === 'email') push(require, param, 'regex', EMAIL_ALLOWLIST);
      else if (kind === 'phone') push(require, param, 'regex', E164);
      else if (param.required) push(require, param, 'exists');
    }
  }
  if (o.strict) {
    for (const id of s.ids.slice(0, 2)) push(require, id, 'exists');
    for (const b of s.bulk) push(deny, b, 'eq', true);
  }
  if (o.amounts) {
    for (const a of s.amounts.slice(0, 2)) {
      if (!NUMBER.has(a.type)) continue;
      const cents = a.type === 'integer' || CENTS.test(a.description);
      push(deny, a, 'gt', cents ? 10000 : 100);
    }
    const reason = s.params.find((p) => !p.path.includes('.') && REASON.test(p.name));
    if (reason) push(require, reason, 'exists');
    const idem = s.params.find((p) => IDEMPOTENCY.test(p.name));
    if (idem) push(require, idem, 'exists');
    if (s.currency?.values?.length) push(require, s.currency, 'in', s.currency.values);
  }
  return { require, deny_if: deny };
}
