// The one normalization every string and key from a server or a registry passes through before it is stored:
// what PostgreSQL's text and jsonb cannot hold becomes a visible mark, and what changed is recorded.
//
// | input                                   | becomes                     | kind counted      |
// |-----------------------------------------|-----------------------------|-------------------|
// | U+0000 NUL                              | U+2400 '␀' (SYMBOL FOR NULL)| `nul`             |
// | a lone UTF-16 surrogate (D800-DFFF)     | U+FFFD '�'                  | `lone_surrogate`  |
// | an object key equal to an earlier key   | dropped (first one kept)    | `key_collision`   |
// |   once both are normalized              |                             |                   |
// | anything else (controls, bidi, emoji,   | unchanged                   | -                 |
// |   tag characters, U+FFFE/U+FFFF, ...)   |                             |                   |
//
// Nothing else is lost: other C0 controls, bidi and zero-width characters are valid UTF-8 that both databases keep,
// and the classifier reports them (classifier/findings/invisible.ts). Objects come back as plain objects whose keys
// are own properties (a key `__proto__` is defined, never assigned, so it cannot set the prototype); copy them with
// spread or structuredClone, never Object.assign. The function is idempotent.

/** The marks left in place of what cannot be stored. */
export const NUL_MARK = '\u2400';
export const SURROGATE_MARK = '\uFFFD';

export type NormalizationKind = 'nul' | 'lone_surrogate' | 'key_collision';

/** What a normalization changed: counts by kind and the first field paths (JSON-pointer-like, `tools[3].name`). */
export interface NormalizationRecord {
  counts: Partial<Record<NormalizationKind, number>>;
  /** Paths of changed strings or keys, at most MAX_PATHS. */
  paths: string[];
}

const MAX_PATHS = 20;
/** NUL or any surrogate half (a pair is checked as a pair below). */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const UNSTORABLE_SOURCE = '\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSTORABLE = new RegExp(UNSTORABLE_SOURCE, 'g');
const UNSTORABLE_ONE = new RegExp(UNSTORABLE_SOURCE);

export const emptyRecord = (): NormalizationRecord => ({ counts: {}, paths: [] });
export const changed = (record: NormalizationRecord): boolean => Object.keys(record.counts).length > 0;

function note(record: NormalizationRecord | undefined, kind: NormalizationKind, path: string, n = 1): void {
  if (!record) return;
  record.counts[kind] = (record.counts[kind] ?? 0) + n;
  if (record.paths.length < MAX_PATHS && record.paths.at(-1) !== path) record.paths.push(path);
}

/** One string made storable; `record` (if given) counts what changed at `path`. */
export function normalizeText(text: string, record?: NormalizationRecord, path = ''): string {
  if (!SUSPECT.test(text)) return text;
  let nul = 0;
  let lone = 0;
  const out = text.replace(UNSTORABLE, (c) => {
    if (c === '\u0000') { nul++; return NUL_MARK; }
    lone++;
    return SURROGATE_MARK;
  });
  if (nul) note(record, 'nul', path, nul);
  if (lone) note(record, 'lone_surrogate', path, lone);
  return out;
}

/** Whether a string needs normalizing at all (cheap pre-check for hot paths). */
export const isStorable = (text: string): boolean => !SUSPECT.test(text) || !UNSTORABLE_ONE.test(text);

/** A JSON-like value with every string and key normalized, keys as own properties; non-JSON values kept. */
export function normalizeJson<T = unknown>(value: T, record?: NormalizationRecord, path = ''): T {
  return walk(value, record, path, 0) as T;
}

const keyPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

function walk(value: unknown, record: NormalizationRecord | undefined, path: string, depth: number): unknown {
  if (typeof value === 'string') return normalizeText(value, record, path);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => walk(v, record, `${path}[${i}]`, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const name = normalizeText(key, record, keyPath(path, key));
    const at = keyPath(path, name);
    if (Object.hasOwn(out, name)) { note(record, 'key_collision', at); continue; }
    // defineProperty, not assignment: a key `__proto__` becomes an own property instead of setting the prototype
    Object.defineProperty(out, name, { value: walk(v, record, at, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Adds `from` into `into` (counts summed, paths prefixed and capped). */
export function mergeRecord(into: NormalizationRecord, from: NormalizationRecord, prefix = ''): void {
  for (const [kind, n] of Object.entries(from.counts) as [NormalizationKind, number][]) into.counts[kind] = (into.counts[kind] ?? 0) + n;
  for (const p of from.paths) if (into.paths.length < MAX_PATHS) into.paths.push(prefix ? `${prefix}${p.startsWith('[') ? '' : '.'}${p}` : p);
}

/** A one-line account for an issue list: "normalized 2 NUL, 1 lone surrogate (description, inputSchema.properties.x)". */
export function describeRecord(record: NormalizationRecord): string {
  const words: Record<NormalizationKind, string> = { nul: 'NUL (U+0000 -> U+2400)', lone_surrogate: 'lone surrogate (-> U+FFFD)', key_collision: 'key equal to another once normalized (dropped)' };
  const parts = (Object.entries(record.counts) as [NormalizationKind, number][]).map(([k, n]) => `${n} ${words[k]}`);
  return `normalized ${parts.join(', ')}${record.paths.length ? ` at ${record.paths.join(', ')}` : ''}`;
}

/**
 * A value's raw form where it cannot be stored as it is: JSON text, in which JSON.stringify writes NUL as `\u0000`
 * and lone surrogates as `\udXXX` escapes, so the exact characters the server sent survive in a storable string.
 */
export interface EscapedRaw { encoding: 'json-text'; text: string; normalized: unknown }

/** The value as it is when storable; else `{ encoding: 'json-text', text, normalized }` (see EscapedRaw). */
export function storableRaw(value: unknown): unknown {
  const record = emptyRecord();
  const normalized = normalizeJson(value, record);
  if (!changed(record)) return value;
  return { encoding: 'json-text', text: JSON.stringify(value), normalized } satisfies EscapedRaw;
}
