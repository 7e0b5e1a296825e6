// Crawled text made safe to show: invisible and bidi control characters made visible, long text cut
// at a character boundary, and JSON with every character that matters to HTML escaped as \u sequences.
import { markdownText } from './markdown.ts';

/**
 * Bidi overrides and isolates, zero-width and other format characters, C0/C1 controls but tab and newline, and
 * noncharacters (U+FDD0-U+FDEF, U+FFFE and U+FFFF of every plane), which HTML also counts as parse errors.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufdd0-\ufdef\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff]|\udb40[\udc00-\udc7f]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;

const codePoint = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** The text with hidden characters shown as [U+202E]: what a reader sees is what the model reads. */
export function visible(text: string | null | undefined): string {
  return text ? text.replace(HIDDEN, (ch) => `[U+${codePoint(ch)}]`) : '';
}

/** Whether the text holds characters that `visible` rewrites. */
export const hasHidden = (text: string): boolean => { HIDDEN.lastIndex = 0; const found = HIDDEN.test(text); HIDDEN.lastIndex = 0; return found; };

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

/** One line of plain text (its Markdown markup left out) of at most `max` characters, with an ellipsis when cut. */
export function summary(text: string | null | undefined, max = 160): string {
  const line = visible(markdownText((text ?? '').trimStart().split('\n', 1)[0] ?? ''));
  return line.length > max ? `${cut(line, max - 1)}…` : line;
}

export interface LongText {
  /** Shown at once. */
  head: string;
  /** Shown behind a <details>. */
  rest: string;
  /** Characters in neither (read them in the JSON file). */
  omitted: number;
  length: number;
}

/** Splits long text for display: a head, a rest behind a disclosure, and what is left to the JSON file. */
export function longText(text: string | null | undefined, options: { head?: number; rest?: number } = {}): LongText {
  const { head = 1500, rest = 100_000 } = options;
  const full = visible(text);
  const first = cut(full, head);
  const second = cut(full.slice(first.length), rest);
  return { head: first, rest: second, omitted: full.length - first.length - second.length, length: (text ?? '').length };
}

/** JSON.stringify with <, >, & and invisible characters escaped: shared with the CLI's exports. */
export { safeJson } from '../../../classifier/safe-json.ts';
