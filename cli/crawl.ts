// mcp-risk crawl: enumerate servers and list their tools in the sandbox.
import { crawl, type CrawlEvent, type CrawlSummary } from '../crawler/crawl.ts';
import { lastCompletedRunStart } from '../db/queries/crawl-runs.ts';
import { clip } from '../crawler/clip.ts';
import { CrawlProgress } from './progress.ts';
import { chooseSources, SOURCE_NAMES, type SourceFlags } from './sources.ts';
import type { Database } from '../db/client.ts';
import { type Io, withDb } from './io.ts';
import { UsageError } from './usage-error.ts';
import { existingFile, httpUrl, integer, listOf, oneOf, optionValues, parseCommandArgs, positiveInteger, seconds, nonEmpty, type ValueKind } from './options.ts';

export const CRAWL_HELP = `Usage: mcp-risk crawl [options]

Enumerates MCP servers from the official MCP Registry (or the shipped snapshot when it cannot be
reached) and other sources, installs npm stdio packages (--ignore-scripts) and lists their tools
inside the sandbox. One crawl_attempts row per server; rerunning a killed crawl with the same
options resumes it. Tool lists a source publishes (Glama, Smithery) are stored as observed there.

Options:
  --source LIST          sources to read, comma-separated: ${SOURCE_NAMES.join(', ')} (default: registry,
                         or configs/list/pypi when --config/--list/--pypi is given)
  --config FILE          an MCP client config to read (Claude Desktop, Cursor, VS Code, Claude Code,
                         Windsurf); repeatable; --source configs alone reads their standard paths
  --list FILE            a plain list of servers, one a line: npm:pkg@ver, @scope/pkg, pypi:name, oci:image, URL
  --pypi NAMES           PyPI project names to read (comma-separated)
  --incremental          registry: only servers updated since the last completed run of the same options
  --registry-url URL     registry base URL (default: $MCP_REGISTRY_URL or the official registry);
                         an explicit URL that cannot be reached is an error, not a fallback
  --offline              read servers from the shipped registry snapshot instead of the registry
  --snapshot FILE        read servers from a registry snapshot file instead (JSON array of items)
  --limit N              select at most N servers (default: all)
  --runtime LIST         only these runtimes, comma-separated: npm,pypi,oci,remote (default: all)
  --concurrency N        servers listed at once (default: 2)
  --timeout SECONDS      per-server listing limit, start-up included (default: 60)
  --fresh                start a new run instead of resuming an unfinished one
  --allow-network        list a server that failed for want of the network once more with it (in the
                         sandbox still: no host files, no host loopback services, none of our
                         environment); attempts record the mode (default: off, no network at all)
  --unsafe-no-sandbox    list tools without bubblewrap (other people's code runs unconfined)
  --queue                enqueue one job per selected server on the PostgreSQL job queue (pg-boss)
                         and return, printing the run id and job count; \`mcp-risk worker\` processes,
                         on any number of machines, list them (needs DATABASE_URL)
  --wait                 with --queue: follow the run's progress until it ends
  --lease SECONDS        with --queue: a job not finished this long after a worker took it is taken
                         for lost (the worker killed) and tried again (default: 900)
  --retries N            with --queue: tries after the first for a retryable failure: an unreachable
                         registry, a timeout, a lost worker; never for a server broken by its own
                         fault (default: 2)
  --retry-delay SECONDS  with --queue: wait before the first retry, doubled after each (default: 30)
  --json                 print the summary as JSON; progress lines go to stderr
                         (on a terminal, without --json, a progress bar shows servers done/total,
                         tools found, failures and ETA; otherwise one line per server)
  -h, --help             show this help
`;

export interface CrawlCommandOptions extends SourceFlags {
  incremental: boolean;
  limit?: number;
  runtimes?: string[];
  concurrency: number;
  timeoutMs: number;
  fresh: boolean;
  unsafe: boolean;
  allowNetwork: boolean;
  /** Enqueue on the job queue instead of listing here (--queue), and follow the run (--wait). */
  queue: boolean;
  wait: boolean;
  leaseSeconds: number;
  retries: number;
  retryDelaySeconds: number;
}

/** A runtime a server record names (the registry's package types, remote, local, ...). */
const runtimeName: ValueKind<string> = {
  expected: 'a runtime such as npm, pypi, oci, remote or local',
  read: (t) => (/^[a-z][a-z0-9_-]*$/.test(t) ? t : undefined),
};

