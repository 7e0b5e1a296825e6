// fast-check generators of tool listings as a hostile server sends them: any UTF-16 code unit (NUL, C0 controls,
// lone surrogates), bidi and zero-width characters, emoji, 100 KB strings, names equal to Object.prototype keys,
// duplicate and case-colliding names, deep and wide schemas. `wire` is what arrives: JSON text parsed again.
import fc from 'fast-check';

export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const HOSTILE_UNITS = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u001B', '\u0007', '\u007F',
  '\u2400', '\uFFFD', '\uFFFE', '😀', '👩‍💻', '\u{E0041}', '<', '"', '\\', '&', '\n', ' '];

/** One unit of text: mostly the hostile ones, then any code unit, then any code point above the BMP. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_UNITS) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'S', 's', 'e', 'r', 'c', 'h', '_', '-', '.') },
);

export const hostileText = (maxLength = 40) => fc.string({ unit, maxLength });

/** A string of about 100 KB made by repeating a hostile seed (cut anywhere, so a pair may be split at the end). */
export const hugeText = hostileText(12).map((seed) => (seed || '\u0000').repeat(Math.ceil(100_000 / (seed.length || 1))).slice(0, 100_000));

/** Tool and property names: prototype keys, case-colliding spellings, and arbitrary hostile text. */
export const hostileName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom('search', 'Search', 'SEARCH', 'search\u0000', 'search\uD800', 'se\u200Barch'),
  hostileText(30).filter((s) => s.trim() !== ''),
);

const leaf = fc.record({ type: fc.constantFrom('string', 'number', 'boolean'), description: fc.option(hostileText(), { nil: undefined }) }, { requiredKeys: ['type'] });

/** A schema node: leaves, and objects up to 6 levels deep with up to 24 properties (prototype names included). */
const schemaNode: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 6 },
    leaf,
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(hostileName, tie('node'), { maxKeys: 24 }), required: fc.array(hostileName, { maxLength: 3 }) })),
})).node;

export const toolArbitrary = fc.record({
  name: hostileName,
  title: fc.option(hostileText(), { nil: undefined }),
  description: fc.option(fc.oneof({ weight: 5, arbitrary: hostileText(200) }, { weight: 1, arbitrary: hugeText }), { nil: undefined }),
  inputSchema: fc.record({ type: fc.constant('object'), properties: fc.dictionary(hostileName, schemaNode, { maxKeys: 12 }) }),
  annotations: fc.option(fc.record({ title: fc.option(hostileText(), { nil: undefined }), readOnlyHint: fc.boolean(), [PROTOTYPE_NAMES[0]]: hostileText(10) }), { nil: undefined }),
});

/** A server's tools/list entries as they arrive: serialised by the server (JSON.stringify) and parsed by the client. */
export const listingArbitrary = fc.array(toolArbitrary, { minLength: 1, maxLength: 6 })
  .chain((tools) => fc.constantFrom(...tools).map((again) => [...tools, again])) // a duplicate name every time
  .map((tools) => JSON.parse(JSON.stringify(tools)) as unknown[]);

/** Every string of a JSON value, keys included. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); allStrings(v, out); }
  return out;
}

/** NUL or a lone surrogate: what neither database can hold. */
export const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
