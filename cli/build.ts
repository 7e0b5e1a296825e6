// mcp-risk build: write the static site from the database.
import { resolve } from 'node:path';
import { buildSite } from '../site/build.ts';
import type { Database } from '../db/client.ts';
import { type Io, parseCommandArgs, withDb } from './io.ts';

export const BUILD_HELP = `Usage: mcp-risk build [--out DIR]

Builds the static site (a page per server and per tool, an index of servers) from the database.

Options:
  --out DIR   output folder (default: dist)
  -h, --help  show this help
`;

export async function buildInto(database: Database, outDir: string, io: Io): Promise<void> {
  const result = await buildSite({ database, outDir: resolve(outDir) });
  io.stdout.write(`built ${result.pages} pages into ${result.outDir} in ${(result.durationMs / 1000).toFixed(1)}s\n`);
}

export async function runBuildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('build', argv, { out: { type: 'string' } });
  if (values.help) { io.stdout.write(BUILD_HELP); return 0; }
  await withDb(io.config, (database) => buildInto(database, values.out ?? 'dist', io));
  return 0;
}
