// Invisible and deceptive text: zero-width, bidi-control and Unicode tag characters, terminal escapes,
// look-alike letters from other scripts inside words, and text pushed out of sight by white space.
import type { FindingRule, RuleHit } from './rule.ts';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]|\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007?|[\u0000-\u0008\u000B\u000C\u000E-\u001A\u001C-\u001F\u007F]/gu;
/** A fast, non-Unicode-mode pre-check for any character INVISIBLE could match (tag characters start with \uDB40). */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uDB40]/;
const FEW = 3;
const BIDI_OR_TAG = /[\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]|\u001B/u;
const JOINER_NEIGHBOUR = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Hebrew}\p{Script=Syriac}]/u;

/** Latin letters and Cyrillic or Greek look-alikes inside one word ("Gооgle" with Cyrillic o). */
const MIXED_PRECHECK = /[\u0391-\u03C9\u0400-\u04FF\u0500-\u052F]/;
const MIXED_WORD = /[A-Za-z]*[аеорсухіјѕԁһАВЕКМНОРСТХІЈЅοανριΑΒΕΖΗΙΚΜΝΟΡΤΥΧ][A-Za-z\u0391-\u03C9\u0400-\u052F]*/g;
const LATIN = /[A-Za-z]/;

function mixedWord(text: string): boolean {
  MIXED_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MIXED_WORD.exec(text)) !== null) if (LATIN.test(m[0])) return true;
  return false;
}

/** Fullwidth Latin letters, and the mathematical alphanumerics (bold, italic, script …). */
const STYLED = /[\uFF21-\uFF3A\uFF41-\uFF5A]|\uD835[\uDC00-\uDFFF]/;
const STYLED_WORD = /(?:[\uFF21-\uFF3A\uFF41-\uFF5A]|\uD835[\uDC00-\uDFFF]){4,}/;

const PAD_SPACES = 60;
const PAD_LINES = 12;

/** Where visible text starts after a run of 60 spaces or 15 line breaks (one pass, no regex), or -1. */
export function afterPadding(text: string): { at: number; run: number } | undefined {
  let start = -1;
  let spaces = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 160 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) { if (start < 0) start = i; spaces++; continue; }
    if (c === 10 || c === 13) { if (start < 0) start = i; if (c === 10) lines++; spaces = 0; continue; }
    if (start >= 0 && (spaces >= PAD_SPACES || lines >= PAD_LINES)) return { at: i, run: i - start };
    start = -1; spaces = 0; lines = 0;
  }
  return undefined;
}

export const INVISIBLE_RULES: FindingRule[] = [
  {
    id: 'invisible.control-characters', kind: 'invisible_characters', severity: 'medium', families: ['nonAscii', 'control'],
    matches: 'Zero-width characters, bidi overrides, Unicode tag characters, terminal (ANSI) escapes and other control characters.',
    detect: (doc) => {
      if (!SUSPECT.test(doc.text)) return undefined;
      let count = 0;
      let first: RuleHit | undefined;
      let severe = false;
      for (const seg of doc.segments) {
        const text = seg.text;
        if (!SUSPECT.test(text)) continue;
        INVISIBLE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = INVISIBLE.exec(text)) !== null) {
          const ch = m[0];
          if (ch === '\u200D' || ch === '\u200C') {
            // zero-width joiners inside emoji sequences and joining scripts are legitimate
            const before = text.slice(Math.max(0, m.index - 2), m.index);
            const after = text.slice(m.index + 1, m.index + 3);
            if (JOINER_NEIGHBOUR.test(before) || JOINER_NEIGHBOUR.test(after)) continue;
          }
          if (ch === '\uFEFF' && m.index === 0) continue;
          count++;
          first ??= { seg, at: m.index, length: ch.length, message: '' };
          if (BIDI_OR_TAG.test(ch)) severe = true;
        }
      }
      if (!first) return undefined;
      const what = severe ? 'bidi overrides, tag characters or terminal escapes' : 'zero-width or control characters';
      // a few stray zero-width spaces are copy-and-paste debris; hiding text takes many, or bidi and tag characters
      return { ...first, severity: severe ? 'high' : count > FEW ? 'medium' : 'low', message: `The definition contains ${count} invisible or control character${count === 1 ? '' : 's'} (${what}) that can hide text from a human reviewer.` };
    },
  },
  {
    id: 'invisible.fullwidth-text', kind: 'invisible_characters', severity: 'medium', families: ['nonAscii'],
    matches: 'Latin words written in fullwidth or mathematical letters (Ｉｇｎｏｒｅ, 𝐢𝐠𝐧𝐨𝐫𝐞), which read as words to the model but slip past filters.',
    detect: (doc) => {
      if (!STYLED.test(doc.text)) return undefined;
      for (const seg of doc.segments) {
        const m = STYLED_WORD.exec(seg.text);
        if (m) return { seg, at: m.index, length: m[0].length, message: `The definition writes "${m[0].normalize('NFKC')}" in styled letters that keyword filters do not read.` };
      }
      return undefined;
    },
  },
  {
    id: 'invisible.mixed-script', kind: 'invisible_characters', severity: 'high', families: ['nonAscii'],
    matches: 'Words that mix Latin letters with Cyrillic or Greek look-alikes, so the text reads differently to people and to filters.',
    detect: (doc) => {
      if (!MIXED_PRECHECK.test(doc.text) || !mixedWord(doc.text)) return undefined;
      for (const seg of doc.segments) {
        if (seg.field === 'name' || !MIXED_PRECHECK.test(seg.text)) continue;
        MIXED_WORD.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = MIXED_WORD.exec(seg.text)) !== null) {
          if (LATIN.test(m[0])) return { seg, at: m.index, length: m[0].length, message: `The definition spells "${m[0]}" with look-alike letters from another script.` };
        }
      }
      return undefined;
    },
  },
  {
    id: 'invisible.whitespace-padding', kind: 'invisible_characters', severity: 'high', families: ['padding', 'newlines'],
    matches: 'Text that follows a long run of spaces or blank lines, out of sight in most viewers.',
    detect: (doc) => {
      if (doc.text.length < PAD_LINES + 2 || !afterPadding(doc.text)) return undefined;
      for (const seg of doc.segments) {
        const p = afterPadding(seg.text);
        if (p) return { seg, at: p.at, length: Math.min(80, seg.text.length - p.at), message: `The definition hides text after ${p.run} characters of white space, out of sight of a human reviewer.` };
      }
      return undefined;
    },
  },
];
