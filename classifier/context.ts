// The server a tool lives in: what its siblings and description say it is about (a live voice call,
// a browser, a device, a shell, a local store), read once per server.
import type { ToolDefinition } from '../db/tool-definition.ts';
import type { ServerContext } from './types.ts';
import { nameKey, splitName, wordSet } from './tokens.ts';
import { nameVerb } from './verbs.ts';

export type DomainId = 'voice' | 'browser' | 'device' | 'shell' | 'filesystem' | 'payments' | 'messaging' | 'database' | 'infra' | 'memory' | 'debugger';

interface DomainDef { label: string; core: string[]; more: string[] }
interface DomainIndex { all: string[]; coreSet: Set<string>; allSet: Set<string> }

const DOMAINS: Record<DomainId, DomainDef> = {
  voice: { label: 'a live voice call', core: ['call', 'calls', 'dial', 'hangup', 'voice', 'twilio', 'telephony', 'sip', 'phone'], more: ['say', 'speak', 'listen', 'converse', 'tts', 'speech', 'audio', 'transcript'] },
  browser: { label: 'browser automation', core: ['browser', 'page', 'tab', 'playwright', 'puppeteer', 'devtools', 'chrome'], more: ['click', 'navigate', 'screenshot', 'hover', 'dom', 'selector', 'fill', 'scroll'] },
  device: { label: 'control of a mobile device', core: ['mobile', 'device', 'android', 'ios', 'adb', 'simulator', 'emulator'], more: ['swipe', 'tap', 'screen', 'app', 'apps', 'press'] },
  shell: { label: 'a shell on the host', core: ['shell', 'terminal', 'bash', 'process', 'processes'], more: ['command', 'commands', 'exec', 'pid', 'kill', 'session', 'sessions'] },
  filesystem: { label: 'a local filesystem', core: ['file', 'files', 'directory', 'directories', 'filesystem'], more: ['path', 'folder', 'tree', 'move', 'read', 'write', 'edit'] },
  payments: { label: 'payments or trading', core: ['payment', 'payments', 'stripe', 'charge', 'refund', 'invoice', 'wallet', 'trade', 'order', 'orders'], more: ['balance', 'price', 'customer', 'subscription', 'payout', 'transfer', 'crypto', 'token'] },
  messaging: { label: 'messaging', core: ['message', 'messages', 'email', 'mail', 'sms', 'chat', 'slack', 'channel', 'channels'], more: ['send', 'reply', 'inbox', 'thread', 'conversation', 'conversations'] },
  database: { label: 'a database', core: ['sql', 'database', 'databases', 'table', 'tables', 'postgres', 'mysql', 'mongo', 'redis', 'sqlite'], more: ['query', 'schema', 'row', 'rows', 'collection', 'index'] },
  infra: { label: 'cloud infrastructure', core: ['kubernetes', 'k8s', 'cluster', 'aws', 'azure', 'gcp', 'terraform', 'aks', 'eks', 'vm', 'ec2', 'helm'], more: ['deploy', 'node', 'nodes', 'pod', 'pods', 'namespace', 'instance', 'container'] },
  debugger: { label: 'a debugging session', core: ['gdb', 'lldb', 'debugger', 'debug', 'breakpoint', 'breakpoints', 'dap'], more: ['step', 'next', 'continue', 'frame', 'backtrace', 'stack', 'register', 'registers', 'watchpoint', 'finish', 'attach', 'detach', 'variables', 'command', 'run', 'start', 'load'] },
  memory: { label: 'a local knowledge store', core: ['memory', 'knowledge', 'graph', 'notes'], more: ['entities', 'entity', 'relations', 'observations', 'nodes'] },
};

const INDEX = new Map<DomainId, DomainIndex>();
const DOMAIN_IDS = Object.keys(DOMAINS) as DomainId[];
/** Each domain word's domains, by position in DOMAIN_IDS, once per occurrence in a domain's word list. */
const WORD_DOMAINS = new Map<string, number[]>();
DOMAIN_IDS.forEach((id, k) => {
  const d = DOMAINS[id];
  const all = [...d.core, ...d.more];
  INDEX.set(id, { all, coreSet: new Set(d.core), allSet: new Set(all) });
  for (const w of all) {
    const list = WORD_DOMAINS.get(w);
    if (list) list.push(k); else WORD_DOMAINS.set(w, [k]);
  }
});

export interface DomainHit { id: DomainId; label: string; /** Up to six tools whose names carry the domain's words. */ siblings: string[] }

export interface ServerAnalysis {
  name: string;
  domains: Map<DomainId, DomainHit>;
  siblingNames: Set<string>;
  /** Each tool's name words, split once. */
  words: Map<ToolDefinition, string[]>;
  /** Sibling names as `nameKey()` gives them. */
  siblingKeys: Set<string>;
  /** The server limits file access to configured roots (it has an "allowed directories" tool or says so). */
  rootsBounded: boolean;
  /** A first word most tools share (`pay_status`, `pay_send`): a namespace, not a verb. */
  prefix?: string;
  /** Lower-case words of the server name, ignored when naming a tool's object. */
  serverWords: Set<string>;
  /** The server is about money: payments, banking, trading or crypto (its name, description or siblings say so). */
  money: boolean;
}

