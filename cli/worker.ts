// mcp-risk worker: take crawl jobs from the PostgreSQL job queue and list them in the sandbox, on as many machines
// as you like against one DATABASE_URL. SIGTERM (or Ctrl-C) finishes the jobs in hand, then exits.
import { classifyDatabase } from '../classifier/classify-db.ts';
import { clip } from '../crawler/clip.ts';
import { openCrawlQueue } from '../crawler/queue/crawl-queue.ts';
import { runWorker, type WorkerEvent } from '../crawler/queue/worker.ts';
import { type Io, withDb } from './io.ts';
import { optionValues, parseCommandArgs, positiveInteger, seconds } from './options.ts';
import { requirePostgres } from './require-postgres.ts';

export const WORKER_HELP = `Usage: mcp-risk worker [--concurrency N] [--exit-when-idle] [--allow-network]

Takes jobs that \`mcp-risk crawl --queue\` enqueued: installs each server, lists its tools in the
sandbox, stores them and records the attempt; the worker that finishes a run's last job classifies
the catalogue and marks the run completed. Run one per machine (or several) with the same
DATABASE_URL. A failure the server causes itself is recorded once; an unreachable registry, a
timeout or a killed worker is tried again, up to the run's --retries. SIGTERM or Ctrl-C finishes
the jobs in hand and exits; a worker killed outright loses its jobs' leases, and another worker
takes them up. Needs DATABASE_URL.

Options:
  --concurrency N               jobs worked at once (default: 2)
  --exit-when-idle              exit once no job is queued, retrying or active anywhere
  --allow-network               list a server that failed for want of the network once more with
                                it (still in the sandbox)
  --unsafe-no-sandbox           list tools without bubblewrap (other people's code runs unconfined)
  --maintenance-interval SECONDS  how often this worker looks for expired leases (default: 30)
  -h, --help                    show this help
`;

export async function runWorkerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('worker', argv, {
    concurrency: { type: 'string' }, 'exit-when-idle': { type: 'boolean' }, 'allow-network': { type: 'boolean' },
    'unsafe-no-sandbox': { type: 'boolean' }, 'maintenance-interval': { type: 'string' },
  });
  if (values.help) { io.stdout.write(WORKER_HELP); return 0; }
  const value = optionValues('worker', values);
  const concurrency = value('concurrency', positiveInteger, 2);
  const maintenanceIntervalSeconds = Math.max(1, Math.round(value('maintenance-interval', seconds, 30)));
  const databaseUrl = requirePostgres(io.config, 'worker');
  const stop = new AbortController();
  const onSignal = (signal: string) => () => {
    if (!stop.signal.aborted) io.stderr.write(`worker: ${signal}: finishing the jobs in hand, then exiting\n`);
    stop.abort();
  };
  const onTerm = onSignal('SIGTERM');
  const onInt = onSignal('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    return await withDb({ ...io.config }, async (database) => {
      const boss = await openCrawlQueue({ databaseUrl, maxConnections: 2, maintenanceIntervalSeconds, onError: (e) => io.stderr.write(`worker: queue: ${e.message}\n`) });
      try {
        const summary = await runWorker({
          db: database.db, boss, concurrency, exitWhenIdle: !!values['exit-when-idle'], signal: stop.signal,
          allowNetwork: !!values['allow-network'], sandbox: values['unsafe-no-sandbox'] ? { unsafe: true } : undefined,
          cacheDir: io.config.cacheDir, workDir: io.config.workDir,
          afterRun: async (db) => (await classifyDatabase(db)).classified,
          onEvent: (event) => { const line = describeWorkerEvent(event); if (line) (event.type === 'error' ? io.stderr : io.stdout).write(`${line}\n`); },
        });
        io.stdout.write(`worker: ${summary.jobs} jobs (${summary.retried} handed back for a retry, ${summary.lost} lost jobs recorded) in ${(summary.durationMs / 1000).toFixed(1)}s\n`);
        return 0;
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    });
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}

export function describeWorkerEvent(event: WorkerEvent): string | undefined {
  switch (event.type) {
    case 'job': {
      const detail = event.status === 'ok' ? `${event.toolCount} tool${event.toolCount === 1 ? '' : 's'}` : clip((event.error ?? '').split('\n')[0], 160);
      return `run ${event.runId} ${event.status.padEnd(19)} ${event.server} (${detail}, ${(event.durationMs / 1000).toFixed(1)}s${event.tryNumber > 1 ? `, try ${event.tryNumber}` : ''})${event.retry ? ': will be retried' : ''}`;
    }
    case 'lost': return `run ${event.runId} worker_lost          ${event.server} (${event.error})`;
    case 'run-finished': return `run ${event.summary.runId} completed: ${event.summary.selected} servers, ${event.summary.toolsFound} tools, ${event.summary.classified} tool versions classified`;
    case 'error': return `worker: ${event.error.message}`;
  }
}
