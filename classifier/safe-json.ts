// JSON that is safe to paste and to embed: the same value as JSON.stringify, with the characters that
// matter to HTML (<, >, &), line separators and invisible or bidi control characters written as \u
// escapes, so a hostile tool name cannot hide itself or break out of a page or a terminal.

const JSON_ESCAPES = /[<>&\u2028\u2029\u0080-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** JSON.stringify, with <, >, &, line separators and invisible characters written as \u escapes (the same value). */
export function safeJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent) ?? 'null';
  return json.replace(JSON_ESCAPES, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
