// The mcp-risk command line: one module per command, loaded on demand, so that --help and --version
// load nothing but this file, cli/config.ts and cli/usage-error.ts.
import { readFileSync } from 'node:fs';
import { readConfig } from './config.ts';
import type { Io } from './io.ts';
import { UsageError } from './usage-error.ts';

type Command = { summary: string; load: () => Promise<(argv: string[], io: Io) => Promise<number>> };

const COMMANDS: Record<string, Command> = {
  run: { summary: 'crawl a default set, classify, build and serve the site (the quick start)', load: async () => (await import('./run.ts')).runRunCommand },
  crawl: { summary: 'enumerate servers and list their tools in the sandbox', load: async () => (await import('./crawl.ts')).runCrawlCommand },
  'list-tools': { summary: 'list one stdio server\'s tools in the sandbox: list-tools -- COMMAND [ARGS...]', load: async () => (await import('./list-tools.ts')).runListTools },
  classify: { summary: 'classify tool definitions from a file or stdin', load: async () => (await import('./classify.ts')).runClassifyCommand },
  'classify-db': { summary: 'classify every crawled tool version that has no classification yet', load: async () => (await import('./classify-db.ts')).runClassifyDbCommand },
  build: { summary: 'build the static site from the database', load: async () => (await import('./build.ts')).runBuildCommand },
  serve: { summary: 'serve a built site on localhost', load: async () => (await import('./serve.ts')).runServeCommand },
  policy: { summary: 'print a crawled server\'s recommended policy, or its Claude Code / Codex export', load: async () => (await import('./policy.ts')).runPolicyCommand },
  eval: { summary: 'score the classifier against reviewers\' labels and author annotations', load: async () => (await import('./eval.ts')).runEvalCommand },
  scan: { summary: 'check the MCP servers in your client configs: grades, findings, fail-on, SARIF, pins', load: async () => (await import('./scan.ts')).runScanCommand },
  attempts: { summary: 'each crawl attempt of a run: what ran, its status, and the line that proves it', load: async () => (await import('./attempts.ts')).runAttemptsCommand },
  worker: { summary: 'take distributed crawl jobs from the PostgreSQL job queue (crawl --queue) and list them', load: async () => (await import('./worker.ts')).runWorkerCommand },
  queue: { summary: 'the distributed crawl\'s jobs per run: queued, active, retrying, done, failed', load: async () => (await import('./queue.ts')).runQueueCommand },
  stats: { summary: 'counts of servers, tools, classifications and crawl attempts', load: async () => (await import('./stats.ts')).runStatsCommand },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `mcp-risk: how dangerous is each tool of each MCP server, and what policy to put in front of it.

Usage: mcp-risk <command> [options]      (mcp-risk <command> --help for its options)
       mcp-risk --version                 (or -V: the version of mcp-risk)

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Environment: DATABASE_URL (PostgreSQL; default embedded PGlite in $MCP_RISK_DATA_DIR/pgdata),
MCP_RISK_DATA_DIR (default .mcp-risk), MCP_REGISTRY_URL, OPENAI_API_KEY/OPENAI_BASE_URL/OPENAI_MODEL.
`;
}

/** The version in package.json. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const full: Io = { stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr, config: io.config ?? readConfig() };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    full.stdout.write(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    full.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    full.stderr.write(`mcp-risk: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}\n`);
    return 2;
  }
  try {
    const run = await command.load();
    return await run(rest, full);
  } catch (error) {
    const e = error as Error & { code?: string; exitCode?: number };
    if (error instanceof UsageError) { full.stderr.write(`mcp-risk ${e.message}\n`); return e.exitCode ?? 2; }
    full.stderr.write(`mcp-risk ${name}: ${e.message}${e.code ? ` [${e.code}]` : ''}\n`);
    if (process.env.MCP_RISK_DEBUG) full.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
