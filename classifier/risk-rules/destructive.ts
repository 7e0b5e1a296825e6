// Grading rules for Destructive tools (DESIGN §4): the level follows what is removed (one low-value item:
// Medium; an infrastructure object, an identity or a secret: High; a whole store or anything of any kind:
// Critical), raised one level for bulk scope and to Critical for a free filter, any path or any kind.
import type { RiskRule } from './rule.ts';
import type { RiskFacts } from '../risk-facts.ts';
import { DATA_LOSS_EVIDENCE } from '../category-prose.ts';

/** Deleting one of these loses little: Medium. */
const LOW_VALUE = new Set(('comment note reaction emoji label tag draft bookmark star pin subtask observation reminder annotation ' +
  'highlight sticker favorite alias todo relation link session search screenshot cache log snapshot heapsnapshot override presence ' +
  'preference category filter view thread reply vote like item shape block card checklist attachment trace recording cell range row ' +
  'column chart image breadcrumb task event survey frame command customization entry context process tab pwa window job run ' +
  'schedule story widget sticky map sourcemap suggestion invitation invite subscription alert notification message mark ' +
  'layer element playlist track song memory checkpoint timer habit question answer option template clip').split(/\s+/));
/** Infrastructure objects, identities, secrets and data others rely on: High even for one. */
const INFRA = new Set(('bucket node instance vm server domain dns secret key certificate cert token credential user member owner ' +
  'role policy permission cluster volume disk function lambda container pod deployment service stack zone firewall route network ' +
  'vpc subnet gateway queue topic webhook environment branch release pipeline workflow monitor dashboard datasource group team app ' +
  'application site folder directory file device connector collaborator apikey password mailbox calendar channel share pool series ' +
  'study patient record document contact customer backup model agent api endpoint integration registry').split(/\s+/));
/** A whole store, or anything of any kind: Critical. */
const STORE = new Set(('database db table schema repository repo project workspace organization org account tenant namespace ' +
  'collection keyspace dataset graph index drive subscription everything all filesystem volume cluster vault').split(/\s+/));
/** Removing an item from a list keeps the item itself: `delete_release_from_user_collection_folder`. */
const MEMBERSHIP_CONTAINERS = new Set(['list', 'collection', 'folder', 'wantlist', 'wishlist', 'playlist', 'favorite', 'favorites', 'cart', 'queue', 'board', 'watchlist', 'album', 'library']);
const OWN_PROCESSES = new Set(['process', 'session', 'terminal', 'job', 'task', 'context', 'tab', 'window', 'pwa', 'worker', 'thread', 'kernel', 'shell']);
/** Also stored items (a to-do task, a forum or mail thread): running work only when ended, or said to run. */
const STORED_TOO = new Set(['task', 'thread']);
const RUNNING = /\b(?:running|process(?:es)?|execution|executing|worker|background|cpu|in progress)\b/;
const endsProcess = (f: RiskFacts) => OWN_PROCESSES.has(f.head) && (!STORED_TOO.has(f.head) || ENDS.has(f.lemma) || RUNNING.test(f.text.slice(0, 160)));
const ENDS = new Set(['terminate', 'kill', 'stop', 'end', 'abort', 'interrupt']);
const PROCESS_WORDS = /\b(?:process(?:es)?|sessions?|jobs?|terminals?|workers?|threads?)\b/;
const FILTER_PARAM = /^(?:filter|filterexpr|filterexpression|where|condition|conditions|query|predicate|expr|expression|pattern|selector|match)$/;
const CASCADE = /\b(?:and all (?:its|of its|their|the)|together with (?:all|its)|including all|along with all|with all (?:its|of its))\b/;
const BULK_NAME = new Set(['all', 'everything', 'many', 'multiple', 'bulk', 'batch', 'mass']);

const containerOf = (f: RiskFacts): string | undefined => {
  const at = f.a.tokens.findIndex((t) => t === 'from' || t === 'in');
  if (at < 0) return undefined;
  return f.a.tokens.slice(at + 1).find((t) => MEMBERSHIP_CONTAINERS.has(t));
};

/** "Flush table cache", "Clear the query cache": what goes is a cache, whatever the name says. */
const CACHE_LEAD = /^\s*(?:flush(?:es)?|clears?|purges?|invalidates?|resets?|empt(?:y|ies)|drops?|evicts?)\s+(?:the\s+|all\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}?caches?\b/i;
const cacheOnly = (f: RiskFacts) => f.head === 'cache' || CACHE_LEAD.test(f.a.lead);

const MANY = /^(?:[a-z]+\s){0,2}(?:multiple|all|many|several|every|bulk)\b/;

/** Bulk scope: a bulk or recursive flag, 'all' in the name, "Delete multiple …" in the description. */
function multiplicity(f: RiskFacts): string | undefined {
  const flag = f.s.bulk[0];
  if (flag) return `parameter \`${flag.path}\` widens the scope (bulk, recursive or forced)`;
  const word = f.a.tokens.find((t) => BULK_NAME.has(t));
  if (word) return `name targets '${word}'`;
  return MANY.test(f.text) ? 'the description says it deletes many at once' : undefined;
}

