// Verbs whose category depends on their object: `open_url` runs a browser, `open_nodes` reads a graph;
// `run_panel_query` reads; `make_call` places a call; `create_refund` moves money.
import type { ToolAnalysis } from './analysis.ts';
import type { Verb } from './intent.ts';
import { CODE, CREDENTIAL, MESSAGE, PAYMENT_ARTIFACT, UI } from './nouns.ts';
import { nameVerb, type VerbClass } from './verbs.ts';

const OPENABLE = new Set(['url', 'page', 'tab', 'browser', 'app', 'window', 'link', 'website', 'site', 'application', 'pwa']);
const CLOSABLE = new Set(['page', 'tab', 'window', 'app', 'browser', 'session', 'connection', 'dialog', 'application']);
const SELECTABLE = new Set(['option', 'element', 'dropdown', 'checkbox', 'radio']);
const QUERY_RUN = new Set(['query', 'report', 'audit', 'analysis', 'detector', 'check', 'search', 'lint', 'scan', 'diagnostic', 'analyzer', 'inspection']);
/** Money moves by itself when one of these is created or sent. */
const MONEY_MOVES = new Set(['payment', 'charge', 'refund', 'payout', 'transfer', 'trade', 'transaction', 'withdrawal', 'deposit', 'swap', 'purchase', 'order', 'wire', 'remittance', 'bet', 'wager', 'donation', 'tip', 'bid']);
const INHERENTLY_MONEY = new Set(['payment', 'charge', 'refund', 'payout', 'withdrawal', 'deposit', 'wire', 'remittance', 'donation', 'purchase']);
const SEND_LIKE = new Set(['create', 'add', 'make', 'place', 'start', 'initiate', 'new', 'post', 'put', 'write', 'do', 'perform', 'submit', 'execute', 'process', 'handle', 'initialize']);
/** Verbs that set money moving when their object is a payment, transfer or trade. */
const MONEY_VERBS = new Set(['create', 'make', 'place', 'submit', 'send', 'execute', 'initiate', 'process', 'confirm', 'authorize', 'capture', 'issue', 'approve', 'perform', 'do', 'handle', 'start', 'sign', 'post', 'run', 'complete']);
const TRADING_PARAMS = new Set(['side', 'symbol', 'ticker', 'limitprice', 'stopprice', 'price']);
const TRADING_WORDS = /\b(?:buy|sell|market order|limit order|trade|trading|purchase|checkout)\b/i;
const MONEY_WORDS = /\b(?:money|funds?|usd|eur|currency|balance|wallet|payment|pay|cents|crypto|usdc|eth|btc|bank|card|price)\b/i;

function has(objects: string[], set: ReadonlySet<string>): string | undefined {
  for (const o of objects) if (set.has(o)) return o;
  return undefined;
}

/** The category class of a verb once its object is known. */
export function contextualClass(v: Verb, a: ToolAnalysis): VerbClass {
  const o = a.objects;
  switch (v.lemma) {
    case 'open': return has(o, OPENABLE) || a.schema.urls.length ? 'execute' : 'read';
    case 'close': return has(o, CLOSABLE) ? 'execute' : 'write';
    case 'select': return has(o, SELECTABLE) ? 'execute' : 'read';
    case 'evaluate': return a.schema.code || has(o, CODE) ? 'execute' : 'read';
    case 'generate': return has(o, CREDENTIAL) ? 'write' : 'read';
    case 'reset': return has(o, CREDENTIAL) ? 'write' : 'destructive';
    case 'push': return a.schema.bulk.some((p) => p.tokens.includes('force')) ? 'destructive' : v.cls;
    case 'transfer': return moneyContext(a, o) ? 'financial' : v.cls;
    case 'checkout': case 'swap': return moneyContext(a, o) ? 'financial' : 'write';
    case 'run': case 'execute': case 'exec': case 'start': case 'trigger':
      return has(o, QUERY_RUN) && !a.schema.shell && !a.schema.code ? 'read' : v.cls;
    default: return v.cls;
  }
}

function moneyContext(a: ToolAnalysis, objects: string[]): boolean {
  return has(objects, INHERENTLY_MONEY) !== undefined || a.schema.currency !== undefined
    || MONEY_WORDS.test(a.description.slice(0, 300));
}

/** An order that buys or sells (a trading or shopping order), not a work or stock order. */
function tradingOrder(a: ToolAnalysis, verb: Verb): boolean {
  if (verb.lemma === 'place' || verb.lemma === 'submit') return true;
  return a.schema.params.some((p) => TRADING_PARAMS.has(p.tokens.join(''))) || TRADING_WORDS.test(a.description.slice(0, 300));
}

export interface ObjectRule { cls: VerbClass; evidence: string }

/**
 * What the verb-object pair implies beyond the verb: a mutating verb on a money-moving object is Financial
 * (a payment link is not); creating or placing a message or call is Execute.
 */
export function objectRule(verb: Verb | undefined, a: ToolAnalysis): ObjectRule | undefined {
  const o = a.objects;
  if (!verb || verb.cls === 'read' || verb.cls === 'destructive' || verb.cls === 'financial') return undefined;
  const money = MONEY_VERBS.has(verb.lemma) ? has(o, MONEY_MOVES) : undefined;
  if (money && !has(o, PAYMENT_ARTIFACT) && (money === 'order' ? tradingOrder(a, verb) : moneyContext(a, o) || money === 'trade')) {
    return { cls: 'financial', evidence: `name pairs '${verb.word}' with '${money}', which moves money` };
  }
  const msg = has(o, MESSAGE);
  if (msg && !o.includes('draft') && (SEND_LIKE.has(verb.lemma) || verb.cls === 'weak')) {
    return { cls: 'execute', evidence: `name pairs '${verb.word}' with '${msg}', which leaves the system` };
  }
  if (verb.cls === 'weak') {
    const ui = has(o, UI);
    if (ui) return { cls: 'execute', evidence: `name pairs '${verb.word}' with the interface object '${ui}'` };
    if (a.actionVerbs.length || a.descVerbs.length || a.titleVerbs.length) return undefined;
    for (const t of a.tokens) {
      const next = nameVerb(t);
      if (next && next.cls !== 'weak' && t !== verb.word) return { cls: next.cls, evidence: `name pairs '${verb.word}' with '${t}'` };
    }
  }
  return undefined;
}
