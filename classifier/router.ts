// Sub-command routers and dispatchers (DESIGN §4, issue 10 item 3). A router takes a `command`, `action` or
// `operation` that selects one of its sub-commands (Azure's `storage` tool: "the command to execute against
// the specified tool"); it is graded by the worst action it exposes, never as a shell. A dispatcher runs any
// other tool of its server by name (`execute_sentry_tool(name, arguments)`): it is as dangerous as the worst
// tool it can reach.
import type { Param } from './schema-params.ts';
import { proseVerb, type VerbInfo } from './verbs.ts';

/** A selector parameter's own words saying it picks a sub-command rather than taking a command line. */
const SELECTOR_TEXT = /\b(?:command|operation|action|method|function|tool)s?\s+(?:name\s+)?to\s+(?:execute|run|perform|invoke|call)\s+(?:against|on|within|in)\s+(?:the|this)\b|\bsub[- ]?commands?\b|\bwhich\s+(?:command|operation|action)\b|\bthe\s+(?:operation|action)\s+to\s+perform\b|\b(?:operation|action)\s+(?:name|type)\b/i;
/** A tool description saying the tool routes sub-commands. */
const ROUTER_TEXT = /\bsub[- ]?commands?\b|\bcommand router\b|\bhierarchical\b[^.\n]{0,40}\bcommand\b|\blearn\s*=\s*true\b|\bmulti[- ]?(?:action|operation|purpose)\b|\broutes?\s+(?:requests?|commands?|calls?)\b|\bcommands? for (?:managing|working|interacting|creating|getting|listing|querying)\b/i;
/** Parameter names that carry the chosen sub-command's own arguments. */
const ARGS = new Set(['parameters', 'params', 'arguments', 'args', 'input', 'inputs', 'payload', 'options', 'body', 'data']);
/** Where the router boilerplate starts ("This tool is a hierarchical MCP command router …"). */
const BOILERPLATE = /this tool is a hierarchical|sub commands are routed|to invoke a command|set "?learn/i;
const WORD = /[A-Za-z][A-Za-z-]*/g;
/** "lifecycle management" covers creating, starting, stopping and deleting. */
const LIFECYCLE = /\blifecycle\b/i;

/** Whether `p` selects a sub-command of a router rather than taking a free command line. */
export function isSelector(p: Param, toolDescription: string, params: Param[]): boolean {
  if (SELECTOR_TEXT.test(p.description)) return true;
  const hasArgs = params.some((q) => q !== p && ARGS.has(q.name.toLowerCase()) && (q.type === 'object' || q.type === 'any'));
  return hasArgs && ROUTER_TEXT.test(toolDescription);
}

/** The description a router gives of itself, without the routing boilerplate. */
export function routerSummary(description: string): string {
  const cut = description.search(BOILERPLATE);
  const text = cut > 0 ? description.slice(0, cut) : description;
  return text.length > 700 ? text.slice(0, 700) : text;
}

/** Sentences that list a router's operations, rather than telling the agent how to use it. */
const OPERATIONS = /^(?:it\s+|this\s+tool\s+)?(?:includes?|supports?|provides?|offers?|covers?|allows?|enables?|exposes?|handles?)\b|^use\s+(?:this\s+tool\s+|these\s+commands\s+)?(?:to|when|for)\b|\b(?:operations|sub-?commands|commands)\s+(?:for|to)\b/i;
const SENTENCES = /(?<=[.!?])\s+|\n+/;

export interface ListedVerb { info: VerbInfo; word: string }

function verbsIn(text: string, out: ListedVerb[], seen: Set<string>, manageCounts: boolean): void {
  const before = out.length;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const word = m[0].toLowerCase();
    let info = proseVerb(word);
    // capitalised words inside a sentence are names (Azure Monitor, Managed Disks); nouns ("Commands") don't count
    if (!info || info.ambiguous === 'noun' || (/^[A-Z]/.test(m[0]) && m.index > 0)) continue;
    // "Commands for managing X" is the router's generic opening; "… and managing registry configurations" in its
    // list of operations means changing them
    if (info.lemma === 'manage' && (manageCounts || out.length > before)) {
      info = { lemma: 'manage', cls: 'write' };
      const weak = out.findIndex((v) => v.info.lemma === 'manage');
      if (weak >= 0) out.splice(weak, 1);
      seen.delete('manage');
    }
    if (seen.has(info.lemma)) continue;
    seen.add(info.lemma);
    out.push({ info, word });
  }
}

/** Instructions to the agent start with these; a sentence that starts with another verb lists operations. */
const INSTRUCTING = new Set(['use', 'call', 'set', 'ask', 'always', 'never', 'do', 'make', 'ensure', 'note', 'see', 'pass', 'provide', 'include', 'wrap', 'specify', 'remember']);

function describesAction(sentence: string): boolean {
  const first = /^[A-Za-z]+/.exec(sentence)?.[0].toLowerCase();
  if (!first || INSTRUCTING.has(first)) return false;
  const info = proseVerb(first);
  return !!info && info.cls !== 'weak' && info.ambiguous !== 'noun';
}

/**
 * The action verbs a router's summary names: its first sentence ("Commands for creating, listing, getting, and
 * managing …") and the sentences that list its operations ("Includes operations for …", "Use this tool to …"),
 * not the instructions it gives the agent.
 */
export function summaryVerbs(summary: string): ListedVerb[] {
  const out: ListedVerb[] = [];
  const seen = new Set<string>();
  const sentences = summary.split(SENTENCES).map((x) => x.trim()).filter(Boolean);
  sentences.forEach((sentence, i) => {
    const body = sentence.replace(/^[^–—-]{1,60}\s[–—-]\s/, ''); // "Storage operations - Commands for …"
    if (i === 0 || OPERATIONS.test(body) || describesAction(body)) verbsIn(body, out, seen, i > 0);
  });
  if (LIFECYCLE.test(summary) && !seen.has('delete')) {
    out.push({ info: proseVerb('delete')!, word: 'lifecycle' });
    out.push({ info: proseVerb('start')!, word: 'lifecycle' });
  }
  return out;
}

const PRECEDENCE = ['financial', 'destructive', 'execute', 'write', 'read', 'weak'];

/** Listed verbs, the ones that decide the category first (lifecycle's delete before "monitoring"). */
export function byPrecedence(listed: ListedVerb[]): ListedVerb[] {
  return [...listed].sort((a, b) => PRECEDENCE.indexOf(a.info.cls) - PRECEDENCE.indexOf(b.info.cls));
}

/** Dispatcher: a tool that runs another tool or operation named in its arguments. */
const DISPATCH_OBJECTS = new Set(['tool', 'tools', 'function', 'operation', 'action', 'command', 'endpoint', 'api', 'method', 'procedure', 'rpc']);
const DISPATCH_VERBS = new Set(['execute', 'call', 'invoke', 'run', 'use', 'dispatch', 'perform']);
const NAME_PARAM = new Set(['name', 'tool', 'toolname', 'tool_name', 'operation', 'operationid', 'function', 'functionname', 'method', 'action', 'endpoint']);

export function isDispatcher(tokens: string[], params: Param[]): boolean {
  if (!tokens.some((t) => DISPATCH_VERBS.has(t)) || !tokens.some((t) => DISPATCH_OBJECTS.has(t))) return false;
  const named = params.some((p) => NAME_PARAM.has(p.name.toLowerCase()) && p.type === 'string');
  const free = params.some((p) => ARGS.has(p.name.toLowerCase()) && (p.type === 'object' || p.type === 'any' || p.type === 'string'));
  return named && free;
}
