// mcp-risk classify: classify tool definitions read from a file or stdin.
import { readFile } from 'node:fs/promises';
import { classifyTools } from '../classifier/classify.ts';
import { PROMPT_VERSION } from '../classifier/llm/prompt.ts';
import { createLlmReviewer, formatLlmStats } from '../classifier/llm/setup.ts';
import { parseToolsInput } from '../classifier/read-input.ts';
import type { Io } from './io.ts';
import { LLM_FLAGS, LLM_FLAGS_HELP, llmFromFlags } from './llm-flags.ts';
import { optionValues, parseCommandArgs, nonEmpty } from './options.ts';
import { UsageError } from './usage-error.ts';

export const CLASSIFY_HELP = `Usage: mcp-risk classify [FILE|-] [--server NAME] [--server-description TEXT] [--llm auto|all|off]

Reads tool definitions (a tools/list result {"tools":[...]}, a JSON array of tools, or JSON lines
of tools) from FILE or standard input, and prints a JSON array with one object per tool:
name, category, risk, confidence, rationale, evidence[], findings[], policy. The other tools of
the input are read as the tool's siblings. With an LLM review, each object also says which method
produced it (heuristic or llm), the model and the prompt version; reviews are cached in memory for
the run only, and a summary of the calls is printed on standard error.

Options:
  --server NAME               the server's name, used in rationales
  --server-description TEXT   the server's description, used as context
${LLM_FLAGS_HELP}  -h, --help                  show this help
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runClassifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', argv, {
    server: { type: 'string' }, 'server-description': { type: 'string' }, ...LLM_FLAGS,
  }, true);
  if (values.help) { io.stdout.write(CLASSIFY_HELP); return 0; }
  const value = optionValues('classify', values);
  const server = { name: value('server', nonEmpty), description: value('server-description', nonEmpty) };
  const { mode, options } = llmFromFlags('classify', values, io.config.openai);
  const reviewer = createLlmReviewer(io.config.openai, mode, options);
  if (positionals.length > 1) throw new UsageError('classify: give one FILE (or - for standard input)');
  const file = positionals[0] ?? '-';
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`classify: cannot read ${file}: ${(error as Error).message}`, 1);
  }
  const tools = parseToolsInput(text);
  const ctx = { ...server, tools };
  const result = classifyTools(ctx);
  if (!reviewer) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const outcomes = await reviewer.reviewServer(ctx, result);
  const reviewed = outcomes.map((o) => ({
    ...o!.classification, method: o!.method,
    ...(o!.method === 'llm' ? { model: reviewer.model, promptVersion: PROMPT_VERSION } : {}),
    ...(o!.reason ? { llmError: o!.reason } : {}),
  }));
  io.stdout.write(`${JSON.stringify(reviewed, null, 2)}\n`);
  io.stderr.write(`${formatLlmStats(reviewer.stats(), reviewer.model)}\n`);
  return 0;
}
