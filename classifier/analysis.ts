// Everything the classifier reads from one tool, computed once and shared by category, risk,
// findings, rationale and policy.
import type { ToolDefinition } from '../db/tool-definition.ts';
import { toolDomain, type DomainHit, type ServerAnalysis } from './context.ts';
import { makeVerb, verbsOfName, verbsOfProse, verbsOfValues, type Verb } from './intent.ts';
import { docParams } from './doc-params.ts';
import { schemaSignals, type SchemaSignals } from './schema-signals.ts';
import { singular, splitName } from './tokens.ts';
import { HTTP_METHODS, nameVerb } from './verbs.ts';

export interface Annotations {
  readOnly?: boolean;
  destructive?: boolean;
  idempotent?: boolean;
  openWorld?: boolean;
}

export interface Claims {
  /** The description says the tool is read-only. */
  readOnly: boolean;
  /** The description says the tool returns guidance, documentation or instructions. */
  guidance: boolean;
  /** Without a schema that shows it, the description says the tool runs a shell command, code or SQL. */
  runs?: 'shell' | 'code' | 'sql';
}

export interface ToolAnalysis {
  tool: ToolDefinition;
  description: string;
  /** The description's opening (up to 300 characters), for phrase tests. */
  lead: string;
  /** Lower-case words of the name. */
  tokens: string[];
  /** Name words that are neither verbs nor the server's own name, singular: what the tool acts on. */
  objects: string[];
  /** The head noun: the last object before a preposition (`remove_file_from_volume` → file). */
  head?: string;
  nameVerbs: Verb[];
  titleVerbs: Verb[];
  descVerbs: Verb[];
  actionVerbs: Verb[];
  /** Verb classes of an HTTP `method` enum. */
  methodVerbs: Verb[];
  schema: SchemaSignals;
  ann: Annotations;
  /** What the description claims; computed on first use by `claimsOf`. */
  claims?: Claims;
  server: ServerAnalysis;
  /** The server domain the tool's own name belongs to. */
  domain?: DomainHit;
}

