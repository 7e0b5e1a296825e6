// JSON that is safe to paste and to embed: the same value as JSON.stringify, with the characters that
// matter to HTML (<, >, &), line separators and invisible or bidi control characters written as \u
// escapes, so a hostile tool name cannot hide itself or break out of a page or a terminal. Noncharacters
// (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) are escaped too: HTML counts them as parse errors.

const JSON_ESCAPES = /[<>&\u2028\u2029\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufdd0-\ufdef\ufeff\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;
const escapeUnits = (ch: string) => Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** JSON.stringify, with <, >, &, line separators and invisible characters written as \u escapes (the same value). */
export function safeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent) ?? 'null';
  return json.replace(JSON_ESCAPES, escapeUnits);
}
