// Trimming without regular expressions: `/[.\s]+$/`-style patterns rescan every run of white space from
// each of its positions, and rationales trim every first sentence.

/** White space as `String.prototype.trim` and the regex class `\s` see it. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** `text` without its trailing white space and `marks` (ASCII punctuation): `text.replace(/[<marks>\s]+$/, '')`. */
export function trimEnd(text: string, marks: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (!isSpace(c) && marks.indexOf(text[end - 1]) < 0) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}
