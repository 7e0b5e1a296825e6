// mcp-risk classify: classify tool definitions read from a file or stdin.
import { readFile } from 'node:fs/promises';
import { classifyTools } from '../classifier/classify.ts';
import { parseToolsInput } from '../classifier/read-input.ts';
import { type Io, parseCommandArgs, UsageError } from './io.ts';

export const CLASSIFY_HELP = `Usage: mcp-risk classify [FILE|-] [--server NAME] [--server-description TEXT]

Reads tool definitions (a tools/list result {"tools":[...]}, a JSON array of tools, or JSON lines
of tools) from FILE or standard input, and prints a JSON array with one object per tool:
name, category, risk, confidence, rationale, evidence[], findings[], policy. The other tools of
the input are read as the tool's siblings.

Options:
  --server NAME               the server's name, used in rationales
  --server-description TEXT   the server's description, used as context
  -h, --help                  show this help
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runClassifyCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', argv, {
    server: { type: 'string' }, 'server-description': { type: 'string' },
  }, true);
  if (values.help) { io.stdout.write(CLASSIFY_HELP); return 0; }
  if (positionals.length > 1) throw new UsageError('classify: give one FILE (or - for standard input)');
  const file = positionals[0] ?? '-';
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`classify: cannot read ${file}: ${(error as Error).message}`, 1);
  }
  const tools = parseToolsInput(text);
  const result = classifyTools({ name: values.server, description: values['server-description'], tools });
  io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}