const READ_ONLY_CLAIM = /\bread[- ]only\b(?! mode)|\bdoes not (?:modify|change|create|delete)|\bwithout (?:modifying|changing|side effects)|\bno side effects\b/i;
const GUIDANCE = /\b(?:provides?|returns?|gives?|generates?|offers?|get|gets)\b[^.]{0,60}?\b(?:documentation|docs|guidance|guidelines|instructions|best practices|runbook|recipe|checklist|step-by-step)\b/i;
const DESC_SHELL = /\b(?:shell|terminal|bash|powershell|cmd|zsh|wsl) commands?\b|\bcommand[- ]line\b|\bkubectl (?:commands?|args|arguments)\b|\b(?:execute|run)s? (?:a |an |any |the |arbitrary )?(?:[a-z0-9-]+ ){0,2}commands?\b(?! (?:palette|history|center))/i;
const DESC_SQL = /\b(?:sql|cypher)\b[^.]{0,40}\b(?:quer(?:y|ies)|statements?)\b|\((?:insert|update|delete|drop)\b/i;
/** A read-eval-print loop or interpreter runs whatever code it is given. */
const DESC_REPL = /\b(?:python|javascript|node(?:\.js)?|js|ruby|lua|r|julia|php|perl|sql|shell|bash)\s+(?:repl|interpreter|console)\b|\brepl\b/i;
const DESC_CODE = /\b(?:execut|run|eval)\w*\b[^.]{0,30}\b(?:javascript|python|arbitrary code|code snippets?|scripts?|(?:apple|java|power|type)script|code(?! (?:review|analysis|quality|coverage|scan|search|format|lint|complexity|owners?|snippet)))\b/i;

const STOP = new Set(['a', 'an', 'the', 'by', 'of', 'or', 'and', 'to', 'for', 'with', 'from', 'in', 'on', 'at', 'my', 'mcp', 'tool']);
/** Modifiers of the verb, not objects: `forceRefresh` refreshes, it does not act on a force. */
const MODIFIERS = new Set(['force', 'forced', 'hard', 'soft', 'quick', 'full', 'auto', 'safe', 'dry', 'fast', 'deep', 'smart', 'async', 'sync', 'bulk', 'batch', 'multi', 'single', 'simple', 'advanced', 'basic']);
/** All digits (`/^\d+$/`), read by character codes: every name word is tested. */
function digits(t: string): boolean {
  if (!t.length) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const HTTP_PREFIX = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Server-name words that still name what a tool acts on (`send_payments` on payments-sdk). */
const NOUN_OBJECTS = new Set(['payment', 'order', 'invoice', 'transaction', 'transfer', 'wallet', 'email', 'message', 'file', 'database', 'secret', 'repository', 'repo', 'user', 'project']);
const PREPOSITION = new Set(['from', 'in', 'on', 'to', 'for', 'of', 'by', 'with', 'into', 'at', 'as']);

function annotations(tool: ToolDefinition): Annotations {
  const a = tool.annotations;
  if (!a || typeof a !== 'object') return {};
  const out: Annotations = {};
  if (typeof a.readOnlyHint === 'boolean') out.readOnly = a.readOnlyHint;
  if (typeof a.destructiveHint === 'boolean') out.destructive = a.destructiveHint;
  if (typeof a.idempotentHint === 'boolean') out.idempotent = a.idempotentHint;
  if (typeof a.openWorldHint === 'boolean') out.openWorld = a.openWorldHint;
  return out;
}

const always = () => true;
const NO_OPTIONS = {};

function laterVerb(tokens: string[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (nameVerb(tokens[i])) return true;
  return false;
}

const SENTENCE_END = /[.!?]\s+(?=[A-Z])/;

/**
 * When the first sentence has only a general verb ("Manage ELIAS access controls."), the next one says what
 * it does ("List, create, or delete access control entries.").
 */
function withNextSentence(verbs: Verb[], description: string): Verb[] {
  if (!verbs.length || !verbs.every((v) => MANAGES.has(v.lemma))) return verbs;
  const end = SENTENCE_END.exec(description.length > 600 ? description.slice(0, 600) : description);
  if (!end) return verbs;
  const rest = description.slice(end.index + end[0].length);
  const next = verbsOfProse(rest, 'description');
  // only a sentence that opens with its verbs: "List, create, or delete …", not "Should only use 1 word …"
  const opens = next[0] && rest.trimStart().toLowerCase().startsWith(next[0].word.toLowerCase());
  return opens && next.some((v) => v.cls !== 'weak') ? [...verbs, ...next] : verbs;
}
/** General verbs that say a tool handles something without saying what it does to it. */
const MANAGES = new Set(['manage', 'handle', 'control', 'administer', 'operate', 'maintain', 'work', 'interact', 'access']);

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * A verb after the name's first word that the description capitalizes together with the word before it is
 * part of a proper noun (`google-play-permissions`: "Google Play", `apple_pay_status`: "Apple Pay"), not an act.
 */
function withoutProperNouns(verbs: Verb[], tokens: string[], description: string): Verb[] {
  if (verbs.length === 0 || !description || !verbs.some((v) => tokens.indexOf(v.word) > 0)) return verbs;
  // "Get options put/call ratio data" on `options_put_call`: a later name verb in what a read returns is a noun
  const object = verbs[0].word !== tokens[0] ? READ_LEAD.exec(description)?.[1]?.toLowerCase().split(/[^a-z]+/) : undefined;
  return verbs.filter((v) => {
    const i = tokens.indexOf(v.word);
    if (i <= 0) return true;
    return !description.includes(`${cap(tokens[i - 1])} ${cap(v.word)}`) && !object?.includes(v.word);
  });
}

/** A description that opens with a plain read, and the object it reads (up to the first clause break). */
const READ_LEAD = /^\s*(?:gets?|fetch(?:es)?|retrieves?|lists?|returns?|shows?|reads?|looks?\s+up|searches|finds?|queries)\s+([^.;:\n]{1,60})/i;

/** Analyses one tool in the context of its server. */
export function analyzeTool(tool: ToolDefinition, server: ServerAnalysis): ToolAnalysis {
  const description = typeof tool.description === 'string' ? tool.description : '';
  const tokens = server.words.get(tool) ?? splitName(tool.name);
  const title = typeof tool.title === 'string' ? tool.title
    : typeof tool.annotations?.title === 'string' ? tool.annotations.title : undefined;
  const schema = schemaSignals(tool.inputSchema, tool.name, description, docParams);
  const actionVerbs = schema.actions ? verbsOfValues(schema.actions.values) : [];
  const methodVerbs: Verb[] = [];
  if (schema.methods) {
    for (const m of schema.methods.values) {
      const cls = HTTP_METHODS[m.toLowerCase()];
      if (cls && !methodVerbs.some((v) => v.cls === cls)) methodVerbs.push(makeVerb({ lemma: m.toLowerCase(), cls }, 'schema', m));
    }
  }
  const descVerbs = withNextSentence(verbsOfProse(description, 'description'), description);
  // a sibling-wide first word is a namespace only before another verb (`pay_send`); a server-name word always
  // is, unless it is a plain verb and nothing else says what the tool does (`deploy_app`, no description)
  const first = tokens[0];
  const isNamespace = tokens.length > 1 && first !== undefined && (server.serverWords.has(first) || (first === server.prefix && laterVerb(tokens)));
  const lone = !descVerbs.length && !nameVerb(first ?? '')?.ambiguous;
  const nameVerbs = withoutProperNouns(verbsOfName(tokens, 'name', isNamespace ? { namespace: always, keepLoneNamespace: lone } : NO_OPTIONS), tokens, description);
  const objects: string[] = [];
  let head: string | undefined;
  let closed = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (PREPOSITION.has(t) && objects.length) closed = true;
    if (STOP.has(t) || digits(t) || (MODIFIERS.has(t) && i < tokens.length - 1 && !nameVerbs.some((v) => v.word === t))) continue;
    // the server's name and an OpenAPI method prefix (`post_tags_addToProfiles`) are not what the tool acts on
    if (i === 0 && tokens.length > 1 && (isNamespace || (HTTP_PREFIX.has(t) && nameVerbs[0]?.word !== t))) continue;
    if (server.serverWords.has(t) && !NOUN_OBJECTS.has(singular(t))) continue;
    if (nameVerbs.some((v) => v.word === t)) continue;
    const s = singular(t);
    if (!objects.includes(s)) objects.push(s);
    if (!closed) head = s;
  }
  return {
    tool,
    description,
    lead: description.length > 300 ? description.slice(0, 300) : description,
    tokens,
    objects,
    head,
    nameVerbs,
    titleVerbs: verbsOfProse(title, 'title'),
    descVerbs,
    actionVerbs,
    methodVerbs,
    schema,
    ann: annotations(tool),
    server,
    domain: toolDomain(server, tokens),
    // present from the start (filled by claimsOf), so that every analysis keeps one object shape
    claims: undefined,
  };
}

/** "… a session ID that can be used with execute_in_session to run commands": another tool runs them. */
const OTHER_TOOL_RUNS = /\b(?:used|passed|given)\s+(?:with|to|by|in)\s+`?[a-z]+_[a-z_]+`?[^.]{0,30}$/i;
function byAnotherTool(lead: string, runs: 'shell' | 'code' | 'sql'): boolean {
  const re = runs === 'shell' ? DESC_SHELL : runs === 'code' ? DESC_CODE : DESC_SQL;
  const m = re.exec(lead);
  return !!m && OTHER_TOOL_RUNS.test(lead.slice(Math.max(0, m.index - 80), m.index));
}

/** Verbs that end or hold what runs: they run nothing themselves. */
const HALTS = new Set(['cancel', 'stop', 'kill', 'abort', 'terminate', 'interrupt', 'halt', 'pause', 'end']);

const opening = (d: string) => (d.length > 800 ? d.slice(0, 800) : d);

/** Each claim is read from the description on first use: most tools' categories need one of them, or none. */
class DescriptionClaims implements Claims {
  readonly #a: ToolAnalysis;
  #readOnly?: boolean;
  #guidance?: boolean;
  #runsRead = false;
  #runs?: 'shell' | 'code' | 'sql';

  constructor(a: ToolAnalysis) {
    this.#a = a;
  }

  get readOnly(): boolean {
    return (this.#readOnly ??= READ_ONLY_CLAIM.test(opening(this.#a.description)));
  }

  get guidance(): boolean {
    return (this.#guidance ??= GUIDANCE.test(opening(this.#a.description)));
  }

  get runs(): 'shell' | 'code' | 'sql' | undefined {
    if (this.#runsRead) return this.#runs;
    this.#runsRead = true;
    const a = this.#a;
    const lead = opening(a.description).slice(0, 300);
    const s = a.schema;
    const freeInput = !s.params.length || s.params.some((p) => p.type === 'string' && !p.values);
    // cancelling or stopping a statement runs nothing ("Cancel an executing SQL statement")
    const halts = HALTS.has(a.nameVerbs[0]?.lemma ?? '');
    const runs = s.shell || s.code || s.queryLang || !freeInput || halts ? undefined
      : DESC_SHELL.test(lead) ? 'shell' : DESC_CODE.test(lead) || DESC_REPL.test(lead) ? 'code' : DESC_SQL.test(lead) && !READ_ONLY_CLAIM.test(lead) ? 'sql' : undefined;
    this.#runs = runs && !byAnotherTool(lead, runs) ? runs : undefined;
    return this.#runs;
  }
}

/** The description's claims, each computed once and only for the tools whose category needs it. */
export function claimsOf(a: ToolAnalysis): Claims {
  return (a.claims ??= new DescriptionClaims(a));
}
