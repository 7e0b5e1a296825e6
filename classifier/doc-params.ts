// Parameters documented in a description. Many servers publish a tool with no input schema (or an empty
// one) and list its arguments in a docstring instead ("Args:\n  url (str): The URL to fetch"); reading that
// list lets the schema signals (paths, URLs, SQL, commands) work on those tools too. Policies never use
// these parameters: a condition may only name a path the schema declares.
import { newParam, type Param } from './schema-params.ts';
import { splitName } from './tokens.ts';

/** "Args:", "Arguments:", "Parameters:", "Params:" or "Inputs:" opening a parameter list. */
const HEADER = /(?:^|\n|\s)(?:Args|Arguments|Parameters|Params|Inputs?)\s*:\s*/;
/** Where the list ends: the next docstring section. */
const END = /\b(?:Returns?|Raises|Yields|Examples?|Notes?|Output|Response)\s*:/;
/** `name (type): text`, `- name: text`, `name: text`, each item starting a line or after a run of spaces. */
const ITEM = /(?:^|\n|\s{2,}|[-*•]\s)\s*[-*•]?\s*`?([A-Za-z_][A-Za-z0-9_]{0,40})`?\s*(?:\(([^)\n]{1,40})\))?\s*:\s+([^\n]*)/g;
const TYPE_WORDS: [RegExp, string][] = [
  [/\b(?:list|array|sequence|tuple)\b|\[\]/i, 'array'],
  [/\b(?:int|integer|float|number|double|decimal)\b/i, 'number'],
  [/\b(?:bool|boolean)\b/i, 'boolean'],
  [/\b(?:dict|object|mapping|json)\b/i, 'object'],
];
const OPTIONAL = /\boptional\b|\bdefaults? (?:to|is)\b|\(default/i;
const MAX = 30;

function typeOf(declared: string | undefined): string {
  if (!declared) return 'string';
  for (const [re, type] of TYPE_WORDS) if (re.test(declared)) return type;
  return 'string';
}

/** The parameters a description documents, or [] when it has no parameter list. */
export function docParams(description: string): Param[] {
  // every HEADER word contains one of these (a cheap look before the regex tries each position)
  if (!description.includes('Arg') && !description.includes('Param') && !description.includes('Input')) return [];
  const head = HEADER.exec(description);
  if (!head) return [];
  let body = description.slice(head.index + head[0].length);
  const end = END.exec(body);
  if (end) body = body.slice(0, end.index);
  if (body.length > 4000) body = body.slice(0, 4000);
  const out: Param[] = [];
  ITEM.lastIndex = 0;
  // the first item directly follows the header
  const text = `\n${body}`;
  let m: RegExpExecArray | null;
  while ((m = ITEM.exec(text)) !== null && out.length < MAX) {
    const name = m[1];
    if (out.some((p) => p.name === name)) continue;
    const desc = m[3].trim();
    const type = typeOf(m[2]);
    const p = newParam(name, name, splitName(name), type, desc, !OPTIONAL.test(`${m[2] ?? ''} ${desc}`));
    if (type === 'array') p.itemType = 'string';
    out.push(p);
  }
  return out;
}
