// Everything the classifier reads from one tool, computed once and shared by category, risk,
// findings, rationale and policy.
import type { ToolDefinition } from '../db/tool-definition.ts';
import { toolDomain, type DomainHit, type ServerAnalysis } from './context.ts';
import { verbsOfName, verbsOfProse, verbsOfValues, type Verb } from './intent.ts';
import { schemaSignals, type SchemaSignals } from './schema-signals.ts';
import { singular, splitName } from './tokens.ts';
import { HTTP_METHODS } from './verbs.ts';

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
const DESC_SHELL = /\b(?:shell|terminal|bash|powershell|cmd) commands?\b|\bcommand[- ]line\b|\bkubectl (?:commands?|args|arguments)\b|\b(?:execute|run)s? (?:a |any |the )?commands?\b/i;
const DESC_SQL = /\b(?:sql|cypher)\b[^.]{0,40}\b(?:quer(?:y|ies)|statements?)\b|\((?:insert|update|delete|drop)\b/i;
const DESC_CODE = /\b(?:execut|run|eval)\w*\b[^.]{0,30}\b(?:javascript|python|arbitrary code|code snippets?|scripts?)\b/i;

const STOP = new Set(['a', 'an', 'the', 'by', 'of', 'or', 'and', 'to', 'for', 'with', 'from', 'in', 'on', 'at', 'my', 'mcp', 'tool']);
const DIGITS = /^\d+$/;
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

/** Analyses one tool in the context of its server. */
export function analyzeTool(tool: ToolDefinition, server: ServerAnalysis): ToolAnalysis {
  const description = typeof tool.description === 'string' ? tool.description : '';
  const tokens = server.words.get(tool) ?? splitName(tool.name);
  const title = typeof tool.title === 'string' ? tool.title
    : typeof tool.annotations?.title === 'string' ? tool.annotations.title : undefined;
  const schema = schemaSignals(tool.inputSchema, tool.name, description);
  const actionVerbs = schema.actions ? verbsOfValues(schema.actions.values) : [];
  const methodVerbs: Verb[] = [];
  if (schema.methods) {
    for (const m of schema.methods.values) {
      const cls = HTTP_METHODS[m.toLowerCase()];
      if (cls && !methodVerbs.some((v) => v.cls === cls)) methodVerbs.push({ lemma: m.toLowerCase(), cls, source: 'schema', word: m });
    }
  }
  const nameVerbs = verbsOfName(tokens, 'name', server.prefix);
  const objects: string[] = [];
  let head: string | undefined;
  let closed = false;
  for (const t of tokens) {
    if (PREPOSITION.has(t) && objects.length) closed = true;
    if (STOP.has(t) || DIGITS.test(t) || server.serverWords.has(t)) continue;
    if (nameVerbs.some((v) => v.word === t)) continue;
    const s = singular(t);
    if (!objects.includes(s)) objects.push(s);
    if (!closed) head = s;
  }
  return {
    tool,
    description,
    tokens,
    objects,
    head,
    nameVerbs,
    titleVerbs: verbsOfProse(title, 'title'),
    descVerbs: verbsOfProse(description, 'description'),
    actionVerbs,
    methodVerbs,
    schema,
    ann: annotations(tool),
    server,
    domain: toolDomain(server, tokens),
  };
}

/** The description's claims, computed once and only for the tools whose category needs them. */
export function claimsOf(a: ToolAnalysis): Claims {
  if (a.claims) return a.claims;
  const d = a.description;
  const opening = d.length > 800 ? d.slice(0, 800) : d;
  const lead = opening.slice(0, 300);
  const s = a.schema;
  const freeInput = !s.params.length || s.params.some((p) => p.type === 'string' && !p.values);
  const runs = s.shell || s.code || s.queryLang || !freeInput ? undefined
    : DESC_SHELL.test(lead) ? 'shell' : DESC_CODE.test(lead) ? 'code' : DESC_SQL.test(lead) && !READ_ONLY_CLAIM.test(lead) ? 'sql' : undefined;
  a.claims = { readOnly: READ_ONLY_CLAIM.test(opening), guidance: GUIDANCE.test(opening), runs };
  return a.claims;
}
