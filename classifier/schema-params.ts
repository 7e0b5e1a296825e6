// Flattens a tool's inputSchema into a list of parameters (nested objects to depth 3, at most 80).
import { splitName } from './tokens.ts';

export interface Param {
  /** Dotted path below `args`: `to`, `selectSchema.operation`. */
  path: string;
  /** The last segment of the path. */
  name: string;
  /** Lower-case words of the last segment. */
  tokens: string[];
  /** `tokens` joined without separators (`filePath` → filepath), for whole-name look-ups. */
  joined: string;
  /** The last of `tokens` (the lower-case name when it has none): the head word (`repo_path` → path). */
  last: string;
  type: string;
  description: string;
  /** enum, or const as a one-value enum. */
  values?: unknown[];
  format?: string;
  default?: unknown;
  maximum?: number;
  pattern?: string;
  required: boolean;
  /** Items are strings or objects (arrays only). */
  itemType?: string;
}

/**
 * A parameter with every field present (the optional ones undefined), so that all parameters share one
 * object shape and the signal code reading them stays monomorphic.
 */
export function newParam(path: string, name: string, tokens: string[], type: string, description: string, required: boolean): Param {
  const last = tokens.length ? tokens[tokens.length - 1] : name.toLowerCase();
  return { path, name, tokens, joined: tokens.join(''), last, type, description, values: undefined, format: undefined, default: undefined, maximum: undefined, pattern: undefined, required, itemType: undefined };
}

const MAX_PARAMS = 80;
const MAX_DEPTH = 3;

function typeOf(s: Record<string, unknown>): string {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return String(t.find((x) => x !== 'null') ?? 'string');
  const alt = (s.anyOf ?? s.oneOf) as Record<string, unknown>[] | undefined;
  if (Array.isArray(alt)) {
    for (const a of alt) if (a && typeof a === 'object' && a.type && a.type !== 'null') return typeOf(a);
  }
  if (s.enum || s.const !== undefined) return 'string';
  if (s.properties) return 'object';
  return 'any';
}

function valuesOf(s: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if (s.const !== undefined) return [s.const];
  const alt = (s.anyOf ?? s.oneOf) as Record<string, unknown>[] | undefined;
  if (Array.isArray(alt)) {
    const vals: unknown[] = [];
    for (const a of alt) {
      if (!a || typeof a !== 'object') return undefined;
      if (a.const !== undefined) vals.push(a.const);
      else if (Array.isArray(a.enum)) vals.push(...a.enum);
      else if (a.type !== 'null') return undefined;
    }
    return vals.length ? vals : undefined;
  }
  return undefined;
}

function walk(schema: Record<string, unknown>, prefix: string, depth: number, out: Param[]): void {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!props || typeof props !== 'object') return;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of Object.keys(props)) {
    if (out.length >= MAX_PARAMS) return;
    const s = props[name];
    if (!s || typeof s !== 'object') continue;
    const type = typeOf(s);
    const items = s.items as Record<string, unknown> | undefined;
    const values = valuesOf(s) ?? (items && typeof items === 'object' ? valuesOf(items) : undefined);
    const p = newParam(prefix + name, name, splitName(name), type, typeof s.description === 'string' ? s.description : '', required.includes(name));
    if (values) p.values = values;
    if (typeof s.format === 'string') p.format = s.format;
    if (s.default !== undefined) p.default = s.default;
    if (typeof s.maximum === 'number') p.maximum = s.maximum;
    if (typeof s.pattern === 'string') p.pattern = s.pattern;
    if (items && typeof items === 'object') p.itemType = typeOf(items);
    out.push(p);
    if (depth < MAX_DEPTH) {
      if (type === 'object') walk(s, p.path + '.', depth + 1, out);
      else if (items && typeof items === 'object' && p.itemType === 'object') walk(items, p.path + '[].', depth + 1, out);
    }
  }
}

/** The parameters of a tool, flattened; empty when it has no schema. */
export function schemaParams(inputSchema: Record<string, unknown> | undefined): Param[] {
  const out: Param[] = [];
  if (inputSchema && typeof inputSchema === 'object') walk(inputSchema, '', 0, out);
  return out;
}

/** A parameter takes free text: a string without enum, const or restrictive pattern. */
export function isFreeText(p: Param): boolean {
  if (p.values) return false;
  if (p.type === 'string' || p.type === 'any') return !p.pattern || p.pattern.length > 40;
  return p.type === 'array' && (p.itemType === 'string' || p.itemType === 'any') && !p.values;
}
