// The one normalization (db/normalize-text.ts): what it does to which characters, what it records, and that it
// keeps everything else (controls, bidi, emoji, pairs) exactly.
import { describe, expect, it } from 'vitest';
import { describeRecord, emptyRecord, isStorable, normalizeJson, normalizeText, storableRaw } from '../../db/normalize-text.ts';
import { canonicalJson, definitionHash } from '../../db/tool-definition.ts';

describe('normalizeText', () => {
  it.each([
    ['NUL', 'a\u0000b', 'a\u2400b', { nul: 1 }],
    ['two NULs', '\u0000\u0000', '\u2400\u2400', { nul: 2 }],
    ['a lone high surrogate', 'x\uD83Dy', 'x\uFFFDy', { lone_surrogate: 1 }],
    ['a lone low surrogate', 'x\uDE00', 'x\uFFFD', { lone_surrogate: 1 }],
    ['a reversed pair', '\uDE00\uD83D', '\uFFFD\uFFFD', { lone_surrogate: 2 }],
    ['a high surrogate before a pair', '\uD83D\uD83D\uDE00', '\uFFFD\uD83D\uDE00', { lone_surrogate: 1 }],
  ])('replaces %s', (_what, input, output, counts) => {
    const record = emptyRecord();
    expect(normalizeText(input, record, 'description')).toBe(output);
    expect(record).toEqual({ counts, paths: ['description'] });
    expect(isStorable(input)).toBe(false);
    expect(isStorable(output)).toBe(true);
    expect(normalizeText(output)).toBe(output); // idempotent
  });

  it.each([
    ['emoji and pairs', 'ok 😀 👩‍💻 \u{1F600}'],
    ['other C0 controls and DEL', '\u0001\u0007\u001B[31m\u007F\t\r\n'],
    ['bidi, zero-width and BOM', '\u202Eexe.txt\u202C \u200B\u200D \uFEFF'],
    ['tag characters and noncharacters', '\u{E0041}\u{E0069} \uFFFE\uFFFF'],
    ['the marks themselves', '\u2400 \uFFFD'],
  ])('keeps %s unchanged and records nothing', (_what, input) => {
    const record = emptyRecord();
    expect(normalizeText(input, record)).toBe(input);
    expect(record).toEqual({ counts: {}, paths: [] });
  });
});

describe('normalizeJson', () => {
  it('normalizes keys and values at every depth, recording each path', () => {
    const wire = JSON.parse('{"name":"n\\u0000","inputSchema":{"properties":{"a\\ud800":{"description":"\\u0000"}},"required":["\\udc00"]}}');
    const record = emptyRecord();
    const out = normalizeJson(wire, record);
    expect(out).toEqual({ name: 'n\u2400', inputSchema: { properties: { 'a\uFFFD': { description: '\u2400' } }, required: ['\uFFFD'] } });
    expect(record.counts).toEqual({ nul: 2, lone_surrogate: 2 });
    expect(record.paths).toEqual(['name', 'inputSchema.properties["a\\ud800"]', 'inputSchema.properties["a�"].description', 'inputSchema.required[0]']);
    expect(describeRecord(record)).toMatch(/^normalized 2 NUL \(U\+0000 -> U\+2400\), 2 lone surrogate/);
  });

  it('keeps prototype-named keys as own properties of plain objects', () => {
    const wire = JSON.parse('{"__proto__":{"x":1},"constructor":"c","toString":"t","hasOwnProperty":"h"}');
    const out = normalizeJson(wire) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ x: 1 });
    expect(JSON.parse(JSON.stringify(out))).toEqual(wire);
    expect(({} as Record<string, unknown>).x).toBeUndefined(); // no prototype was polluted
  });

  it('drops a key that equals an earlier one once normalized, and says so', () => {
    const record = emptyRecord();
    const out = normalizeJson(JSON.parse('{"a\\u0000":1,"a\u2400":2,"b":3}'), record);
    expect(out).toEqual({ 'a\u2400': 1, b: 3 });
    expect(record.counts).toEqual({ nul: 1, key_collision: 1 });
  });
});

describe('storableRaw and the canonical hash', () => {
  it('keeps a storable raw record as it is, and an unstorable one as escaped JSON text beside its normalized form', () => {
    const clean = { name: 'ok', list: [1, 'two'] };
    expect(storableRaw(clean)).toBe(clean);
    const hostile = JSON.parse('{"name":"a\\u0000b\\ud800"}');
    const kept = storableRaw(hostile) as { encoding: string; text: string; normalized: unknown };
    expect(kept.encoding).toBe('json-text');
    expect(kept.text).toBe('{"name":"a\\u0000b\\ud800"}'); // exactly what was sent, in storable ASCII escapes
    expect(JSON.parse(kept.text)).toEqual(hostile);
    expect(kept.normalized).toEqual({ name: 'a\u2400b\uFFFD' });
  });

  it('hashes the normalized definition in canonical form: keys sorted, whatever the order they came in', () => {
    const a = normalizeJson(JSON.parse('{"name":"t","inputSchema":{"type":"object","properties":{"b":{},"a":{}}},"description":"x\\u0000"}'));
    const b = normalizeJson(JSON.parse('{"description":"x\\u0000","inputSchema":{"properties":{"a":{},"b":{}},"type":"object"},"name":"t"}'));
    expect(canonicalJson(a)).toBe('{"description":"x␀","inputSchema":{"properties":{"a":{},"b":{}},"type":"object"},"name":"t"}');
    expect(definitionHash(a as never)).toBe(definitionHash(b as never));
    expect(definitionHash(a as never)).toMatch(/^[0-9a-f]{64}$/);
  });
});
