// mcp-risk classify-db: classify every crawled tool version that lacks a classification.
import { classifyDatabase } from '../classifier/classify-db.ts';
import { DbReviewCache } from '../classifier/llm/cache.ts';
import { createLlmReviewer, formatLlmStats } from '../classifier/llm/setup.ts';
import { type Io, withDb } from './io.ts';
import { LLM_FLAGS, LLM_FLAGS_HELP, llmFromFlags } from './llm-flags.ts';
import { parseCommandArgs } from './options.ts';

export const CLASSIFY_DB_HELP = `Usage: mcp-risk classify-db [--all] [--json] [--llm auto|all|off] [--llm-max-calls N]

Classifies the current version of every crawled tool that has no classification by this
classifier version yet (unchanged tools are not touched), reading each tool among its siblings.
With an LLM review, reviews are cached in the database by (definition hash, classifier version,
model, prompt version): a rerun over an unchanged catalogue makes no calls. Tools over the call
cap, or whose review failed, keep their heuristic verdict and are reviewed again by the next run.

Options:
  --all       reclassify every current tool version
  --json      print the result as JSON
${LLM_FLAGS_HELP}  -h, --help  show this help
`;

export async function runClassifyDbCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('classify-db', argv, { all: { type: 'boolean' }, json: { type: 'boolean' }, ...LLM_FLAGS });
  if (values.help) { io.stdout.write(CLASSIFY_DB_HELP); return 0; }
  const llm = llmFromFlags('classify-db', values, io.config.openai);
  const result = await withDb(io.config, (database) => classifyDatabase(database.db, {
    all: !!values.all,
    llm: createLlmReviewer(io.config.openai, llm.mode, { ...llm.options, cache: new DbReviewCache(database.db) }),
  }));
  if (values.json) { io.stdout.write(`${JSON.stringify(result, null, 2)}\n`); return 0; }
  io.stdout.write(`classified ${result.classified} tool versions on ${result.servers} servers (${result.confirmed} re-checked with the same verdict, ${result.unchanged} unchanged) in ${(result.durationMs / 1000).toFixed(1)}s\n`);
  if (result.llm) io.stdout.write(`${formatLlmStats(result.llm, result.llm.model)}; ${result.llm.stored} reviewed classifications stored\n`);
  return 0;
}
