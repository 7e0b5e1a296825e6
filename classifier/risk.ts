// Risk (DESIGN §4): start from the category's baseline and move it with evidence, following the
// reviewers' grading table. Findings are applied later and can only raise it.
import { claimsOf, type ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category.ts';
import { COSMETIC, CREDENTIAL, INFRA, LOW_VALUE, SECRET_VALUE, STORE } from './nouns.ts';
import { RISKS, type Category, type Risk } from './types.ts';

export const BASELINE: Record<Category, Risk> = { Read: 'Low', Write: 'Medium', Execute: 'High', Destructive: 'High', Financial: 'Critical' };

export function maxRisk(a: Risk, b: Risk): Risk {
  return RISKS.indexOf(a) >= RISKS.indexOf(b) ? a : b;
}
function lower(r: Risk): Risk {
  return RISKS[Math.max(0, RISKS.indexOf(r) - 1)];
}

const CONFIG = new Set(['config', 'configuration', 'setting', 'settings', 'firewall', 'dns', 'route', 'policy', 'webhook', 'secret', 'certificate', 'key', 'domain', 'network', 'gateway', 'rule', 'protection', 'visibility', 'env', 'environment']);
const CODE_CHANGE = new Set(['push', 'merge', 'commit', 'fork', 'rollback', 'revert']);
const GIT = new Set(['branch', 'pull', 'request', 'merge', 'mr', 'pr', 'commit', 'file', 'repo', 'repository', 'change', 'code', 'tag', 'ref', 'head']);
const FILE_OBJECTS = new Set(['file', 'directory', 'dir', 'folder', 'path', 'symlink', 'item', 'object', 'blob']);
const PERMISSION_VERBS = new Set(['grant', 'share', 'invite', 'authorize', 'deauthorize']);
const COSMETIC_VERBS = new Set(['star', 'unstar', 'pin', 'unpin', 'favorite', 'bookmark', 'vote', 'upvote', 'downvote', 'like', 'react', 'snooze', 'dismiss', 'mark', 'sort', 'format', 'acknowledge', 'ack', 'toggle', 'rename']);
const ADDITIVE = new Set(['create', 'add', 'insert', 'append', 'save', 'store', 'upsert']);
const UI_VERBS = new Set(['click', 'tap', 'press', 'type', 'fill', 'hover', 'drag', 'scroll', 'swipe', 'focus', 'resize', 'emulate', 'select', 'navigate', 'goto', 'screencast', 'play', 'open', 'close', 'reload', 'refresh', 'interact', 'mute', 'unmute']);
const RERUN_VERBS = new Set(['rerun', 'retry', 'restart', 'trigger', 'run', 'start', 'stop', 'cancel', 'pause', 'resume', 'end', 'launch', 'halt', 'reload', 'refresh', 'hangup', 'leave', 'disconnect', 'connect', 'join', 'wake']);
export const MESSAGE_VERBS: ReadonlySet<string> = new Set(['send', 'reply', 'respond', 'forward', 'publish', 'broadcast', 'notify', 'email', 'sms', 'text', 'message', 'tweet', 'retweet', 'post', 'call', 'dial', 'say', 'speak', 'converse', 'invite', 'ring']);
const DEPLOY_VERBS = new Set(['deploy', 'redeploy', 'install', 'apply', 'provision', 'rollout', 'promote']);
const SQL_FAMILY = /sql|cypher|athena|snowflake|clickhouse|bigquery|postgres|mysql/;
const WORKLOAD_PARAM = /^(?:chart|image|manifest|yaml|repo|repository|template|helm|url|source|dockerfile|spec)$/;

function hasAny(objects: string[], set: ReadonlySet<string>): string | undefined {
  for (const o of objects) if (set.has(o)) return o;
  return undefined;
}

/** Raises `risk` to `to` (never lowers it) and records why. */
function up(risk: Risk, ev: string[], to: Risk, why: string): Risk {
  ev.push(why);
  return RISKS.indexOf(to) > RISKS.indexOf(risk) ? to : risk;
}

export interface RiskResult { risk: Risk; evidence: string[] }

/** Grades risk within the category, with the evidence that moved it. */
export function gradeRisk(a: ToolAnalysis, c: CategoryResult): RiskResult {
  const s = a.schema;
  const o = a.objects;
  const lemma = c.verb?.lemma ?? '';
  const ev: string[] = [];
  let risk = BASELINE[c.category];
  const runs = c.category === 'Execute' ? claimsOf(a).runs : undefined;
  const freeInputs = !!(s.shell || s.code || s.content.length || s.urls.length || s.paths.length || s.outputPaths.length || s.queryLang || runs);

  switch (c.category) {
    case 'Read': {
      if (s.urls.length) risk = up(risk, ev, 'Medium', `parameter \`${s.urls[0].path}\` fetches any URL (SSRF, exfiltration)`);
      if (s.endpoint) risk = up(risk, ev, 'Medium', `parameter \`${s.endpoint.path}\` reaches any API path the credentials allow`);
      if (s.paths.length) {
        if (a.server.rootsBounded) ev.push('the server limits paths to its allowed directories');
        else risk = up(risk, ev, 'Medium', `parameter \`${s.paths[0].path}\` reads any path`);
      }
      if (s.queryLang && !s.queryLang.writable && SQL_FAMILY.test(s.queryLang.lang)) risk = up(risk, ev, 'Medium', 'free-text query text, read-only');
      const secret = hasAny(o, SECRET_VALUE);
      if (secret) risk = up(risk, ev, 'High', `returns '${secret}' values, which can hold secrets`);
      else { const cred = hasAny(o, CREDENTIAL); if (cred) risk = up(risk, ev, 'Medium', `returns '${cred}' information`); }
      break;
    }
    case 'Write': {
      const wpath = s.paths[0] ?? s.outputPaths[0];
      if (wpath) risk = up(risk, ev, 'High', `parameter \`${wpath.path}\` writes to any path`);
      const perm = hasAny(o, CREDENTIAL) ?? (PERMISSION_VERBS.has(lemma) ? lemma : undefined) ?? (s.permissions[0]?.name);
      if (perm) risk = up(risk, ev, 'High', `changes permissions or credentials ('${perm}')`);
      const cfg = hasAny(o, CONFIG);
      if (cfg) risk = up(risk, ev, 'High', `changes configuration ('${cfg}')`);
      if (CODE_CHANGE.has(lemma) && (hasAny(o, GIT) || a.server.serverWords.has('git'))) risk = up(risk, ev, 'High', `'${lemma}' changes code history`);
      if (s.bulk.length || a.tokens.includes('batch') || a.tokens.includes('bulk')) risk = up(risk, ev, 'High', 'writes in bulk');
      if (risk === 'Medium' && !freeInputs) {
        const cosmetic = COSMETIC_VERBS.has(lemma) ? lemma : hasAny(o.slice(-1), COSMETIC);
        if (cosmetic) { risk = 'Low'; ev.push(`cosmetic, reversible change ('${cosmetic}')`); }
      }
      if (risk === 'Medium' && ADDITIVE.has(lemma) && a.server.domains.has('memory') && !s.urls.length) {
        risk = 'Low'; ev.push('additive change to a local knowledge store');
      }
      break;
    }
    case 'Execute': {
      if (s.shell) risk = up(risk, ev, 'Critical', `parameter \`${s.shell.path}\` runs any command`);
      if (s.code) risk = up(risk, ev, 'Critical', `parameter \`${s.code.path}\` runs any code`);
      if (s.queryLang?.writable) risk = up(risk, ev, 'Critical', `${s.queryLang.lang.toUpperCase()} text can change or drop data`);
      if (runs) risk = up(risk, ev, 'Critical', `free-text ${runs === 'sql' ? 'SQL' : runs === 'shell' ? 'shell command' : 'code'} input`);
      if (DEPLOY_VERBS.has(lemma) && s.params.some((p) => WORKLOAD_PARAM.test(p.tokens.join('')) && !p.values)) risk = up(risk, ev, 'Critical', 'deploys an arbitrary workload');
      const stops = RERUN_VERBS.has(lemma) && !s.recipients.length && !freeInputs;
      const messaging = MESSAGE_VERBS.has(lemma) || s.recipients.length > 0 || (a.domain?.id === 'voice' && !stops);
      if (messaging) { ev.push(s.recipients.length ? `parameter \`${s.recipients[0].param.path}\` names a recipient` : 'reaches people outside the system'); break; }
      if (risk === 'High' && UI_VERBS.has(lemma) && !s.urls.length) { risk = 'Medium'; ev.push(`'${lemma}' is an interface action on an open session`); }
      else if (risk === 'High' && RERUN_VERBS.has(lemma) && !freeInputs) { risk = 'Medium'; ev.push('runs or stops an existing operation as configured, with no free-text input'); }
      if (s.dryRunDefault && risk !== 'Medium') { risk = lower(risk); ev.push(`parameter \`${s.dryRunDefault.path}\` defaults to a dry run`); }
      break;
    }
    case 'Destructive': {
      const head = a.head ?? '';
      const store = STORE.has(head) ? head : undefined;
      const bulkFlag = s.bulk[0];
      if (store) risk = up(risk, ev, 'Critical', `deletes a whole store ('${store}')`);
      if (bulkFlag) risk = up(risk, ev, 'Critical', `parameter \`${bulkFlag.path}\` widens the scope (bulk, recursive or forced)`);
      if (a.tokens.includes('all') || a.tokens.includes('everything')) risk = up(risk, ev, 'Critical', "name targets 'all'");
      if (s.kind && !s.ids.length) risk = up(risk, ev, 'Critical', `parameter \`${s.kind.path}\` allows any resource kind`);
      if (s.methods && (s.endpoint || s.urls.length || s.paths.length)) risk = up(risk, ev, 'Critical', 'generic API request that can DELETE any endpoint');
      else if (s.paths.length && (!head || FILE_OBJECTS.has(head))) {
        if (a.server.rootsBounded) ev.push(`parameter \`${s.paths[0].path}\` deletes any path within the allowed directories`);
        else risk = up(risk, ev, 'Critical', `parameter \`${s.paths[0].path}\` deletes any path`);
      }
      if (risk === 'High') {
        const low = LOW_VALUE.has(head) ? head : undefined;
        const infra = hasAny(o, INFRA);
        if (low && !infra) { risk = 'Medium'; ev.push(`removes a low-value item ('${low}')`); }
        else if (infra) ev.push(`removes an infrastructure or identity object ('${infra}')`);
      }
      break;
    }
    case 'Financial': {
      const amount = s.amounts[0];
      if (amount?.maximum !== undefined && amount.maximum <= 10000) { risk = 'High'; ev.push(`parameter \`${amount.path}\` is capped at ${amount.maximum} by the schema`); }
      else if (amount) ev.push(`parameter \`${amount.path}\` sets the amount`);
      break;
    }
  }
  if (a.ann.destructive === true && risk === 'Low') { risk = 'Medium'; ev.push('author marks it destructive, so not Low'); }
  return { risk, evidence: ev };
}
