// Verbs whose category depends on their object: `open_url` runs a browser, `open_nodes` reads a graph;
// `run_panel_query` reads; `make_call` places a call; `create_refund` moves money.
import { claimsOf, type ToolAnalysis } from './analysis.ts';
import type { Verb } from './intent.ts';
import { CODE, CREDENTIAL, MESSAGE, PAYMENT_ARTIFACT, UI } from './nouns.ts';
import { nameVerb, type VerbClass } from './verbs.ts';

const OPENABLE = new Set(['url', 'page', 'tab', 'browser', 'app', 'window', 'link', 'website', 'site', 'application', 'pwa']);
const CLOSABLE = new Set(['page', 'tab', 'window', 'app', 'browser', 'session', 'connection', 'dialog', 'application']);
const SELECTABLE = new Set(['option', 'element', 'dropdown', 'checkbox', 'radio']);
const QUERY_RUN = new Set(['query', 'report', 'audit', 'analysis', 'detector', 'check', 'search', 'lint', 'scan', 'diagnostic', 'analyzer', 'inspection']);
/** Money moves by itself when one of these is created or sent. */
const MONEY_MOVES = new Set(['payment', 'charge', 'refund', 'payout', 'transfer', 'trade', 'transaction', 'withdrawal', 'deposit', 'swap', 'purchase', 'order', 'wire', 'remittance', 'bet', 'wager', 'donation', 'tip', 'bid', 'collateral', 'liquidity', 'margin', 'loan', 'stake', 'position']);
const INHERENTLY_MONEY = new Set(['payment', 'charge', 'refund', 'payout', 'withdrawal', 'deposit', 'wire', 'remittance', 'donation', 'purchase', 'nft', 'token', 'coin', 'crypto', 'usdc', 'eth', 'btc', 'sol', 'bitcoin', 'collateral', 'fund', 'stablecoin', 'lamport', 'sat', 'satoshi']);
const SEND_LIKE = new Set(['create', 'add', 'make', 'place', 'start', 'initiate', 'new', 'post', 'put', 'write', 'do', 'perform', 'submit', 'execute', 'process', 'handle', 'initialize']);
/** Verbs that set money moving when their object is a payment, transfer or trade. */
const MONEY_VERBS = new Set(['create', 'make', 'place', 'submit', 'send', 'execute', 'initiate', 'process', 'confirm', 'authorize', 'capture', 'issue', 'approve', 'perform', 'do', 'handle', 'start', 'sign', 'post', 'run', 'complete', 'add', 'supply', 'provide', 'open', 'increase', 'remove', 'withdraw']);
const BILLS = new Set(['finalize', 'finalise', 'pay', 'charge', 'collect', 'capture', 'settle']);
const BILLABLE = new Set(['invoice', 'bill', 'subscription', 'installment', 'instalment']);
const AMENDS = new Set(['cancel', 'amend', 'modify', 'replace', 'edit', 'update', 'close']);
const TRADING_PARAMS = new Set(['side', 'symbol', 'ticker', 'limitprice', 'stopprice', 'price']);
const TRADING_WORDS = /\b(?:buy|sell|market order|limit order|stop order|trade|trading|exchange|brokerage|checkout)\b/i;
/** Orders that are business records, not spending (`create_sales_order`, `create_manufacturing_order`). */
const RECORD_ORDER = new Set(['sales', 'sale', 'work', 'manufacturing', 'production', 'purchase', 'service', 'stock', 'transfer', 'return', 'repair', 'maintenance', 'change', 'job']);
const MONEY_WORDS = /\b(?:money|funds?|usd|eur|currency|balance|wallet|payment|pay|cents|crypto|usdc|eth|btc|bank|card|price)\b/i;

function has(objects: string[], set: ReadonlySet<string>): string | undefined {
  for (const o of objects) if (set.has(o)) return o;
  return undefined;
}

