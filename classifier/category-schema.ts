// Category signals from the schema (action enums, HTTP methods, output paths, free-text commands, code
// and query languages) and from what the description claims (read-only, guidance).
import { claimsOf, type ToolAnalysis } from './analysis.ts';
import type { Strength } from './category-types.ts';
import { makeVerb, verbsOfValues, type Verb } from './intent.ts';
import { contextualClass } from './verb-context.ts';
import type { VerbClass } from './verbs.ts';
import { byPrecedence, routerSummary, summaryVerbs } from './router.ts';
import { langLabel, QUERY } from './schema-signals.ts';


/** The category being decided: classes that apply, evidence, and how sure behaviour is. */
export interface Draft { classes: Set<VerbClass>; ev: string[]; strength: Strength }

const REQUEST_LIKE = new Set(['request', 'call', 'make', 'fetch', 'send', 'invoke', 'query', 'api']);
/** Read verbs that run what they are given; other read verbs (explain, analyze, lint) only inspect it. */
const RUNNERS = new Set(['query', 'run', 'execute', 'exec', 'eval', 'evaluate', 'search', 'test', 'fetch', 'request']);

/** Verbs with their class settled by their object (`open_url` runs a browser, `open_nodes` reads). */
export function resolved(verbs: Verb[], a: ToolAnalysis): Verb[] {
  const out: Verb[] = [];
  for (const v of verbs) {
    const cls = contextualClass(v, a);
    out.push(cls === v.cls ? v : makeVerb(v, v.source, v.word, cls));
  }
  return out;
}

export function list(values: string[]): string {
  return values.length > 5 ? `${values.slice(0, 5).join(', ')}, …` : values.join(', ');
}

/** Adds schema and claim signals to the draft; returns the action verbs that counted. */
export function applySchema(a: ToolAnalysis, d: Draft, primary: Verb | undefined, moneyByObject: boolean): Verb[] {
  const s = a.schema;
  const weakName = !primary || primary.cls === 'weak';
  const readName = !weakName && primary!.cls === 'read' && d.strength === 'strong';
  const actions = resolved(a.actionVerbs, a).filter((v) => !readName || ((v.cls === 'destructive' || v.cls === 'financial') && !v.ambiguous));
  if (actions.length && s.actions) {
    for (const v of actions) d.classes.add(v.cls);
    d.ev.push(`parameter \`${s.actions.param.path}\` accepts ${list(s.actions.values)}`);
    d.strength = 'strong';
  } else if (s.selector) {
    // a router: graded by the worst action its description lists, never as a shell
    const listed = summaryVerbs(routerSummary(a.description));
    const strong = listed.filter((v) => v.info.cls !== 'weak');
    const keepName = primary && primary.cls !== 'weak' && primary.cls !== 'read';
    d.classes.clear();
    if (keepName) d.classes.add(primary!.cls);
    for (const v of strong) d.classes.add(v.info.cls);
    if (!d.classes.size && listed.length) d.classes.add('write'); // "Commands for managing …" and nothing more
    d.ev.push(`parameter \`${s.selector.path}\` selects a sub-command of this router, not a command line`);
    // the actions that decide first, the general ones ("managing", "using") after
    if (listed.length) d.ev.push(`the router's description lists ${list(byPrecedence(listed).map((v) => v.word).filter((w, i, all) => all.indexOf(w) === i))}`);
    d.strength = listed.length || keepName ? 'strong' : d.strength;
  } else if (weakName && !d.classes.size && s.modes) {
    const modes = resolved(verbsOfValues(s.modes.values), a);
    for (const v of modes) d.classes.add(v.cls);
    if (modes.length) { d.ev.push(`parameter \`${s.modes.param.path}\` accepts ${list(s.modes.values)}`); d.strength = 'weak'; }
  }
  // an HTTP method enum is the call the tool makes only when the tool makes requests; `createCollectionRequest`
  // stores a request definition whose method is data
  const requests = weakName || REQUEST_LIKE.has(primary!.lemma) || (primary!.cls !== 'write' && (a.tokens.includes('api') || a.tokens.includes('request') || a.tokens.includes('http')));
  if (a.methodVerbs.length && s.methods && requests) {
    if (weakName || REQUEST_LIKE.has(primary!.lemma)) { d.classes.delete('execute'); d.classes.delete('write'); d.classes.delete('read'); }
    for (const v of a.methodVerbs) d.classes.add(v.cls);
    d.ev.push(`parameter \`${s.methods.param.path}\` accepts HTTP ${list(s.methods.values)}`);
    d.strength = 'strong';
  }
  if (s.outputPaths.length && !d.classes.has('write')) {
    d.classes.add('write');
    d.ev.push(`parameter \`${s.outputPaths[0].path}\` saves output to a file`);
  }
  // a plain read verb (explain_query, analyze_code_snippet) inspects the command or code it is given
  const inspects = !weakName && primary!.cls === 'read' && !RUNNERS.has(primary!.lemma);
  // `write_neo4j_cypher`: "Execute a write Cypher query" runs the query it is given (`create_query` only saves one)
  const runsQuery = !weakName && primary!.lemma === 'write' && a.tokens.some((t) => QUERY.has(t));
  const runs = weakName || runsQuery || primary!.cls === 'execute' || primary!.lemma === 'query' || primary!.lemma === 'run' ? claimsOf(a).runs : undefined;
  if (runs) {
    d.classes.add('execute');
    d.ev.push(`description says it runs ${runs === 'sql' ? 'SQL that can write' : runs === 'shell' ? 'shell commands' : 'code'}`);
  }
  if (inspects && (s.shell || s.code || s.queryLang?.writable)) {
    const p = (s.shell ?? s.code ?? s.queryLang!.param).path;
    d.ev.push(`parameter \`${p}\` takes command, code or query text that '${primary!.word}' inspects rather than runs`);
  } else {
    if (s.shell) { d.classes.add('execute'); d.ev.push(`parameter \`${s.shell.path}\` takes a free-text command`); d.strength = 'strong'; }
    if (s.code) { d.classes.add('execute'); d.ev.push(`parameter \`${s.code.path}\` takes code to run`); d.strength = 'strong'; }
    if (s.queryLang) {
      const q = s.queryLang;
      if (q.writable) { d.classes.add('execute'); d.strength = 'strong'; }
      d.ev.push(`parameter \`${q.param.path}\` takes ${langLabel(q.lang)}${q.writable ? ', which can write' : ''}`);
    }
  }
  const open = d.strength !== 'strong' && !s.shell && !s.code;
  // a tool whose name names no action and whose description says it provides guidance returns that guidance
  if ((open || weakName && !s.params.length) && claimsOf(a).guidance && !s.shell && !s.code && !d.classes.has('destructive') && !(d.classes.has('financial') && !moneyByObject)) {
    d.classes.clear();
    d.classes.add('read');
    d.ev.push('description says it returns guidance or documentation');
  } else if (open && claimsOf(a).readOnly) {
    d.classes.clear();
    d.classes.add('read');
    d.ev.push('description says it is read-only');
    d.strength = 'weak';
  }
  return actions;
}
