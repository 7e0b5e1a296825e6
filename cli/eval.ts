// mcp-risk eval: score the classifier against reviewers' labels (gold) and author annotations.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLASSIFIER_VERSION } from '../classifier/classify.ts';
import { evaluateGold, type GoldReport } from '../classifier/eval-gold.ts';
import { evaluate, type EvalReport } from '../classifier/eval.ts';
import { formatGoldReport } from './eval-gold-format.ts';
import { POISONING_HELP, runPoisoningEval } from './eval-poisoning.ts';
import type { Io } from './io.ts';
import { existingFile, optionValues, parseCommandArgs, positiveInteger } from './options.ts';
import { UsageError } from './usage-error.ts';

export const EVAL_HELP = `Usage: mcp-risk eval [FILE.jsonl] [--gold FILE] [--annotated FILE] [--json] [--worst N] [--blind] [--all]
       mcp-risk eval --poisoning [FILE] [--negatives FILE]... [--json] [--show N]

Scores the heuristic classifier (no LLM) on labelled tool definitions.

Reviewers' labels (--gold, default $MCP_RISK_EVAL_DIR/gold-dev.jsonl): JSON lines with a tool definition,
"server", and the reviewers' "category" and "risk" (DESIGN §4), optionally "whyA"/"whyB" reasons and
"unclear". Reports category agreement, exact risk, risk within one level, the tools rated two or more levels
too low, category and risk confusion tables, how often each grading rule fired and agreed, and the worst
disagreements with both verdicts and the reviewers' reasons.

Author annotations (--annotated, default $MCP_RISK_EVAL_DIR/annotated-dev.jsonl): JSON lines with a tool
definition, "server" and the author's "annotations". Reports the agreement of "category is Read" with
readOnlyHint and, for tools not read-only, of "category is Destructive" with destructiveHint, per server,
and the disagreements. Missing annotation keys are not labels.

A FILE given alone is read as either kind, by whether its rows carry "category" and "risk"; then only that
report is printed (and --json prints that report alone, as before).

Options:
  --gold FILE        reviewers' labels to score against
  --annotated FILE   author annotations to score against
  --json             print the report as JSON ({ classifierVersion, gold, annotated })
  --worst N          disagreements to list (default 15)
  --blind            hide the annotations from the classifier (measures behaviour alone)
  --all              list destructive disagreements too (annotations report)
  -h, --help         show this help
${POISONING_HELP}`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEvalReport(report: EvalReport, all: boolean): string {
  const line = (label: string, s: EvalReport['readOnly']) =>
    `${label}: agreement ${pct(s.agreement)} (n=${s.n}), precision ${pct(s.precision)}, recall ${pct(s.recall)} [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]`;
  const out = [
    `${report.tools} tools, ${report.servers} servers`,
    line('read-only (category Read vs readOnlyHint)', report.readOnly),
    line('destructive (category Destructive vs destructiveHint, tools not read-only)', report.destructive),
    `destructiveHint=true rated Low: ${report.destructiveRatedLow.length}${report.destructiveRatedLow.length ? ` (${report.destructiveRatedLow.map((d) => `${d.server}/${d.name}`).join(', ')})` : ''}`,
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

async function lines(file: string, flag: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  } catch (error) {
    throw new UsageError(`eval: cannot read ${flag ? `${flag} ` : ''}${file}: ${(error as Error).message}`, 1);
  }
}

function isGold(rows: string[]): boolean {
  const first = rows[0] ? (JSON.parse(rows[0]) as Record<string, unknown>) : {};
  return typeof first.category === 'string' && typeof first.risk === 'string';
}

function parsed<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new UsageError(`eval: ${file}: ${(error as Error).message}`, 1);
  }
}

export async function runEvalCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('eval', argv, {
    json: { type: 'boolean' }, blind: { type: 'boolean' }, all: { type: 'boolean' },
    gold: { type: 'string' }, annotated: { type: 'string' }, worst: { type: 'string' },
    poisoning: { type: 'boolean' }, negatives: { type: 'string', multiple: true }, show: { type: 'string' },
  }, true);
  if (values.help) { io.stdout.write(EVAL_HELP); return 0; }
  if (values.poisoning) {
    if (positionals.length > 1) throw new UsageError('eval: --poisoning takes at most one FILE');
    return runPoisoningEval({ file: positionals[0], negatives: values.negatives, json: !!values.json, show: values.show, evalDir: io.config.evalDir }, io);
  }
  if (values.negatives || values.show) throw new UsageError('eval: --negatives and --show go with --poisoning');
  if (positionals.length > 1) throw new UsageError('eval: give at most one FILE.jsonl (or --gold FILE and --annotated FILE)');
  const value = optionValues('eval', values);
  const worst = value('worst', positiveInteger, 15);
  const gold = value('gold', existingFile);
  const annotated = value('annotated', existingFile);
  const out = io.stdout;

  // one file alone: the report of its kind, in the shape this command has always printed
  if (positionals.length === 1 && !gold && !annotated) {
    const file = positionals[0];
    const rows = await lines(file, '');
    if (isGold(rows)) {
      const gold = parsed(file, () => evaluateGold(rows));
      out.write(values.json ? `${JSON.stringify(gold, null, 2)}\n` : formatGoldReport(gold, file, worst));
    } else {
      const report = parsed(file, () => evaluate(rows, { blind: !!values.blind }));
      out.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report, !!values.all));
    }
    return 0;
  }

  const dir = io.config.evalDir;
  const goldFile = gold ?? positionals[0] ?? join(dir, 'gold-dev.jsonl');
  const annotatedFile = annotated ?? join(dir, 'annotated-dev.jsonl');
  const goldRows = await lines(goldFile, values.gold ? '--gold' : '');
  const goldReport: GoldReport = parsed(goldFile, () => evaluateGold(goldRows));
  const annotatedRows = await lines(annotatedFile, values.annotated ? '--annotated' : '');
  const annotatedReport = parsed(annotatedFile, () => evaluate(annotatedRows, { blind: !!values.blind }));
  if (values.json) {
    out.write(`${JSON.stringify({ classifierVersion: CLASSIFIER_VERSION, gold: goldReport, annotated: annotatedReport }, null, 2)}\n`);
    return 0;
  }
  out.write(`mcp-risk eval, classifier ${CLASSIFIER_VERSION} (heuristics only)\n\n`);
  out.write(formatGoldReport(goldReport, goldFile, worst));
  out.write(`\nAuthor annotations (${annotatedFile}):\n`);
  out.write(formatEvalReport(annotatedReport, !!values.all));
  return 0;
}
