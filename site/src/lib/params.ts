// An input schema as a readable table: one row per parameter, nested object fields as `a.b`,
// array items as `a[]`. Schemas come from crawled servers, so every field is checked before use.
export interface ParamRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
  /** enum, format, default, bounds, pattern: short plain-text notes. */
  notes: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (v: unknown, max = 80) => { const s = JSON.stringify(v) ?? String(v); return s.length > max ? `${s.slice(0, max - 1)}…` : s; };

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.type)) return schema.type.map(String).join(' | ');
  if (typeof schema.type === 'string') {
    if (schema.type === 'array' && isObject(schema.items)) return `array of ${typeOf(schema.items)}`;
    return schema.type;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) return list.filter(isObject).map(typeOf).join(key === 'allOf' ? ' & ' : ' | ') || 'any';
  }
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() || 'ref';
  if (Array.isArray(schema.enum)) return 'enum';
  if ('const' in schema) return `const ${short(schema.const)}`;
  return 'any';
}

function notesOf(schema: Record<string, unknown>): string[] {
  const notes: string[] = [];
  if (Array.isArray(schema.enum)) notes.push(`one of ${schema.enum.slice(0, 20).map((v) => short(v, 40)).join(', ')}${schema.enum.length > 20 ? ', …' : ''}`);
  if (typeof schema.format === 'string') notes.push(`format ${schema.format}`);
  if ('default' in schema) notes.push(`default ${short(schema.default)}`);
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (typeof schema[key] === 'number') notes.push(`${key} ${schema[key]}`);
  }
  if (typeof schema.pattern === 'string') notes.push(`pattern ${short(schema.pattern)}`);
  return notes;
}

/** Rows of the schema's properties, depth-first, at most `maxRows` of them and `maxDepth` levels deep. */
export function parameterRows(schema: unknown, options: { maxDepth?: number; maxRows?: number } = {}): ParamRow[] {
  const { maxDepth = 3, maxRows = 200 } = options;
  const rows: ParamRow[] = [];
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (!isObject(node) || !isObject(node.properties) || depth > maxDepth) return;
    const required = Array.isArray(node.required) ? node.required : [];
    for (const [name, raw] of Object.entries(node.properties)) {
      if (rows.length >= maxRows) return;
      const prop = isObject(raw) ? raw : {};
      rows.push({
        name: prefix + name,
        type: typeOf(prop),
        required: required.includes(name),
        description: typeof prop.description === 'string' ? prop.description : '',
        notes: notesOf(prop),
      });
      walk(prop, `${prefix}${name}.`, depth + 1);
      if (isObject(prop.items)) walk(prop.items, `${prefix}${name}[].`, depth + 1);
    }
  };
  walk(schema, '', 1);
  return rows;
}
