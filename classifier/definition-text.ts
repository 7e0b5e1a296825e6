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

function collect(value: unknown, out: string[], budget: { left: number }, depth: number): void {
  if (budget.left <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    out.push(value);
    budget.left -= value.length;
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, budget, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const k in value) {
      if (SKIP_VALUE.has(k)) continue;
      if (!KEYWORD.has(k)) out.push(k);
      collect((value as Record<string, unknown>)[k], out, budget, depth + 1);
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

/** Escapes control and invisible characters (\u200b) and truncates, so an excerpt is safe to display. */
export function excerpt(text: string, at = 0, length = 0, pad = 50): string {
  const from = Math.max(0, at - pad);
  const to = Math.min(text.length, at + length + pad);
  const body = text.slice(from, to)
    .replace(CONTROL, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
    .replace(SPACES, ' ');
  const clipped = body.length > 200 ? body.slice(0, 200) + '…' : body;
  return (from > 0 ? '…' : '') + clipped + (to < text.length && body.length <= 200 ? '…' : '');
}
