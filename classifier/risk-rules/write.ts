// Grading rules for Write tools (DESIGN §4): Medium by default; High for a file at any path, access and
// credentials, infrastructure configuration, code that others run; Low for cosmetic or trivially
// reversible changes and additive changes to a personal or local store.
import type { RiskRule } from './rule.ts';
import type { RiskFacts } from '../risk-facts.ts';

const ADDITIVE = new Set(['create', 'add', 'insert', 'append', 'log', 'record', 'save', 'store', 'upsert', 'restore', 'approve', 'complete', 'finish', 'mark', 'note', 'track', 'register', 'enroll', 'init', 'initialize', 'setup']);
const UPLOADS = new Set(['upload', 'attach', 'import', 'store', 'ingest', 'send', 'share', 'publish', 'add']);
const PERMISSION_VERBS = new Set(['grant', 'authorize', 'deauthorize', 'invite', 'share']);
const CREDENTIAL_OBJECTS = new Set(['secret', 'password', 'credential', 'token', 'apikey', 'passphrase', 'certificate', 'cert', 'privatekey', 'permission', 'role', 'acl', 'access', 'privilege', 'grant', 'sso', 'oauth', 'membership', 'collaborator', 'admin', 'pki', 'mnemonic', 'visibility', 'auth', 'authentication', 'allowlist', 'whitelist', 'blocklist', 'denylist', 'exempt', 'exemption', 'mfa', '2fa']);
/** A `key` is a credential when one of these qualifies it (an API key, a setup key), not a Redis key. */
const KEY_KINDS = new Set(['api', 'access', 'ssh', 'deploy', 'private', 'signing', 'encryption', 'setup', 'provisioning', 'license', 'secret', 'service', 'client', 'auth', 'gpg', 'pgp', 'master', 'root']);
const PERMISSION_TEXT = /\b(?:permissions?|access|roles?|privileges?|admin|owner|editor|viewer|writer|reader|grant|read-?only|read-?write)\b/i;
const EXPOSES = /\bpublic(?:ly)?\b[^.\n]{0,30}\b(?:links?|urls?|access|visible|readable|available)\b|\banyone with the link\b|\bsecrets? engine\b|\bcertificate authority\b/;
/** Infrastructure a change to which reroutes or exposes live traffic. */
const INFRA_CONFIG = new Set(['firewall', 'dns', 'route', 'gateway', 'ingress', 'port', 'network', 'vpc', 'subnet', 'webhook', 'domain', 'proxy', 'upstream', 'loadbalancer', 'balancer', 'nat', 'peering', 'cluster', 'node', 'instance', 'certificate', 'tls', 'ssl', 'policy', 'rule', 'protection', 'waf', 'cdn', 'security']);
const INFRA_CONTEXT = new Set(['service', 'server', 'config', 'configuration', 'setting', 'deployment']);
const CODE_OBJECTS = new Set(['extension', 'plugin', 'addon', 'script', 'hook', 'macro', 'lifecycle', 'function', 'lambda', 'trigger', 'action']);
const SECRET_VARS = /\b(?:sensitive|secret|environment variables?|env vars?|variable set)\b/;
const PUSH = new Set(['push', 'merge', 'rebase', 'force']);
const COSMETIC_VERBS = new Set(['star', 'unstar', 'pin', 'unpin', 'favorite', 'bookmark', 'vote', 'upvote', 'downvote', 'like', 'react', 'snooze', 'dismiss', 'sort', 'reorder', 'format', 'toggle', 'rename', 'tag', 'untag', 'label', 'unlabel', 'prioritize', 'reprioritize', 'freeze', 'unfreeze', 'color', 'highlight', 'collapse', 'expand', 'resize']);
const ORDERED_RULES = new Set(['policy', 'rule', 'route', 'firewall', 'permission', 'role', 'priority']);
const TAGGING = new Set(['add', 'remove', 'assign', 'unassign', 'set', 'apply', 'attach', 'detach', 'update']);
const MANY = /\b(?:multiple|many|several|bulk|batch|at once|in one call)\b/;
const UPDATES = new Set(['update', 'edit', 'change', 'set', 'modify', 'patch', 'rename']);
const COSMETIC_OBJECTS = new Set(['title', 'label', 'tag', 'color', 'colour', 'emoji', 'reaction', 'star', 'pin', 'presence', 'icon', 'avatar', 'theme', 'orientation', 'nickname', 'font', 'fill', 'border', 'style', 'favorite', 'bookmark', 'vote', 'like', 'read', 'unread', 'priority', 'preference', 'position', 'zoom', 'viewport', 'layout', 'sort', 'alias', 'name', 'description', 'note', 'status']);
const ONLY_NAME = /\b(?:(?:the|its|an?) )?(?:name|title|label|description|display name|priority|colou?r)s?\b(?: (?:or|and) (?:(?:the|its|an?) )?(?:name|title|label|description|display name|priority))?(?:'s)?\.?$|\bonly (?:the )?(?:name|title|label|description)\b|\bname or description\b/;
const DERIVED = new Set(['index', 'cache', 'reindex', 'embedding', 'thumbnail', 'preview', 'snapshot']);
const DERIVED_TEXT = /\b(?:index|cache|caches|embeddings?|thumbnails?|previews?)\b/;
const TIMER = new Set(['timer', 'stopwatch', 'time', 'entry', 'tracking', 'pomodoro']);
const GAME = new Set(['game', 'villager', 'level', 'slot', 'player', 'inventory', 'quest']);
const GIT = new Set(['branch', 'merge', 'mr', 'pr', 'commit', 'repo', 'repository', 'ref', 'git', 'remote', 'upstream']);
const GIT_SERVERS = ['git', 'github', 'gitlab', 'gitee', 'bitbucket', 'gitea', 'forgejo', 'codeberg'];
const NOT_CODE_PUSH = new Set(['notification', 'message', 'event', 'metric', 'log']);
const DOCUMENT_FILES = /\b(?:document|docx?|word|spreadsheet|xlsx?|presentation|pptx?|pdf|image|png|jpe?g|notebook|sheet)\b/i;
const LOCAL_FILE = /\b(?:local (?:file|path|image|files)|absolute paths?|file paths?|from (?:the )?disk|multiple (?:specified )?paths|across (?:multiple )?(?:specified )?paths|paths? on (?:the )?(?:host|machine|disk))\b/;

function has(objects: string[], set: ReadonlySet<string>): string | undefined {
  for (const o of objects) if (set.has(o)) return o;
  return undefined;
}

const gitContext = (f: RiskFacts) => !!has(f.objects, GIT) || GIT_SERVERS.some((w) => f.a.server.serverWords.has(w));

export const WRITE_RULES: RiskRule[] = [
  {
    id: 'write.any-path', category: 'Write', effect: 'raise', to: 'High',
    consequence: 'A runaway agent could overwrite or exfiltrate any file it can reach, including code and configuration.',
    summary: 'edits, writes or uploads a file at any path',
    test: (f) => {
      // allowed directories bound what is read, not what a write can overwrite inside them
      const p = f.fsPaths[0];
      if (p) {
        // adding a heading to a document named by the caller edits that document, not any file
        const additiveDoc = (f.lemma === 'add' || f.lemma === 'append' || f.lemma === 'insert') && DOCUMENT_FILES.test(`${p.description} ${f.text.slice(0, 120)}`);
        return additiveDoc ? undefined : `parameter \`${p.path}\` writes to any path`;
      }
      return UPLOADS.has(f.lemma) || f.lemma === 'replace' || f.lemma === 'write' ? (LOCAL_FILE.test(f.text) ? 'the description says it takes files from any local path' : undefined) : undefined;
    },
  },
  {
    id: 'write.access', category: 'Write', effect: 'raise', to: 'High',
    consequence: 'A manipulated agent could grant access or change credentials.',
    summary: 'grants access or changes credentials and permissions',
    test: (f) => {
      if (ONLY_NAME.test(f.text.slice(0, 100))) return undefined;
      const keyKind = f.objects.includes('key') && f.objects.find((o) => KEY_KINDS.has(o));
      if (keyKind) return `changes a credential ('${keyKind} key')`;
      if (EXPOSES.test(f.text.slice(0, 200))) return 'it makes something public or issues credentials';
      const perm = f.s.permissions.find((p) => PERMISSION_TEXT.test(`${p.description} ${(p.values ?? []).join(' ')}`) || !p.description);
      const o = has(f.objects, CREDENTIAL_OBJECTS) ?? (PERMISSION_VERBS.has(f.lemma) && (f.s.recipients.length || perm || f.objects.some((x) => x === 'user' || x === 'member' || x === 'file' || x === 'document' || x === 'folder' || x === 'profile' || x === 'calendar' || x === 'drive')) ? f.lemma : undefined) ?? perm?.name;
      return o ? `changes access or credentials ('${o}')` : undefined;
    },
  },
  {
    id: 'write.secret-variables', category: 'Write', effect: 'raise', to: 'High',
    consequence: 'A manipulated agent could plant or change variables that later runs trust.',
    summary: 'sets environment or secret variables that other runs read',
    test: (f) => f.objects.includes('variable') && (SECRET_VARS.test(`${f.objects.join(' ')} ${f.text}`) || f.a.server.domains.has('infra') || f.a.server.serverWords.has('terraform')) ? 'sets variables that can hold secrets or change what runs' : undefined,
  },
  {
    id: 'write.infrastructure', category: 'Write', effect: 'raise', to: 'High',
    consequence: 'A runaway agent could reroute, expose or break live infrastructure.',
    summary: 'changes live infrastructure: gateways, routes, ports, clusters, webhooks, access policies',
    test: (f) => {
      if (f.lemma === 'reorder' || f.lemma === 'prioritize' || f.objects.includes('priority') || ONLY_NAME.test(f.text.slice(0, 100))) return undefined;
      const o = has(f.objects, INFRA_CONFIG) ?? (f.a.server.domains.has('infra') || f.a.server.serverWords.has('apisix') || f.a.server.serverWords.has('gateway') ? has(f.objects, INFRA_CONTEXT) : undefined);
      if (!o) return undefined;
      return `changes infrastructure configuration ('${o}')`;
    },
  },
  {
    id: 'write.runs-later', category: 'Write', effect: 'raise', to: 'High',
    consequence: "A manipulated agent could plant code that runs later with that system's access.",
    summary: 'installs or changes code that runs later (extensions, plugins, scripts, hooks)',
    test: (f) => { const o = has(f.objects, CODE_OBJECTS); return o && f.lemma !== 'rename' ? `changes code that runs later ('${o}')` : undefined; },
  },
  {
    id: 'write.shared-history', category: 'Write', effect: 'raise', to: 'High',
    consequence: 'A runaway agent could push code that others build and deploy.',
    summary: 'pushes or merges code into a shared repository',
    test: (f) => PUSH.has(f.lemma) && (gitContext(f) || f.lemma === 'push' && !has(f.objects, NOT_CODE_PUSH)) ? `'${f.lemma}' changes code history others build from` : undefined,
  },
  {
    id: 'write.cosmetic', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent makes noisy changes that are easy to revert.',
    summary: 'cosmetic or trivially reversible change: a name, a tag, a label, a priority, a preference',
    test: (f) => {
      if (f.freeInputs || f.s.bulk.length || has(f.objects, ORDERED_RULES)) return undefined;
      // adding or removing a tag or label is the label change itself
      if (TAGGING.has(f.lemma) && (f.objects.includes('tag') || f.objects.includes('label'))) return `cosmetic, reversible change ('${f.objects.includes('tag') ? 'tag' : 'label'}')`;
      if (f.lemma === 'tag' && gitContext(f)) return undefined; // a git tag can trigger a release
      const last = f.objects[f.objects.length - 1];
      const what = COSMETIC_VERBS.has(f.lemma) ? f.lemma : last && COSMETIC_OBJECTS.has(last) && !(last === 'tag' && gitContext(f)) && !(last === 'note' || last === 'description' || last === 'status') ? last : UPDATES.has(f.lemma) && ONLY_NAME.test(f.text.slice(0, 100)) ? 'name' : undefined;
      return what ? `cosmetic, reversible change ('${what}')` : undefined;
    },
  },
  {
    id: 'write.personal-additive', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent clutters a personal store with entries that are easy to remove.',
    summary: 'additive change to a personal or local store (a to-do list, a game, a local knowledge store)',
    test: (f) => f.personal && (ADDITIVE.has(f.lemma) || f.lemma === 'update' && !f.s.content.length) && !f.freeInputs && !f.s.bulk.length && !f.a.tokens.some((t) => t === 'bulk' || t === 'batch' || t === 'many' || t === 'multiple') && !MANY.test(f.text.slice(0, 100)) ? 'additive change to a personal or local store' : undefined,
  },
  {
    id: 'write.local-knowledge', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent clutters a local store with entries that are easy to remove.',
    summary: 'additive change to a local knowledge store (a memory graph), one item or many',
    test: (f) => f.a.server.domains.has('memory') && ADDITIVE.has(f.lemma) && !f.freeInputs ? 'additive change to a local knowledge store' : undefined,
  },
  {
    id: 'write.local-commit', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent makes local commits that a reset undoes.',
    summary: 'a local commit, which nothing sees until it is pushed',
    test: (f) => (f.lemma === 'commit' || f.a.tokens[f.a.tokens.length - 1] === 'commit') && !f.a.tokens.includes('push') && !f.a.tokens.includes('request') && gitContext(f) ? 'a local commit, undone with a reset, seen by no one until pushed' : undefined,
  },
  {
    id: 'write.derived-state', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent makes it rebuild the same state again.',
    summary: 'rebuilds derived state (an index, a cache) that can be rebuilt again',
    test: (f) => DERIVED.has(f.lemma) || (f.lemma === 'refresh' || f.lemma === 'rebuild' || f.lemma === 'reload') && (has(f.objects, DERIVED) || DERIVED_TEXT.test(f.text.slice(0, 80))) ? 'rebuilds derived state that can be rebuilt again' : undefined,
  },
  {
    id: 'write.timer', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent starts or stops a timer that can be edited.',
    summary: 'starts or stops a running timer or time entry',
    test: (f) => (f.lemma === 'start' || f.lemma === 'stop') && has(f.objects, TIMER) ? 'starts or stops a timer, an editable time record' : undefined,
  },
  {
    id: 'write.game-state', category: 'Write', effect: 'lower', to: 'Low',
    consequence: 'At worst a runaway agent changes game state.',
    summary: 'changes only game state',
    test: (f) => has(f.objects, GAME) || f.a.server.serverWords.has('minecraft') || f.a.server.serverWords.has('game') ? 'changes only game state' : undefined,
  },
];