/** The crawl options; `command` names the command in errors (run passes its crawl options through). */
export function parseCrawlArgs(argv: string[], command = 'crawl'): CrawlCommandOptions & { json: boolean; help: boolean } {
  const { values } = parseCommandArgs(command, argv, {
    'registry-url': { type: 'string' }, snapshot: { type: 'string' }, offline: { type: 'boolean' },
    source: { type: 'string' }, config: { type: 'string', multiple: true }, list: { type: 'string' }, pypi: { type: 'string' },
    incremental: { type: 'boolean' }, limit: { type: 'string' },
    runtime: { type: 'string' }, concurrency: { type: 'string' }, timeout: { type: 'string' },
    fresh: { type: 'boolean' }, 'unsafe-no-sandbox': { type: 'boolean' }, 'allow-network': { type: 'boolean' }, json: { type: 'boolean' },
    queue: { type: 'boolean' }, wait: { type: 'boolean' }, lease: { type: 'string' }, retries: { type: 'string' }, 'retry-delay': { type: 'string' },
  });
  if (values.queue && command !== 'crawl') throw new UsageError(`${command}: --queue is an option of mcp-risk crawl`);
  if (!values.queue) for (const flag of ['wait', 'lease', 'retries', 'retry-delay'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`${command}: --${flag} goes with --queue (see mcp-risk ${command} --help)`);
  }
  const value = optionValues(command, values);
  const configFiles = value.each('config', existingFile);
  return {
    help: !!values.help,
    json: !!values.json,
    registryUrl: value('registry-url', httpUrl),
    snapshot: value('snapshot', existingFile),
    offline: !!values.offline,
    sources: value('source', listOf(oneOf(SOURCE_NAMES))),
    configFiles: configFiles.length ? configFiles : undefined,
    listFile: value('list', existingFile),
    pypiNames: value('pypi', listOf(nonEmpty)),
    incremental: !!values.incremental,
    limit: value('limit', positiveInteger),
    runtimes: value('runtime', listOf(runtimeName)),
    concurrency: value('concurrency', positiveInteger, 2),
    timeoutMs: Math.round(value('timeout', seconds, 60) * 1000),
    fresh: !!values.fresh,
    unsafe: !!values['unsafe-no-sandbox'],
    allowNetwork: !!values['allow-network'],
    queue: !!values.queue,
    wait: !!values.wait,
    leaseSeconds: Math.round(value('lease', seconds, 900)),
    retries: value('retries', integer({ min: 0, max: 20 }), 2),
    retryDelaySeconds: Math.round(value('retry-delay', seconds, 30)),
  };
}

export async function runCrawlWith(database: Database, opts: CrawlCommandOptions, io: Io, progress: CrawlProgress): Promise<CrawlSummary> {
  const log = (line: string) => progress.log(line);
  const label = chooseSources(opts, io).label;
  const since = opts.incremental ? await lastCompletedRunStart(database.db, label) : undefined;
  if (opts.incremental) log(since ? `incremental: servers updated since ${since.toISOString()}` : 'incremental: no completed run yet, reading everything');
  const { source } = chooseSources({ ...opts, updatedSince: since?.toISOString() }, io);
  return crawl({
    db: database.db, source, sourceLabel: label, limit: opts.limit, runtimes: opts.runtimes,
    concurrency: opts.concurrency, timeoutMs: opts.timeoutMs, resume: !opts.fresh, allowNetwork: opts.allowNetwork,
    cacheDir: io.config.cacheDir, workDir: io.config.workDir,
    sandbox: opts.unsafe ? { unsafe: true } : undefined,
    onEvent: (event) => progress.event(event, describeEvent(event)),
  });
}

export function describeEvent(event: CrawlEvent): string | undefined {
  switch (event.type) {
    case 'run': return event.resumed ? `resuming crawl run ${event.runId} (${event.alreadyDone} servers done before, ${event.pending} pending)` : `crawl run ${event.runId} started`;
    case 'selected': return event.enumerationDone ? `${event.selected} servers selected` : undefined;
    case 'attempt': {
      const detail = event.status === 'ok' ? `${event.toolCount} tool${event.toolCount === 1 ? '' : 's'}` : clip((event.error ?? '').split('\n')[0].replace(/\s+/g, ' '), 160);
      return `[${event.done}/${event.total}] ${event.status.padEnd(19)} ${event.server} (${detail}, ${(event.durationMs / 1000).toFixed(1)}s)`;
    }
    case 'rejected': return `skipped an unreadable record: ${event.reason}`;
  }
}

export function describeSummary(s: CrawlSummary): string {
  const statuses = Object.entries(s.byStatus).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  return `crawl run ${s.runId}: ${s.selected} servers selected, ${s.attempted} listed now${s.skippedAlreadyDone ? `, ${s.skippedAlreadyDone} done before` : ''}, ${s.toolsFound} tools; ${statuses || 'no attempts'}; ${(s.durationMs / 1000).toFixed(1)}s\n`;
}

export async function runCrawlCommand(argv: string[], io: Io): Promise<number> {
  const opts = parseCrawlArgs(argv);
  if (opts.help) { io.stdout.write(CRAWL_HELP); return 0; }
  if (opts.queue) return (await import('./crawl-queued.ts')).runQueuedCrawl(opts, io);
  const progress = new CrawlProgress({ stream: opts.json ? io.stderr : io.stdout, tty: opts.json ? false : undefined });
  const summary = await withDb(io.config, (database) => runCrawlWith(database, opts, io, progress)).finally(() => progress.finish());
  if (opts.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(describeSummary(summary));
  return 0;
}
