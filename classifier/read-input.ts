// Reads tool definitions from text: a tools/list result ({"tools":[...]}, optionally inside a JSON-RPC
// "result"), a JSON array of tools, or JSON lines (one tool per line; extra keys such as the eval
// format's `server` or `source` are dropped).
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';

/** Bad input: says what is wrong and where. `code` is stable; branch on it, not on the message. */
export class InputError extends Error {
  readonly code = 'E_INPUT';
  /** 1-based line of JSON-lines input, when the problem is on one line. */
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'InputError';
    if (line !== undefined) this.line = line;
  }
}

const NEWLINE = /\r?\n/;

function preview(text: string): string {
  const t = text.trim();
  return JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}…` : t);
}

function toTool(value: unknown, where: string, line?: number): ToolDefinition {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(`${where}: expected a tool object with a "name", got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : typeof value}`, line);
  }
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string' || !v.name.trim()) throw new InputError(`${where}: the tool has no "name" string`, line);
  if (v.description !== undefined && v.description !== null && typeof v.description !== 'string') throw new InputError(`${where}: "description" of ${v.name} must be a string`, line);
  for (const key of ['inputSchema', 'outputSchema', 'annotations'] as const) {
    const field = v[key];
    if (field !== undefined && field !== null && (typeof field !== 'object' || Array.isArray(field))) {
      throw new InputError(`${where}: "${key}" of ${v.name} must be an object`, line);
    }
  }
  const clean: Record<string, unknown> = { ...v };
  for (const key of ['description', 'inputSchema', 'outputSchema', 'annotations', 'title'] as const) if (clean[key] === null) delete clean[key];
  return pickDefinition(clean);
}

function fromDocument(doc: unknown): ToolDefinition[] {
  if (Array.isArray(doc)) return doc.map((t, i) => toTool(t, `tool ${i + 1}`));
  if (doc && typeof doc === 'object') {
    const d = doc as Record<string, unknown>;
    const holder = d.result && typeof d.result === 'object' ? (d.result as Record<string, unknown>) : d;
    if (Array.isArray(holder.tools)) return holder.tools.map((t, i) => toTool(t, `tools[${i}]`));
    if (typeof d.name === 'string') return [toTool(d, 'the tool')];
    throw new InputError('input: expected {"tools": [...]}, a JSON array of tools, or JSON lines of tools; the object has no "tools" array');
  }
  throw new InputError(`input: expected tools, got ${preview(String(doc))}`);
}

/**
 * Parses tool definitions from a tools/list result, a JSON array of tools, or JSON lines of tools.
 * Keeps only the ToolDefinition fields. Throws InputError (code 'E_INPUT') naming the bad line.
 */
export function parseToolsInput(text: string): ToolDefinition[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new InputError('input: it is empty; expected tools as JSON or JSON lines');
  let whole: unknown;
  let wholeError: Error | undefined;
  try {
    whole = JSON.parse(body);
  } catch (error) {
    wholeError = error as Error;
  }
  if (!wholeError) return fromDocument(whole);
  const lines = body.split(NEWLINE);
  const nonEmpty = lines.filter((l) => l.trim()).length;
  if (nonEmpty <= 1) throw new InputError(`input: not valid JSON (${wholeError.message})`, lines.findIndex((l) => l.trim()) + 1);
  const tools: ToolDefinition[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new InputError(`line ${i + 1}: not valid JSON (${(error as Error).message}): ${preview(raw)}`, i + 1);
    }
    tools.push(toTool(value, `line ${i + 1}`, i + 1));
  });
  return tools;
}
