// All the text of a tool definition that reaches the model: title, description, and every string in
// the input schema (parameter names, descriptions, enums, defaults, examples). Findings scan this.
import type { ToolDefinition } from '../db/tool-definition.ts';

const MAX_CHARS = 40_000;
const MAX_DEPTH = 8;

/** JSON Schema keywords: structure, not text a model reads as instructions. */
const KEYWORD = new Set(['type', 'properties', 'description', 'required', 'items', 'enum', 'default', 'additionalProperties',
  'anyOf', 'oneOf', 'allOf', 'not', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern',
  'examples', 'example', 'const', 'title', 'nullable', 'exclusiveMinimum', 'exclusiveMaximum', 'uniqueItems',
  'propertyNames', 'definitions', '$defs', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
/** Keywords whose values are structure too. */
const SKIP_VALUE = new Set(['type', '$schema', '$ref', '$id', 'format', 'required', 'minimum', 'maximum', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'nullable', 'uniqueItems', 'additionalProperties', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

/** Keywords whose value maps names to schemas: a parameter called `format` or `type` is a name there, not a keyword. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

function collect(value: unknown, out: string[], budget: { left: number }, depth: number, names = false): void {
  if (budget.left <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    out.push(value);
    budget.left -= value.length;
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, budget, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      if (names) { out.push(k); collect((value as Record<string, unknown>)[k], out, budget, depth + 1); continue; }
      if (SKIP_VALUE.has(k)) continue;
      if (!KEYWORD.has(k)) out.push(k);
      collect((value as Record<string, unknown>)[k], out, budget, depth + 1, NAMED.has(k));
    }
  }
}

/** The definition's text, one string per field joined by newlines, capped at 40,000 characters. */
export function definitionText(tool: ToolDefinition): string {
  const out: string[] = [];
  const budget = { left: MAX_CHARS };
  collect(tool.title, out, budget, 0);
  collect(tool.description, out, budget, 0);
  collect(tool.inputSchema, out, budget, 0);
  collect(tool.outputSchema, out, budget, 0);
  collect(tool.annotations, out, budget, 0);
  const text = out.join('\n');
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/gu;

const SPACES = /\s+/g;

const clean = (s: string) => s.replace(CONTROL, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).replace(SPACES, ' ');

/** Escapes control and invisible characters (\u200b) and truncates, so an excerpt is safe to display. */
export function excerpt(text: string, at = 0, length = 0, pad = 50): string {
  const from = Math.max(0, at - pad);
  const to = Math.min(text.length, at + length + pad);
  const body = clean(text.slice(from, to));
  const clipped = body.length > 200 ? body.slice(0, 200) + '…' : body;
  return (from > 0 ? '…' : '') + clipped + (to < text.length && body.length <= 200 ? '…' : '');
}

/** An excerpt and the span of the matched text within it (both escaped the same way). */
export interface MarkedExcerpt { excerpt: string; mark: [number, number] }

const MAX_MARK = 160;

/**
 * The text around [at, at + length), escaped like `excerpt()`, with `mark` locating the matched part in
 * the excerpt; a long match is cut to its first 160 characters, each side gets up to `pad` characters.
 */
/** `i`, moved back one unit when it would split a surrogate pair (so an excerpt never holds half an emoji). */
const whole = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff ? i - 1 : i;
};

export function markedExcerpt(text: string, at: number, length: number, pad = 50): MarkedExcerpt {
  const from = whole(text, Math.max(0, at - pad));
  const end = Math.min(text.length, at + length);
  const to = whole(text, Math.min(text.length, end + pad));
  let hit = clean(text.slice(at, end));
  let cut = false;
  if (hit.length > MAX_MARK) { hit = hit.slice(0, whole(hit, MAX_MARK)); cut = true; }
  const before = (from > 0 ? '…' : '') + clean(text.slice(from, at)).trimStart();
  const after = cut ? '…' : clean(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : '');
  return { excerpt: before + hit + after, mark: [before.length, before.length + hit.length] };
}

/** One field of a definition that reaches the model, and where it is (`description`, `parameter \`q\``). */
export interface Segment { field: string; text: string }

const SEGMENT_KEYS = ['description', 'title', 'default', 'enum', 'examples', 'example', 'const'];

function propertySegments(schema: unknown, out: Segment[], path: string, depth: number): void {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return;
  const s = schema as Record<string, unknown>;
  const props = s.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    for (const name in props) {
      const p = (props as Record<string, unknown>)[name];
      const field = `parameter \`${path}${name}\``;
      out.push({ field: `${field} name`, text: name });
      if (!p || typeof p !== 'object') continue;
      for (const key of SEGMENT_KEYS) {
        const strings: string[] = [];
        collect((p as Record<string, unknown>)[key], strings, { left: MAX_CHARS }, 0);
        if (strings.length) out.push({ field: key === 'description' ? field : `${field} ${key}`, text: strings.join('\n') });
      }
      propertySegments(p, out, `${path}${name}.`, depth + 1);
      const items = (p as Record<string, unknown>).items;
      if (items) propertySegments(items, out, `${path}${name}[].`, depth + 1);
    }
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const sub of list) propertySegments(sub, out, path, depth + 1);
  }
}

/**
 * The definition as separate fields (title, description, each parameter's name, description, title,
 * default, enum and examples, then anything else), so a finding can say where its text is. Built only
 * for definitions that the cheap pre-check flags.
 */
export function definitionSegments(tool: ToolDefinition): Segment[] {
  const out: Segment[] = [{ field: 'name', text: typeof tool.name === 'string' ? tool.name : '' }];
  if (typeof tool.title === 'string' && tool.title) out.push({ field: 'title', text: tool.title });
  if (typeof tool.description === 'string' && tool.description) out.push({ field: 'description', text: tool.description });
  propertySegments(tool.inputSchema, out, '', 0);
  const rest: string[] = [];
  const budget = { left: MAX_CHARS };
  if (tool.inputSchema && typeof tool.inputSchema === 'object') {
    const { properties: _p, ...other } = tool.inputSchema as Record<string, unknown>;
    collect(other, rest, budget, 0);
  }
  collect(tool.outputSchema, rest, budget, 0);
  collect(tool.annotations, rest, budget, 0);
  if (rest.length) out.push({ field: 'schema', text: rest.join('\n') });
  return out;
}
