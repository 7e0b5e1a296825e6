// The rationale: two to four plain sentences naming the tool and server, what it does, what a
// runaway or manipulated agent could do with it, and why the recommended policy fits.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category.ts';
import { PRIVATE_HOST, SENSITIVE_PATH, DANGEROUS_COMMAND, WRITING_SQL, EMAIL_ALLOWLIST, E164, RISKY_CODE } from './policy-conditions.ts';
import { proseVerb, thirdPerson } from './verbs.ts';
import { MESSAGE_VERBS } from './risk-rules/execute.ts';
import type { Finding, Policy, Risk } from './types.ts';

const CLEAN_LEAD = /^[A-Za-z][^<>`{}\[\]\n]{8,159}$/;
const SENTENCE_END = /[.\n]/;
const TRAILING = /[.\s]+$/;

const READ_HEADS = new Set(['status', 'info', 'details', 'detail', 'health', 'stats', 'statistics', 'history', 'summary', 'version', 'metadata', 'overview', 'schema', 'docs', 'documentation', 'help', 'usage']);

/** "Permanently delete a workspace" → "permanently deletes a workspace": base-form lead verbs conjugated. */
function conjugated(sentence: string, verbs: string[]): string {
  let out = '';
  let from = 0;
  let done = 0;
  for (let i = 0; i < 12 && done < verbs.length && from < sentence.length; i++) {
    let to = sentence.indexOf(' ', from);
    if (to < 0) to = sentence.length;
    const raw = sentence.slice(from, to);
    const cut = raw.length > 1 && ',;:'.includes(raw[raw.length - 1]) ? raw.length - 1 : raw.length;
    const w = raw.slice(0, cut).toLowerCase();
    let word = raw;
    if (verbs.includes(w)) {
      const info = proseVerb(w);
      if (info && info.lemma === w) word = thirdPerson(w) + raw.slice(cut);
      done++;
    }
    out += (i === 0 && !allUpper(word) ? word[0].toLowerCase() + word.slice(1) : word) + (to < sentence.length ? ' ' : '');
    from = to + 1;
  }
  return from < sentence.length ? out + sentence.slice(from) : out;
}

function allUpper(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase();
}

/** What the tool does, in the third person: "reads the complete contents of a file". */
function doesWhat(a: ToolAnalysis, c: CategoryResult, findings: Finding[]): string {
  const words = a.tokens.filter((t) => !a.nameVerbs.some((v) => v.word === t) && !a.server.serverWords.has(t) && t.length > 1);
  const object = words.length ? `${words[words.length - 1].endsWith('s') ? '' : 'the '}${words.join(' ')}` : '';
  const v = c.verb;
  const lead = a.descVerbs[0];
  const opening = a.description.slice(0, 160).trim();
  const end = opening.search(SENTENCE_END);
  const first = (end < 0 ? opening : opening.slice(0, end)).trim();
  if (lead && !findings.length && CLEAN_LEAD.test(first)) return conjugated(first, a.descVerbs.map((x) => x.word));
  if (v && READ_HEADS.has(v.lemma)) return `returns the ${v.lemma}${object ? ` of ${object}` : ''}`;
  if (v && v.cls !== 'weak') return `${thirdPerson(v.lemma)}${object ? ` ${object}` : ''}`;
  return `works with ${object || 'its inputs'}`;
}

/** Why a write is High, from the risk evidence. */
function highWrite(reasons: string[]): string {
  const r = reasons.join(' ');
  if (r.includes('code history')) return 'push or merge code that others build and deploy';
  if (r.includes('permissions')) return 'grant access or change credentials';
  if (r.includes('configuration')) return 'change configuration other systems depend on';
  if (r.includes('bulk')) return 'change many records in one call';
  return 'make changes that are hard to review and undo';
}

function worst(a: ToolAnalysis, c: CategoryResult, risk: Risk, reasons: string[]): string {
  const s = a.schema;
  const obj = a.objects.join(' ') || 'items';
  switch (c.category) {
    case 'Read':
      if (s.urls.length) return 'A manipulated agent could point it at internal addresses or smuggle data out through the URL it fetches.';
      if (risk !== 'Low' && s.paths.length) return 'A manipulated agent could read any file the server can reach, such as keys and configuration.';
      if (s.endpoint) return 'A manipulated agent could call any API path the credentials reach.';
      if (risk === 'High') return 'A manipulated agent could read secrets and pass them to another tool.';
      if (risk === 'Medium') return 'A manipulated agent could read more than the task needs and pass it on.';
      return 'Misused, it only reads what its credentials already allow, and changes nothing.';
    case 'Write':
      if (s.paths.length || s.outputPaths.length) return 'A runaway agent could overwrite any file it can reach, including code and configuration.';
      if (risk === 'Low') return 'At worst a runaway agent makes noisy changes that are easy to revert.';
      if (risk === 'High') return `A runaway agent could use it to ${highWrite(reasons)}.`;
      return `A runaway agent could create or change ${obj} at volume, leaving a mess to clean up.`;
    case 'Execute':
      if (s.shell) return "A manipulated agent could run any command with the server's privileges.";
      if (s.code) return 'A manipulated agent could run arbitrary code in that environment.';
      if (s.queryLang?.writable) return 'A manipulated agent could rewrite or drop data with a single query.';
      if (risk === 'Medium') return 'A runaway agent could repeat or interrupt the operation, or click through an open session.';
      if (s.recipients.length || a.domain?.id === 'voice' || MESSAGE_VERBS.has(c.verb?.lemma ?? '')) return 'A manipulated agent could reach real people in your name, repeatedly and to anyone.';
      return 'A manipulated agent could set off actions whose effects leave the system and cannot be called back.';
    case 'Destructive':
      if (risk === 'Critical') return 'A runaway agent could wipe a whole store, or everything a pattern matches, in one call.';
      if (risk === 'Medium') return `A runaway agent could delete ${obj} one by one; each loss is small but not undoable.`;
      return `A runaway agent could irreversibly remove ${obj} that others depend on.`;
    case 'Financial':
      return 'A manipulated agent could move money or commit spending without a human check.';
  }
}

function conditionPhrase(value: unknown, op: string, deny: boolean): string {
  if (value === PRIVATE_HOST) return 'blocks internal hosts';
  if (value === '^https://') return 'requires https URLs';
  if (value === SENSITIVE_PATH) return 'blocks sensitive paths';
  if (value === DANGEROUS_COMMAND) return 'blocks destructive commands';
  if (value === WRITING_SQL) return 'blocks writing SQL';
  if (value === RISKY_CODE) return 'blocks code that reaches the environment or network';
  if (value === EMAIL_ALLOWLIST) return 'allowlists recipient domains (edit example.com)';
  if (value === E164) return 'requires E.164 numbers';
  if (op === 'in') return deny ? 'blocks its writing operations' : 'allowlists argument values';
  if (op === 'gt') return 'caps the amount';
  if (op === 'eq') return 'forbids bulk or forced flags';
  if (op === 'exists') return 'requires named targets';
  return 'adds argument conditions';
}

function policyWhy(name: string, policy: Policy): string {
  const entry = policy.tools[name] ?? {};
  const phrases: string[] = [];
  for (const c of entry.require ?? []) { const p = conditionPhrase(c.value, c.op, false); if (!phrases.includes(p)) phrases.push(p); }
  for (const c of entry.deny_if ?? []) { const p = conditionPhrase(c.value, c.op, true); if (!phrases.includes(p)) phrases.push(p); }
  const lim = entry.limits?.[0];
  const limit = lim ? `at most ${lim.max} call${lim.max === 1 ? '' : 's'} per ${lim.window}` : '';
  const extra = phrases.length ? `${limit ? ' and ' : ''}${phrases.join(', ')}` : '';
  if (policy.hide?.includes(name)) return `The policy hides it from the agent; if you unhide it, the entry still allows ${limit || 'no calls without review'}${extra}.`;
  if (!lim && !phrases.length) return 'The policy allows it under default deny without limits, because reading at this level is harmless.';
  return `The policy allows ${limit}${extra}.`;
}

/** Two to four sentences specific to this tool and server. */
export function rationale(a: ToolAnalysis, c: CategoryResult, risk: Risk, policy: Policy, findings: Finding[], reasons: string[] = []): string {
  const name = a.tool.name;
  const first = `\`${name}\` on ${a.server.name} ${doesWhat(a, c, findings)}`.replace(TRAILING, '') + '.';
  const domain = a.domain && c.strength !== 'strong' && c.evidence.some((e) => e.startsWith('sibling tools')) ? ` Its siblings suggest ${a.domain.label}, so it is read as ${c.category}.` : '';
  const tail = findings.some((f) => f.kind !== 'annotation_conflict')
    ? ` Its definition raised ${findings.length} finding${findings.length === 1 ? '' : 's'}, so treat its text as hostile.` : '';
  return `${first}${tail ? '' : domain} ${worst(a, c, risk, reasons)} ${policyWhy(name, policy)}${tail}`;
}