/** Text objects that a formatter rewrites in its output only (`format_sql`), not in place. */
const TEXT_OBJECTS = new Set(['sql', 'code', 'json', 'xml', 'yaml', 'yml', 'text', 'query', 'date', 'time', 'number', 'string', 'markdown', 'md', 'html', 'css', 'js', 'javascript', 'python', 'csv', 'phone', 'currency', 'output', 'response', 'result', 'message', 'timestamp', 'duration', 'size', 'byte', 'bytes', 'name', 'address', 'url', 'uuid']);
const DISKS = new Set(['disk', 'drive', 'partition', 'volume', 'filesystem', 'card']);
/** Content a CMS publishes: making it public is a reversible write (`publish_asset`). */
const PUBLISHABLE = new Set(['asset', 'entry', 'content', 'page', 'article', 'draft', 'document', 'doc', 'version', 'blog', 'story', 'mock', 'model', 'change', 'form', 'survey', 'template', 'view', 'dashboard', 'report', 'post', 'flow', 'workflow', 'agent', 'schema', 'theme', 'product', 'collection', 'item', 'snippet']);
/** What one subscribes to in order to receive (a pub/sub channel), rather than signing someone up. */
const LISTENABLE = new Set(['channel', 'topic', 'pattern', 'event', 'stream', 'feed', 'notification', 'update', 'log', 'change', 'message', 'subject', 'queue', 'key', 'keyspace']);
const PLAYBACK = new Set(['playback', 'device', 'call', 'session', 'track', 'song', 'music', 'audio', 'stream', 'speaker']);
/** What running tests of executes: a project's own code (`test_macos_ws`, `run_apex_test`). */
const CODE_UNDER_TEST = new Set(['workspace', 'project', 'suite', 'package', 'scheme', 'target', 'unit', 'apex', 'spec', 'class', 'method', 'code', 'build', 'app', 'module', 'library', 'crate', 'smoke', 'integration', 'e2e', 'ws', 'sim', 'simulator', 'device', 'flow', 'pipeline', 'job', 'evaluation']);
/** An inspection that running only reads (`run_accessibility_test`, `run_checkov` "…scanner"). */
const INSPECTION = /\b(?:scan(?:ner|s)?|check(?:er|s)?|audit|lint(?:er)?|analy[sz](?:is|er|e)|accessibility|a11y|lighthouse|diagnos(?:tic|is|e)s?|inspection|report|query|queries|search|validat(?:ion|or)|compliance)\b/i;
const CODE_WORDS = /\b(?:javascript|js|script|expression|code|function|python|typescript)\b/i;
const REPOSITORY = new Set(['repository', 'repo', 'branch', 'remote', 'fork', 'checkout', 'worktree']);
const DERIVED = new Set(['index', 'cache', 'embedding', 'thumbnail', 'preview', 'metadata', 'catalog', 'token', 'credential', 'data', 'state', 'model', 'status']);
const CONTAINERS = /\b(?:docker|compose|container|containers|services?|podman|kubernetes|stack)\b/i;
const WRITTEN_ARTIFACTS = new Set(['link', 'url', 'invite', 'invitation', 'token', 'key', 'password', 'credential', 'apikey', 'secret', 'invoice', 'coupon', 'certificate', 'cert', 'voucher',
  'order', 'ticket', 'shipment', 'booking', 'reservation']);
const SAVES = /\b(?:creates?|saves?|writes?|stores?|imports?|uploads?)\b/i;
const TEST_RUN = /\b(?:runs?|running|executes?)\s+(?:the\s+|all\s+|unit\s+|\w+\s+)?tests?\b|\btest suites?\b|\bxcodebuild\b|\bpytest\b|\bjest\b|\bvitest\b|\bmocha\b|\bgo test\b|\bcargo test\b/i;
const TIMERS = new Set(['timer', 'stopwatch', 'time', 'entry', 'tracking', 'pomodoro', 'timesheet']);
const CHANNEL_WORDS = /\b(?:channels?|topics?|events?|pattern)\b/i;