export const DESTRUCTIVE_RULES: RiskRule[] = [
  {
    id: 'destructive.router', category: 'Destructive', effect: 'base', to: 'High',
    consequence: 'A runaway agent could run its deleting sub-commands on anything the credentials reach.',
    summary: 'a sub-command router whose listed actions include deleting',
    test: (f) => f.s.selector ? 'one of the actions it routes deletes' : undefined,
  },
  {
    id: 'destructive.may-lose', category: 'Destructive', effect: 'base', to: 'Medium',
    consequence: 'A runaway agent could throw away unsaved or uncommitted work.',
    summary: 'an action that the description warns can lose unsaved or uncommitted work',
    test: (f) => f.c.evidence.includes(DATA_LOSS_EVIDENCE) && !f.a.nameVerbs.some((v) => v.cls === 'destructive') ? 'it can lose unsaved or uncommitted work, not stored records' : undefined,
  },
  {
    id: 'destructive.membership', category: 'Destructive', effect: 'base', to: 'Medium',
    consequence: 'A runaway agent could empty the list item by item; the items themselves survive.',
    summary: 'removes an item from a list or collection; the item itself stays',
    test: (f) => { const c = containerOf(f); return c && !STORE.has(f.head) ? `removes an item from a ${c}; the item itself is kept` : undefined; },
  },
  {
    id: 'destructive.own-process', category: 'Destructive', effect: 'base', to: 'Medium',
    consequence: 'A runaway agent could stop running work and interrupt whoever relies on it; no stored data is lost.',
    summary: 'stops a process or session, not stored data',
    test: (f) => endsProcess(f) ? `ends a ${f.head}, not stored data`
      : ENDS.has(f.lemma) && PROCESS_WORDS.test(f.text.slice(0, 100)) ? 'ends running processes or sessions, not stored data' : undefined,
  },
  {
    id: 'destructive.store', category: 'Destructive', effect: 'base', to: 'Critical',
    consequence: 'A runaway agent could wipe a whole store in one call.',
    summary: 'deletes a whole store (database, table, repository, project, cluster)',
    test: (f) => STORE.has(f.head) && !cacheOnly(f) ? `deletes a whole store ('${f.head}')` : undefined,
  },
  {
    id: 'destructive.low-value', category: 'Destructive', effect: 'base', to: 'Medium',
    consequence: 'A runaway agent could delete such items one by one; each loss is small but cannot be undone.',
    summary: 'deletes one low-value item (a comment, a tag, an event)',
    test: (f) => LOW_VALUE.has(f.head) ? `removes a low-value item ('${f.head}')` : cacheOnly(f) ? 'clears a cache, which is rebuilt from the data' : undefined,
  },
  {
    id: 'destructive.infrastructure', category: 'Destructive', effect: 'base', to: 'High',
    consequence: 'A runaway agent could irreversibly remove something other systems or people depend on.',
    summary: 'deletes an infrastructure object, an identity, a secret or data others rely on',
    test: (f) => INFRA.has(f.head) ? `removes an infrastructure or identity object ('${f.head}')` : undefined,
  },
  {
    id: 'destructive.bulk', category: 'Destructive', effect: 'bump',
    consequence: 'A runaway agent could delete many items in one call.',
    summary: 'widens the scope: bulk, recursive, forced, many at once, or cascading to what it contains',
    test: (f) => {
      if (endsProcess(f) || ENDS.has(f.lemma) && PROCESS_WORDS.test(f.text.slice(0, 100))) return undefined; // ending every session loses no stored data
      return multiplicity(f) ?? (CASCADE.test(f.text.slice(0, 200)) ? 'the deletion cascades to everything it contains' : undefined);
    },
  },
  {
    id: 'destructive.free-filter', category: 'Destructive', effect: 'raise', to: 'Critical',
    consequence: 'A runaway agent could delete everything a loose filter matches, up to the whole store.',
    summary: 'deletes whatever a free-text filter matches',
    test: (f) => { const p = f.s.params.find((q) => FILTER_PARAM.test(q.joined) && q.type === 'string' && !q.values); return p ? `parameter \`${p.path}\` deletes whatever a free filter matches` : undefined; },
  },
  {
    id: 'destructive.any-kind', category: 'Destructive', effect: 'raise', to: 'Critical',
    consequence: 'A runaway agent could delete any kind of resource it can name, stores included.',
    summary: 'deletes a resource of any kind named in a parameter',
    test: (f) => f.s.kind ? `parameter \`${f.s.kind.path}\` allows any resource kind` : undefined,
  },
  {
    id: 'destructive.generic-api', category: 'Destructive', effect: 'raise', to: 'Critical',
    consequence: 'A runaway agent could send DELETE to any endpoint the credentials reach.',
    summary: 'a generic API request that can DELETE any endpoint',
    test: (f) => f.s.methods && (f.s.endpoint || f.s.urls.length || f.s.paths.length) ? 'generic API request that can DELETE any endpoint' : undefined,
  },
  {
    id: 'destructive.any-path', category: 'Destructive', effect: 'raise', to: 'Critical',
    consequence: 'A runaway agent could delete any file or directory the server can reach.',
    summary: 'deletes any path on the filesystem',
    // deleting rows of a spreadsheet at a path deletes rows, not the path
    test: (f) => f.fsPaths.length && !f.bounded && !f.s.methods && !LOW_VALUE.has(f.head) && !cacheOnly(f) ? `parameter \`${f.fsPaths[0].path}\` deletes any path` : undefined,
  },
  {
    id: 'destructive.personal-store', category: 'Destructive', effect: 'lower', to: 'Medium',
    consequence: 'A runaway agent could delete personal items; the loss stays inside that store.',
    summary: 'deletes from a personal or local store (a to-do app, a local task queue), cascade or not',
    test: (f) => f.personal && !f.fsPaths.length && !INFRA.has(f.head) && !multiplicity(f) ? 'deletes from a personal or local store' : undefined,
  },
  {
    id: 'destructive.personal-store-bulk', category: 'Destructive', effect: 'lower', to: 'High',
    consequence: 'A runaway agent could delete many personal items at once; the loss stays inside that store.',
    summary: 'deletes many items at once from a personal or local store',
    test: (f) => f.personal && !f.fsPaths.length && !INFRA.has(f.head) && multiplicity(f) ? 'deletes many at once, but from a personal or local store' : undefined,
  },
];
