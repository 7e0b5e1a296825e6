// A line diff of two tool definitions, as their canonical pretty JSON (keys sorted at every depth):
// `- ` lines were pinned, `+ ` lines are new, `  ` lines are unchanged context next to a change.
import { canonicalJson } from '../../db/tool-definition.ts';

/** Lines longer than this are cut in the diff (the whole definitions are in the pin file and the report). */
const MAX_LINE = 300;
/** Unchanged lines kept on each side of a change. */
const CONTEXT = 1;
/** Above this many lines on either side the diff is not computed line by line. */
const MAX_LINES = 2000;

/** The definition as pretty JSON with sorted keys, one line per property. */
export function prettyCanonical(value: unknown): string[] {
  return JSON.stringify(JSON.parse(canonicalJson(value)), null, 2).split('\n');
}

const clip = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);

/** The changed lines with a line of context around each change; [] when the two are equal. */
export function definitionDiff(before: unknown, after: unknown): string[] {
  const a = before === undefined ? [] : prettyCanonical(before);
  const b = after === undefined ? [] : prettyCanonical(after);
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [...a.slice(0, 5).map((l) => `- ${clip(l)}`), '- …', ...b.slice(0, 5).map((l) => `+ ${clip(l)}`), '+ …'];
  // Longest common subsequence, by dynamic programming from the end.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ op: ' ', line: a[i] }); i++; j++; }
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: a[i++] });
    else ops.push({ op: '+', line: b[j++] });
  }
  const near = (k: number) => ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((o) => o.op !== ' ');
  const out: string[] = [];
  let skipped = false;
  ops.forEach((o, k) => {
    if (o.op !== ' ' || near(k)) { if (skipped && out.length) out.push('  …'); skipped = false; out.push(`${o.op} ${clip(o.line)}`); }
    else skipped = true;
  });
  return out.some((l) => l[0] !== ' ') ? out : [];
}