/** The category class of a verb once its object is known. */
export function contextualClass(v: Verb, a: ToolAnalysis): VerbClass {
  const o = a.objects;
  const lead = a.lead;
  switch (v.lemma) {
    case 'open': return has(o, OPENABLE) || a.schema.urls.length || (v.source === 'description' && (objectPhrase(lead, v.word).some((w) => OPENABLE.has(w)) || leadWords(lead).slice(0, 8).some((w) => OPENABLE.has(w)))) ? 'execute' : 'read';
    case 'close': return has(o, CLOSABLE) ? 'execute' : 'write';
    case 'select': return has(o, SELECTABLE) ? 'execute' : 'read';
    case 'evaluate': return a.schema.code || has(o, CODE) || (v.source !== 'schema' && CODE_WORDS.test(lead)) ? 'execute' : 'read';
    case 'generate': return has(o, CREDENTIAL) || has(o, WRITTEN_ARTIFACTS) || SAVES.test(lead) || objectPhrase(lead, v.word).some((w) => WRITTEN_ARTIFACTS.has(w)) ? 'write' : 'read';
    case 'reset': return has(o, CREDENTIAL) ? 'write' : 'destructive';
    case 'push': return a.schema.bulk.some((p) => p.tokens.includes('force')) ? 'destructive' : v.cls;
    case 'transfer': return moneyContext(a, o) ? 'financial' : has(o, PLAYBACK) ? 'execute' : v.cls;
    case 'checkout': return moneyContext(a, o) && !has(o, PAYMENT_ARTIFACT) ? 'financial' : 'write';
    case 'swap': case 'trade': case 'bid': case 'tip': case 'deposit': return moneyContext(a, o) ? 'financial' : 'write';
    case 'format': return has(o, DISKS) ? 'destructive' : has(o, TEXT_OBJECTS) || !o.length ? 'read' : 'write';
    case 'publish': return has(o, PUBLISHABLE) ? 'write' : v.cls;
    case 'subscribe': return has(o, LISTENABLE) || CHANNEL_WORDS.test(lead.slice(0, 80)) ? 'read' : v.cls;
    case 'refresh': case 'reload': return has(o, REPOSITORY) || has(o, DERIVED) || objectPhrase(lead, v.word).some((w) => DERIVED.has(w) || REPOSITORY.has(w)) ? 'write' : v.cls;
    case 'compose': return CONTAINERS.test(`${o.join(' ')} ${a.server.name} ${lead}`) && !has(o, MESSAGE) ? 'execute' : v.cls;
    case 'test': return has(o, CODE_UNDER_TEST) || TEST_RUN.test(lead) ? 'execute' : 'read';
    case 'start': return has(o, TIMERS) ? 'write' : contextualRun(v, a, o, lead);
    case 'stop': case 'pause': case 'resume': return has(o, TIMERS) ? 'write' : v.cls;
    case 'run': case 'execute': case 'exec': case 'trigger': return contextualRun(v, a, o, lead);
    default: return v.cls;
  }
}

const PHRASE_STOP = new Set(['on', 'in', 'for', 'against', 'to', 'from', 'with', 'using', 'via', 'by', 'at', 'of', 'that', 'which', 'and', 'then', 'through', 'into', 'over', 'when', 'if', 'before', 'after', 'where', 'so', 'as', 'or', 'across', 'within', 'inside']);
const TESTS = new Set(['test', 'tests', 'check', 'checks', 'run', 'runs', 'job', 'jobs']);

/** The words after `verb` in a description's opening, up to a preposition: "Run Checkov security scanner on …". */
const WORDS_OF = new Map<string, string[]>();
const LEAD_WORD = /[^a-z0-9-]+/;

/** The lower-case words of a description's opening, split once per description (a small bounded cache). */
function leadWords(lead: string): string[] {
  let words = WORDS_OF.get(lead);
  if (!words) {
    words = lead.slice(0, 160).toLowerCase().split(LEAD_WORD).filter(Boolean);
    if (WORDS_OF.size > 256) WORDS_OF.clear();
    WORDS_OF.set(lead, words);
  }
  return words;
}

function objectPhrase(lead: string, verb: string): string[] {
  if (!lead) return [];
  const words = leadWords(lead);
  const at = words.findIndex((w) => w === verb || w.startsWith(verb));
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 1; i < words.length && out.length < 8; i++) {
    if (PHRASE_STOP.has(words[i]) && (words[i] !== 'and' || !out.length || !INSPECTION.test(words[i + 1] ?? ''))) break;
    if (out.length && words[i].endsWith('ed')) break; // "a tool discovered through …"
    out.push(words[i]);
  }
  return out;
}

/** Whether a verb's object is an inspection: its head noun is one ("scanner"), or modifies "tests" ("accessibility tests"). */
function inspects(words: string[]): boolean {
  if (!words.length) return false;
  const head = words[words.length - 1];
  if (INSPECTION.test(head)) return true;
  return TESTS.has(head) && words.length > 1 && INSPECTION.test(words[words.length - 2]);
}

/** `run`, `execute`, `start`: an inspection they run only reads ("Run security scan on …", "Run Checkov … scanner"). */
function contextualRun(v: Verb, a: ToolAnalysis, o: string[], lead: string): VerbClass {
  if (a.schema.shell || a.schema.code || a.schema.queryLang?.writable || claimsOf(a).runs) return v.cls;
  if (has(o, QUERY_RUN) || inspects(o)) return 'read';
  return inspects(objectPhrase(lead, v.word)) ? 'read' : v.cls;
}

function moneyContext(a: ToolAnalysis, objects: string[]): boolean {
  return has(objects, INHERENTLY_MONEY) !== undefined || a.schema.currency !== undefined
    || MONEY_WORDS.test(a.description.slice(0, 300)) || a.server.money;
}

