// mcp-risk eval: score the classifier against author annotations.
import { readFile } from 'node:fs/promises';
import { evaluate, type EvalReport } from '../classifier/eval.ts';
import { type Io, parseCommandArgs, UsageError } from './io.ts';

export const EVAL_HELP = `Usage: mcp-risk eval FILE.jsonl [--json] [--blind] [--all]

Scores the classifier against author annotations. FILE holds JSON lines of tool definitions with
a "server" key (tools are grouped by server, so siblings are seen) and the authors' "annotations".
Reports the agreement of "category is Read" with readOnlyHint and, for tools not read-only, of
"category is Destructive" with destructiveHint (precision and recall for each), agreement per
server, tools marked destructiveHint=true but rated Low, and every disagreement with the evidence
the classifier used. Missing annotation keys are not labels.

Options:
  --json      print the whole report as JSON
  --blind     hide the annotations from the classifier (measures behaviour alone)
  --all       list destructive disagreements too (default: read-only ones)
  -h, --help  show this help
`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEvalReport(report: EvalReport, all: boolean): string {
  const line = (label: string, s: EvalReport['readOnly']) =>
    `${label}: agreement ${pct(s.agreement)} (n=${s.n}), precision ${pct(s.precision)}, recall ${pct(s.recall)} [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]`;
  const out = [
    `${report.tools} tools, ${report.servers} servers`,
    line('read-only (category Read vs readOnlyHint)', report.readOnly),
    line('destructive (category Destructive vs destructiveHint, tools not read-only)', report.destructive),
    `destructiveHint=true rated Low: ${report.destructiveRatedLow.length}${report.destructiveRatedLow.length ? ` (${report.destructiveRatedLow.map((d) => `${d.server}/${d.name}`).join(", ")})` : ''}`,
    '',
    'per server, worst read-only agreement first:',
  ];
  for (const s of [...report.perServer].sort((a, b) => a.readOnly.agreement - b.readOnly.agreement)) {
    out.push(`  ${s.server.padEnd(36)} ${String(s.tools).padStart(4)} tools  read-only ${pct(s.readOnly.agreement).padStart(6)} (n=${s.readOnly.n})  destructive ${pct(s.destructive.agreement).padStart(6)} (n=${s.destructive.n})`);
  }
  const shown = all ? report.disagreements : report.disagreements.filter((d) => d.hint === 'readOnlyHint');
  out.push('', `${shown.length} disagreements${all ? '' : ' on readOnlyHint (--all for destructiveHint too)'}:`);
  for (const d of shown) out.push(`  [${d.server}] ${d.name}: ${d.hint}=${d.annotated} but ${d.category}/${d.risk}; evidence: ${d.evidence.join('; ')}`);
  return `${out.join('\n')}\n`;
}

export async function runEvalCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', argv, { json: { type: 'boolean' }, blind: { type: 'boolean' }, all: { type: 'boolean' } }, true);
  if (values.help) { io.stdout.write(EVAL_HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError('eval: give one FILE.jsonl of annotated tool definitions');
  let text: string;
  try {
    text = await readFile(positionals[0], 'utf8');
  } catch (error) {
    throw new UsageError(`eval: cannot read ${positionals[0]}: ${(error as Error).message}`, 1);
  }
  const report = evaluate(text.split('\n'), { blind: !!values.blind });
  io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report, !!values.all));
  return 0;
}
