// mcp-risk stats: counts of what the database holds.
import { getStats } from '../db/queries/stats.ts';
import { type Io, withDb } from './io.ts';
import { parseCommandArgs } from './options.ts';

export const STATS_HELP = `Usage: mcp-risk stats [--json]

Counts servers, tools, tool versions, classifications by category and by risk, and crawl
attempts by status.

Options:
  --json      print the counts as JSON
  -h, --help  show this help
`;

export async function runStatsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('stats', argv, { json: { type: 'boolean' } });
  if (values.help) { io.stdout.write(STATS_HELP); return 0; }
  const stats = await withDb(io.config, (database) => getStats(database.db));
  if (values.json) { io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`); return 0; }
  const fmt = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  io.stdout.write([
    `servers          ${stats.servers}`,
    `tools            ${stats.tools}`,
    `tool versions    ${stats.toolVersions}`,
    `by category      ${fmt(stats.classifications.byCategory)}`,
    `by risk          ${fmt(stats.classifications.byRisk)}`,
    `crawl attempts   ${fmt(stats.crawlAttempts.byStatus)}`,
  ].join('\n') + '\n');
  return 0;
}