/** An order that buys or sells (a trading or shopping order), not a work or stock order. */
function tradingOrder(a: ToolAnalysis, verb: Verb): boolean {
  if (has(a.objects, RECORD_ORDER)) return false;
  if (verb.lemma === 'place' || verb.lemma === 'submit') return true;
  return a.schema.params.some((p) => TRADING_PARAMS.has(p.joined)) || TRADING_WORDS.test(a.description.slice(0, 300));
}

/** Holdings that closing or removing unwinds, paying the money out (so it is no mere amendment). */
export const HOLDINGS: ReadonlySet<string> = new Set(['collateral', 'liquidity', 'stake', 'position', 'margin', 'loan', 'deposit']);
const UNWINDS = new Set(['remove', 'withdraw', 'close', 'unstake', 'redeem', 'liquidate', 'exit', 'unwind', 'reduce', 'decrease']);

export interface ObjectRule { cls: VerbClass; evidence: string }

/**
 * What the verb-object pair implies beyond the verb: a mutating verb on a money-moving object is Financial
 * (a payment link is not); creating or placing a message or call is Execute.
 */
export function objectRule(verb: Verb | undefined, a: ToolAnalysis): ObjectRule | undefined {
  const o = a.objects;
  if (!verb || verb.cls === 'read' || verb.cls === 'financial') return undefined;
  // removing collateral or liquidity, closing a position: money moves out of it (DeFi, trading)
  const held = UNWINDS.has(verb.lemma) ? has(o, HOLDINGS) : undefined;
  if (held && (moneyContext(a, o) || TRADING_WORDS.test(a.description.slice(0, 300)))) {
    return { cls: 'financial', evidence: `name pairs '${verb.word}' with '${held}', which moves money out of it` };
  }
  if (verb.cls === 'destructive') return undefined;
  // finalizing an invoice bills the customer (Stripe charges a finalized invoice); drafting one does not
  const bill = BILLS.has(verb.lemma) ? has(o, BILLABLE) : undefined;
  if (bill) return { cls: 'financial', evidence: `name pairs '${verb.word}' with '${bill}', which bills the customer` };
  // cancelling or amending an open trading order changes market exposure
  if (AMENDS.has(verb.lemma) && o.includes('order') && (a.server.money || tradingOrder(a, verb))) {
    return { cls: 'financial', evidence: `name pairs '${verb.word}' with a trading order` };
  }
  const money = MONEY_VERBS.has(verb.lemma) ? has(o, MONEY_MOVES) : undefined;
  if (money && !has(o, PAYMENT_ARTIFACT) && (money === 'order' ? tradingOrder(a, verb) : moneyContext(a, o) || money === 'trade')) {
    return { cls: 'financial', evidence: `name pairs '${verb.word}' with '${money}', which moves money` };
  }
  // a message word before the head noun qualifies it: `chat_certificate_create` makes a certificate, sends nothing
  const named = has(o, MESSAGE);
  const msg = named && (!a.head || a.head === named || MESSAGE.has(a.head)) ? named : undefined;
  // an invite link, a draft: made, not sent
  if (msg && !o.includes('draft') && !(msg === 'invite' && (o.includes('link') || /\binvite\s+links?\b/i.test(a.lead))) && (SEND_LIKE.has(verb.lemma) || verb.cls === 'weak')) {
    return { cls: 'execute', evidence: `name pairs '${verb.word}' with '${msg}', which leaves the system` };
  }
  if (verb.cls === 'weak') {
    // a form field to fill, unless the description says what the tool does to it ("Create new custom fields")
    const ui = a.domain?.id !== 'browser' && !a.tokens.includes('browser') && a.descVerbs.some((v) => v.cls === 'write' || v.cls === 'destructive') ? undefined : has(o, UI);
    if (ui) return { cls: 'execute', evidence: `name pairs '${verb.word}' with the interface object '${ui}'` };
    const strong = (v: Verb) => v.cls !== 'weak';
    if (a.actionVerbs.length || a.descVerbs.some(strong) || a.titleVerbs.some(strong)) return undefined;
    for (const t of a.tokens) {
      const next = nameVerb(t);
      if (next && next.cls !== 'weak' && t !== verb.word) return { cls: next.cls, evidence: `name pairs '${verb.word}' with '${t}'` };
    }
    // "manage X" and nothing more specific: it changes what it manages (a lookup would say get or list)
    if (verb.lemma === 'manage' || verb.lemma === 'administer') return { cls: 'write', evidence: `the name's general verb '${verb.word}' says it changes ${o.length ? `the ${o[o.length - 1]}` : 'what it manages'}` };
  }
  return undefined;
}
