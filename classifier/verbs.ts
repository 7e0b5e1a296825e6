// Verb lexicons per category (DESIGN §4). A verb is "ambiguous" when it is just as often a noun
// (run, post, call, test), so that a later, unambiguous verb in a name wins over it.

export type VerbClass = 'financial' | 'destructive' | 'execute' | 'write' | 'read' | 'weak';

export interface VerbInfo {
  lemma: string;
  cls: VerbClass;
  /** 'verb' leans verb (run, list), 'noun' leans noun (email, call, status); undefined: a plain verb. */
  ambiguous?: 'verb' | 'noun';
}

// `*` marks a verb that is also a noun but leans verb (run, search, list); `+` one that leans noun
// (email, call, post, order, status): as a name's first word it is read as a noun when a verb follows.
const LEXICON: Record<VerbClass, string> = {
  financial: 'pay charge+ refund buy purchase sell trade+ withdraw deposit+ checkout+ tip+ donate invest bid+ ' +
    'swap* stake unstake remit wire+ settle payout+ order+ borrow lend repay redeem liquidate',
  destructive: 'delete remove drop* purge destroy erase wipe truncate revoke terminate kill uninstall clear ' +
    'reset* rm rmdir unregister deregister discard overwrite evict expire flush ban kick trash+ nuke unlink* void+',
  execute: 'run* execute exec eval invoke call+ trigger dispatch send post+ publish broadcast notify email+ sms+ ' +
    'text+ message+ reply respond forward tweet retweet deploy redeploy build* rebuild compile launch start ' +
    'stop restart reboot shutdown halt pause resume suspend retry rerun cancel end+ hangup dial ring+ say speak ' +
    'converse play* click tap press* type+ fill* hover drag scroll swipe navigate goto focus+ emulate resize ' +
    'install provision scale+ apply* rollout promote migrate submit spawn shell+ ssh+ curl interact ' +
    'screencast record+ transcribe mute unmute join leave+ connect disconnect exit quit reload refresh* upgrade downgrade sign* ' +
    'schedule+ invite ping+ wake step+ skip*',
  write: 'create add insert update upsert set* put* edit modify patch+ change+ save store+ write append upload ' +
    'import* rename move* copy* clone fork+ duplicate assign unassign tag+ untag label+ link+ attach detach ' +
    'mark* star+ unstar pin+ unpin follow unfollow enable disable configure setup init initialize toggle lock+ ' +
    'unlock archive unarchive restore rollback revert sort* reorder format* transition+ commit+ draft+ compose ' +
    'replace merge+ approve unapprove accept decline reject deny resolve* reopen complete* finish finalize finalise acknowledge ack ' +
    'dismiss snooze close* grant authorize deauthorize login logout authenticate register enroll reserve allocate ' +
    'release+ book+ subscribe unsubscribe comment+ annotate note+ log+ bookmark+ favorite+ vote+ like+ react ' +
    'upvote downvote sync* push* share* transfer+ generate* make* deactivate activate rotate* renew ' +
    'extend* increment decrement claim+ report+ protect unprotect unmerge reauthorize receive confirm ' +
    'correct* fulfill arrange ship+ ' +
    'compress decompress gzip zip+ unzip optimize optimise reindex ingest freeze unfreeze deduplicate dedupe ' +
    'prioritize prioritise reprioritize',
  read: 'get list* search* find read fetch query* describe show view* check* inspect lookup look count* retrieve ' +
    'browse download export* reveal analyze analyse validate lint verify explain summarize summarise compare diff* ' +
    'preview* monitor* explore discover parse calculate calc compute* estimate decode encode echo suggest recommend guide+ ' +
    'render translate convert* scan* audit+ detect diagnose test* wait poll sample+ watch* tail+ peek extract identify ' +
    'classify predict forecast score+ measure benchmark+ profile+ trace+ load* open* capture* screenshot+ ' +
    'snapshot+ take* review* evaluate* determine research ask consult think reason+ plan+ answer+ return provide ' +
    'display print output+ select* seek visualize visualise plot+ chart+ draw* demonstrate simulate observe ' +
    'normalize normalise chunk+ split* prettify beautify minify tokenize tokenise ' +
    'collect* gather introspect dump+ whoami listen ' +
    // read heads: nouns that name a read (`call_status`, `health_check`)
    'status+ info+ details+ detail+ health+ stats+ statistics+ history+ summary+ version+ metadata+ overview+ ' +
    'schema+ docs+ documentation+ help+ usage+',
  weak: 'manage handle process* perform do use operate control+ administer batch+ crud admin+ work+ place+ initiate',
};

