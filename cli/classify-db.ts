// mcp-risk classify-db: classify every crawled tool version that lacks a classification.
import { classifyDatabase } from '../classifier/classify-db.ts';
import { type Io, parseCommandArgs, withDb } from './io.ts';

export const CLASSIFY_DB_HELP = `Usage: mcp-risk classify-db [--all] [--json]

Classifies the current version of every crawled tool that has no classification by this
classifier version yet (unchanged tools are not touched), reading each tool among its siblings.

Options:
  --all       reclassify every current tool version
  --json      print the result as JSON
  -h, --help  show this help
`;

export async function runClassifyDbCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('classify-db', argv, { all: { type: 'boolean' }, json: { type: 'boolean' } });
  if (values.help) { io.stdout.write(CLASSIFY_DB_HELP); return 0; }
  const result = await withDb(io.config, (database) => classifyDatabase(database.db, { all: !!values.all }));
  if (values.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`classified ${result.classified} tool versions on ${result.servers} servers (${result.unchanged} unchanged) in ${(result.durationMs / 1000).toFixed(1)}s\n`);
  return 0;
}