/** Words that make a server a money server, so that its `transfer`, `swap` and `trade` move money. */
const MONEY_SERVER = new Set(('pay payment payments stripe paypal wallet wallets bank banking exchange trading trade trader crypto defi ' +
  'binance coinbase kraken ccxt bybit okx broker brokerage stock stocks invest investing finance financial lightning bitcoin btc ' +
  'ethereum eth solana sol evm onchain chain blockchain web3 swap dex uniswap jupiter token tokens usdc alpaca robinhood plaid ' +
  'square adyen braintree mollie razorpay lnbits nwc zbd coin coins nft bnb polygon arbitrum base erc20 spl hyperliquid polymarket ' +
  'kalshi manifold betting bet casino forex fx').split(' '));

/** Counts `w` for each domain that lists it (in `total`, and in `core` where it is a core word). */
function countDomainWord(w: string, core: number[], total: number[]): void {
  const ks = WORD_DOMAINS.get(w);
  if (!ks) return;
  for (const k of ks) {
    total[k]++;
    if (INDEX.get(DOMAIN_IDS[k])!.coreSet.has(w)) core[k]++;
  }
}

const ROOTS_TEXT = /allowed directories|allowed director(?:y|ies)|within (?:the )?(?:configured |allowed )?roots/i;

/** Reads the server once: domains from its name, description and sibling names, and whether paths are bounded. */
export function analyzeServer(ctx: ServerContext): ServerAnalysis {
  const siblingNames = new Set<string>();
  const siblingKeys = new Set<string>();
  for (const t of ctx.tools) { siblingNames.add(t.name); siblingKeys.add(nameKey(t.name)); }
  const serverWords = new Set(splitName(ctx.name ?? ''));
  const serverText = wordSet(`${ctx.name ?? ''} ${ctx.description ?? ''}`);
  const toolWords = new Map<string, ToolDefinition[]>();
  const split = ctx.tools.map((t) => splitName(t.name));
  ctx.tools.forEach((t, i) => {
    const ws = split[i];
    for (let j = 0; j < ws.length; j++) {
      const w = ws[j];
      if (ws.indexOf(w) < j) continue; // each tool once per word
      const list = toolWords.get(w);
      if (list) list.push(t); else toolWords.set(w, [t]);
    }
  });
  // count each domain's words present (in the tool names or the server's text) from the words present,
  // then list siblings only for the domains that qualify, in the domain's word order
  const core = new Array<number>(DOMAIN_IDS.length).fill(0);
  const total = new Array<number>(DOMAIN_IDS.length).fill(0);
  for (const w of toolWords.keys()) countDomainWord(w, core, total);
  for (const w of serverText) if (!toolWords.has(w)) countDomainWord(w, core, total);
  const domains = new Map<DomainId, DomainHit>();
  DOMAIN_IDS.forEach((id, k) => {
    if (core[k] < 1 || total[k] < 3) return;
    const siblings: string[] = [];
    for (const w of INDEX.get(id)!.all) {
      const inTools = toolWords.get(w);
      if (inTools) for (const t of inTools) if (siblings.length < 6 && !siblings.includes(t.name)) siblings.push(t.name);
    }
    domains.set(id, { id, label: DOMAINS[id].label, siblings });
  });
  let rootsBounded = false;
  for (const words of split) {
    if (words.includes('allowed') && (words.includes('directories') || words.includes('roots') || words.includes('paths'))) rootsBounded = true;
  }
  if (!rootsBounded && ctx.description && ROOTS_TEXT.test(ctx.description)) rootsBounded = true;
  const firsts = new Map<string, number>();
  for (const words of split) { const w = words[0]; if (w) firsts.set(w, (firsts.get(w) ?? 0) + 1); }
  let prefix: string | undefined;
  for (const [w, n] of firsts) {
    if (ctx.tools.length < 3 || n < 0.6 * ctx.tools.length) continue;
    // a namespace is followed by verbs (pay_send, pay_withdraw); a verb prefix by nouns (get_stock_price)
    let verbSecond = 0;
    for (const words of split) if (words[0] === w && words[1] && nameVerb(words[1])) verbSecond++;
    if (verbSecond >= 0.3 * n) prefix = w;
  }
  const words = new Map<ToolDefinition, string[]>();
  ctx.tools.forEach((t, i) => words.set(t, split[i]));
  let money = domains.has('payments');
  for (const w of serverWords) if (MONEY_SERVER.has(w)) money = true;
  return { name: ctx.name ?? 'this server', domains, siblingNames, words, siblingKeys, prefix, rootsBounded, serverWords, money };
}

/** The domain a tool's own words point to (a tool named `call_end` on a voice server), if any. */
export function toolDomain(server: ServerAnalysis, tokens: string[]): DomainHit | undefined {
  for (const hit of server.domains.values()) {
    const def = INDEX.get(hit.id)!;
    for (const t of tokens) if (def.allSet.has(t)) return hit;
  }
  return undefined;
}

/** The evidence line for a domain, naming up to three siblings other than `self`. */
export function domainEvidence(hit: DomainHit, self: string): string {
  const others = hit.siblings.filter((s) => s !== self).slice(0, 3);
  return `sibling tools ${others.join(', ')} suggest ${hit.label}`;
}