const INFO = new Map<string, VerbInfo>();
for (const cls of Object.keys(LEXICON) as VerbClass[]) {
  for (const entry of LEXICON[cls].split(/\s+/)) {
    if (!entry) continue;
    const mark = entry[entry.length - 1];
    const ambiguous = mark === '*' ? 'verb' : mark === '+' ? 'noun' : undefined;
    const lemma = ambiguous ? entry.slice(0, -1) : entry;
    if (!INFO.has(lemma)) INFO.set(lemma, ambiguous ? { lemma, cls, ambiguous } : { lemma, cls });
  }
}

/** Agent nouns used in names: `netlify-project-services-reader` reads, `...-updater` updates. */
const AGENT_NOUNS = new Map<string, string>(Object.entries({
  reader: 'read', writer: 'write', updater: 'update', creator: 'create', deleter: 'delete', remover: 'remove',
  executor: 'execute', runner: 'run', sender: 'send', fetcher: 'fetch', getter: 'get', setter: 'set',
  searcher: 'search', finder: 'find', lister: 'list', viewer: 'view', editor: 'edit', uploader: 'upload',
  downloader: 'download', scanner: 'scan', analyzer: 'analyze', checker: 'check', validator: 'validate',
  generator: 'generate', deployer: 'deploy', installer: 'install', launcher: 'launch', killer: 'kill',
  publisher: 'publish', notifier: 'notify', inspector: 'inspect', explorer: 'explore',
}));

const CONSONANT_Y = /[^aeiou]y$/;

/** Inflected forms accepted in prose: deletes, retrieves, creating, queries. Not past participles. */
const INFLECTED = new Map<string, VerbInfo>();
const DOUBLING = /[^aeiou][aeiou][bdgkmnprt]$/;
for (const info of INFO.values()) {
  const v = info.lemma;
  const forms = [v, v + 's', v + 'es', v + 'ing'];
  if (CONSONANT_Y.test(v)) forms.push(v.slice(0, -1) + 'ies');
  if (v.endsWith('e')) forms.push(v.slice(0, -1) + 'ing');
  if (DOUBLING.test(v)) forms.push(v + v[v.length - 1] + 'ing');
  for (const f of forms) if (!INFLECTED.has(f)) INFLECTED.set(f, info);
}

/** A verb written in a name (base form only: `deleted_items` is an adjective). */
export function nameVerb(word: string): VerbInfo | undefined {
  return INFO.get(word);
}

/** The verb an agent noun names: `reader` → read. */
export function agentVerb(word: string): VerbInfo | undefined {
  const agent = AGENT_NOUNS.get(word);
  return agent ? INFO.get(agent) : undefined;
}

/** A verb written in prose, in any of its present forms. */
export function proseVerb(word: string): VerbInfo | undefined {
  return INFLECTED.get(word);
}

/** The lemma's third-person form, for rationales: delete → deletes, query → queries. */
export function thirdPerson(lemma: string): string {
  // CONSONANT_Y and SIBILANT by the last letters (an end-anchored regex tries every position)
  const n = lemma.length;
  const last = lemma[n - 1];
  if (last === 'y' && n > 1 && !'aeiou'.includes(lemma[n - 2])) return lemma.slice(0, -1) + 'ies';
  if (last === 's' || last === 'x' || last === 'z' || last === 'o' || (last === 'h' && (lemma[n - 2] === 's' || lemma[n - 2] === 'c'))) return lemma + 'es';
  return lemma + 's';
}

/** HTTP methods as verbs (for `method` enums of generic API tools). */
export const HTTP_METHODS: Record<string, VerbClass> = {
  get: 'read', head: 'read', options: 'read', post: 'write', put: 'write', patch: 'write', delete: 'destructive',
};

/** Every verb of the lexicon in its base form, for callers that read words by meaning (the site's search). */
export function lexiconVerbs(): IterableIterator<VerbInfo> {
  return INFO.values();
}
