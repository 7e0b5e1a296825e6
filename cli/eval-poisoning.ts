// mcp-risk eval --poisoning [FILE]: the finding rules measured on a poisoning suite and on clean definitions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NEGATIVES_FILE, DEFAULT_POISONING_FILE, EvalInputError, evaluatePoisoning } from '../classifier/eval-poisoning.ts';
import { formatPoisoningReport } from '../classifier/eval-poisoning-format.ts';
import type { Io } from './io.ts';
import { optionValues, positiveInteger } from './options.ts';
import { UsageError } from './usage-error.ts';

export const POISONING_HELP = `
  --poisoning [FILE]   measure the findings instead: FILE holds JSON lines of tool definitions with
                       "poisoned" (true/false), "attack" (its kind) and "server" (null: a server of its
                       own); default poisoning-dev.jsonl in $MCP_RISK_EVAL_DIR. Prints, per attack kind, how many
                       poisoned definitions raise a finding of severity medium or more, how many clean ones
                       do, the same for each --negatives file, and how often each rule fired
  --negatives FILE     clean definitions (JSON lines with "server") counted as false positives; repeatable;
                       default annotated-dev.jsonl in $MCP_RISK_EVAL_DIR
  --show N             with --poisoning, list at most N missed and N flagged definitions (default 20)
`;

async function lines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n');
  } catch (error) {
    throw new UsageError(`eval: cannot read ${path}: ${(error as Error).message}`, 1);
  }
}

export interface PoisoningArgs {
  file?: string;
  negatives?: string[];
  json: boolean;
  show?: string;
  /** Where the default files are (the configured eval directory). @default beside the repository */
  evalDir?: string;
}

export async function runPoisoningEval(args: PoisoningArgs, io: Io): Promise<number> {
  const dir = (name: string, fallback: URL) => (args.evalDir ? join(args.evalDir, name) : fileURLToPath(fallback));
  const file = args.file ?? dir('poisoning-dev.jsonl', DEFAULT_POISONING_FILE);
  const negatives = args.negatives?.length ? args.negatives : [dir('annotated-dev.jsonl', DEFAULT_NEGATIVES_FILE)];
  const show = optionValues('eval', { show: args.show })('show', positiveInteger, 20);
  try {
    const report = evaluatePoisoning({
      suite: { label: file, lines: await lines(file) },
      negatives: await Promise.all(negatives.map(async (n) => ({ label: n, lines: await lines(n) }))),
    });
    io.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatPoisoningReport(report, { show }));
    return 0;
  } catch (error) {
    if (error instanceof EvalInputError) throw new UsageError(`eval: ${error.message}`, 1);
    throw error;
  }
}
