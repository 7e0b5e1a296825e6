// mcp-risk queue [--json]: the distributed crawl's jobs per run (queued, active, retrying, done, failed), and the
// oldest job in hand with the worker that holds it.
import { openCrawlQueue } from '../crawler/queue/crawl-queue.ts';
import { queueStatus, type RunQueueStatus } from '../crawler/queue/queue-status.ts';
import type { Io } from './io.ts';
import { parseCommandArgs } from './options.ts';
import { requirePostgres } from './require-postgres.ts';

export const QUEUE_HELP = `Usage: mcp-risk queue [--json]

The distributed crawl's job queue (pg-boss, in DATABASE_URL's database): for each queued crawl run,
its jobs queued, active, retrying, done and failed, the run's status, and its oldest active job
with the worker (host:pid) holding it. Needs DATABASE_URL.

Options:
  --json      print the figures as JSON
  -h, --help  show this help
`;

export function describeRunStatus(s: RunQueueStatus): string {
  const oldest = s.oldestActive ? `; oldest active: ${s.oldestActive.server} since ${s.oldestActive.startedAt} on ${s.oldestActive.worker ?? 'unknown worker'}${s.oldestActive.try > 1 ? ` (try ${s.oldestActive.try})` : ''}` : '';
  return `run ${s.runId} (${s.status ?? 'unknown'}): ${s.queued} queued, ${s.active} active, ${s.retrying} retrying, ${s.done} done, ${s.failed} failed${s.lost ? `, ${s.lost} lost to record` : ''}${oldest}`;
}

export async function runQueueCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('queue', argv, { json: { type: 'boolean' } });
  if (values.help) { io.stdout.write(QUEUE_HELP); return 0; }
  const databaseUrl = requirePostgres(io.config, 'queue');
  const boss = await openCrawlQueue({ databaseUrl, maxConnections: 1 });
  try {
    const runs = await queueStatus(boss);
    if (values.json) io.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    else io.stdout.write(runs.length ? `${runs.map(describeRunStatus).join('\n')}\n` : 'no queued crawl runs\n');
    return 0;
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
