// The hand-written string code that replaced regexes and splits for speed gives what the regexes gave,
// on the lexicon and on real descriptions (the classifier's output must not change with it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../classifier/findings/keywords.ts';
import { familiesIn } from '../../classifier/findings/families.ts';
import { splitSentences } from '../../classifier/findings/doc.ts';
import type { Sentence } from '../../classifier/findings/rule.ts';
import { TextTokenReader, textTokens } from '../../classifier/tokens.ts';
import { trimEnd } from '../../classifier/trim-end.ts';
import { lexiconVerbs, thirdPerson } from '../../classifier/verbs.ts';

const descriptions = readFileSync(new URL('../../../shared/eval/gold-dev.jsonl', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => String((JSON.parse(l) as { description?: unknown }).description ?? ''));
const odd = ['', ' ', '.', 'a', 'y', 'ay', 'by', '\ny', 'sh', 'ch', 'h', 'fix', 'buzz', 'go', 'echo', 'push', 'watch', 'bath', 'deploy', 'query',
  'Done. . \n', 'x\u00a0\u2003', 'ends;:,', ' \u3000', 'a\uFEFF', 'İ', 'K'];

describe('hand-written replacements', () => {
  it('thirdPerson conjugates as the /[^aeiou]y$/ and /(?:s|sh|ch|x|z|o)$/ rules did', () => {
    const byRegex = (l: string) => (/[^aeiou]y$/.test(l) ? l.slice(0, -1) + 'ies' : /(?:s|sh|ch|x|z|o)$/.test(l) ? l + 'es' : l + 's');
    const lemmas = [...lexiconVerbs()].map((v) => v.lemma);
    expect(lemmas.length).toBeGreaterThan(100);
    for (const l of [...lemmas, ...odd]) expect(thirdPerson(l), l).toBe(byRegex(l));
    expect(thirdPerson('query')).toBe('queries');
    expect(thirdPerson('push')).toBe('pushes');
  });

  it('trimEnd strips what /[.\\s]+$/ and /[.:;,\\s]+$/ strip', () => {
    for (const t of [...descriptions, ...odd]) {
      expect(trimEnd(t, '.')).toBe(t.replace(/[.\s]+$/, ''));
      expect(trimEnd(t, '.:;,')).toBe(t.replace(/[.:;,\s]+$/, ''));
    }
  });

  it('the automaton scans a range as it scans that slice', () => {
    const a = new KeywordAutomaton(new Map([[' you must', 1], ['.ssh', 2], ['sh', 4]]));
    const text = 'You must read ~/.ssh now. Then you must not.';
    expect(a.scan(text, 26, text.length)).toBe(a.scan(text.slice(26)));
    expect(a.scan(text, 4, 20)).toBe(a.scan(text.slice(4, 20)));
    for (const d of descriptions) {
      const mid = d.length >> 1;
      expect(familiesIn(d, mid, d.length)).toBe(familiesIn(d.slice(mid)));
      expect(familiesIn(d, 0, mid)).toBe(familiesIn(d.slice(0, mid)));
    }
  });

  it('the token reader yields the tokens textTokens gives, up to the limit', () => {
    for (const d of descriptions) {
      const all = textTokens(d, 30);
      const reader = new TextTokenReader(d, 30);
      for (let k = 0; k <= all.length; k++) expect(reader.get(k)).toEqual(all[k]);
    }
  });

  it('splitSentences cuts where the per-character scan it replaced cut', () => {
    // the previous implementation, kept here as the reference
    const endsAt = (text: string, i: number) => {
      const c = text.charCodeAt(i);
      if (c === 10) return true;
      if (c !== 46 && c !== 33 && c !== 63) return false;
      const next = text.charCodeAt(i + 1);
      return Number.isNaN(next) || next === 32 || next === 10 || next === 9 || next === 13;
    };
    const reference = (text: string) => {
      const out: [number, string][] = [];
      let start = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i < text.length && !endsAt(text, i) && i - start < 700) continue;
        const end = i < text.length ? i + 1 : i;
        const body = text.slice(start, end);
        if (body.trim().length > 1) out.push([start, body]);
        start = end;
      }
      return out;
    };
    const long = 'word '.repeat(400);
    const texts = [...descriptions, ...odd, long, `${long}. And more.`, `${'x'.repeat(700)}. y`, `${'x'.repeat(699)}. y`, 'a.b.com ~/.ssh/id_rsa. Next!\nLast?', 'end.\t\r\n'];
    for (const text of texts) {
      const got: Sentence[] = [];
      splitSentences({ field: 'description', text }, got);
      expect(got.map((s) => [s.start, s.text])).toEqual(reference(text));
      for (const s of got) expect(s.families).toBe(familiesIn(s.text));
    }
  });
});
