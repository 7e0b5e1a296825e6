// Shortening text for one-line messages and progress lines without cutting a word in half.

/** Shortens text to at most `max` characters at the last word boundary (a text without one is cut hard), marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
}
