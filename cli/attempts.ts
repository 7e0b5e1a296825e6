// mcp-risk attempts: each crawl attempt of a run, what ran and why it ended as it did.
import { clip } from '../crawler/clip.ts';
import { listAttempts, newestRunId, type AttemptRow } from '../db/queries/attempts.ts';
import { type Io, withDb } from './io.ts';
import { optionValues, parseCommandArgs, positiveInteger } from './options.ts';
import { UsageError } from './usage-error.ts';

export const ATTEMPTS_HELP = `Usage: mcp-risk attempts [--run ID] [--status KIND] [--server NAME] [--json]

Prints each crawl attempt of a run: the server, the package and version listed (and the declared
one when they differ), the entry point and network mode, the status and error kind, the duration,
the tool count, why it failed in words, and the line of the server's stderr (or npm's or the
registry's answer) that proves the status.

Options:
  --run ID          the run to show (default: the newest)
  --status KIND     only attempts with this status, e.g. needs_network (comma-separated for several)
  --server NAME     only servers whose registry name or package contains NAME
  --json            print the attempts as a JSON array (with the command line run)
  -h, --help        show this help
`;

const seconds = (ms: number | null) => (ms === null ? '?' : `${(ms / 1000).toFixed(1)}s`);

function packageLine(a: AttemptRow): string | undefined {
  if (!a.packageIdentifier) return undefined;
  const listed = a.listedVersion ?? a.declaredVersion;
  const at = listed ? `${a.packageIdentifier}@${listed}` : a.packageIdentifier;
  const differs = a.declaredVersion && a.listedVersion && a.declaredVersion !== a.listedVersion ? ` (declared ${a.declaredVersion})` : '';
  const label = !a.listedVersion ? 'package' : a.status === 'ok' || a.status === 'no_tools' ? 'listed' : 'tried';
  return `${label.padEnd(9)}${at}${differs}`;
}

export function formatAttempt(a: AttemptRow): string {
  const outcome = a.status === 'ok' || a.status === 'no_tools' ? `${a.toolCount ?? 0} tool${a.toolCount === 1 ? '' : 's'}` : a.errorKind ?? 'no error kind';
  const lines = [`[${a.status}] ${a.server}: ${outcome} in ${seconds(a.durationMs)}`];
  const pkg = packageLine(a);
  if (pkg) lines.push(`    ${pkg}`);
  if (a.entryPoint || a.networkMode) lines.push(`    entry    ${[a.entryPoint, a.networkMode && `network ${a.networkMode}`].filter(Boolean).join(', ')}`);
  const why = a.status === 'ok' || a.status === 'no_tools' ? undefined : a.cause ?? (a.evidence ? undefined : a.error);
  if (why) lines.push(`    why      ${clip(why.replace(/\s+/g, ' '), 300)}`);
  if (a.evidence) lines.push(`    proof    ${a.evidence}`);
  return lines.join('\n');
}

export async function runAttemptsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('attempts', argv, {
    run: { type: 'string' }, status: { type: 'string' }, server: { type: 'string' }, json: { type: 'boolean' },
  });
  if (values.help) { io.stdout.write(ATTEMPTS_HELP); return 0; }
  const requested = values.run === undefined ? undefined : optionValues('attempts', values)('run', positiveInteger, 1);
  const statuses = values.status?.split(',').map((s) => s.trim()).filter(Boolean);
  const rows = await withDb(io.config, async ({ db }) => {
    const runId = requested ?? (await newestRunId(db));
    if (runId === undefined) throw new UsageError('attempts: no crawl run recorded yet (run mcp-risk crawl first)', 1);
    return { runId, attempts: await listAttempts(db, runId, { statuses, server: values.server }) };
  });
  if (values.json) { io.stdout.write(`${JSON.stringify(rows.attempts, null, 2)}\n`); return 0; }
  const counts = new Map<string, number>();
  for (const a of rows.attempts) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const summary = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  io.stdout.write(`${rows.attempts.map(formatAttempt).join('\n')}${rows.attempts.length ? '\n' : ''}`);
  io.stdout.write(`run ${rows.runId}: ${rows.attempts.length} attempt${rows.attempts.length === 1 ? '' : 's'}${summary ? `: ${summary}` : ''}\n`);
  return 0;
}
