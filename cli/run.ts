// mcp-risk run: the quick start. Crawl a bounded default set, classify, build, serve.
import { classifyDatabase } from '../classifier/classify-db.ts';
import { getStats } from '../db/queries/stats.ts';
import { buildInto, SITE_URL_HELP, siteUrlOption } from './build.ts';
import { describeSummary, parseCrawlArgs, runCrawlWith } from './crawl.ts';
import { CrawlProgress } from './progress.ts';
import { DbReviewCache } from '../classifier/llm/cache.ts';
import { createLlmReviewer, formatLlmStats } from '../classifier/llm/setup.ts';
import { type Io, withDb } from './io.ts';
import { LLM_FLAGS, LLM_FLAGS_HELP, llmFromFlags } from './llm-flags.ts';
import { optionValues, parseCommandArgs, port, positiveInteger, nonEmpty } from './options.ts';
import { serveUntilInterrupted } from './serve.ts';

export const RUN_HELP = `Usage: mcp-risk run [options]

The whole pipeline on the embedded defaults: crawl the first --limit npm stdio servers of the
official MCP Registry (the shipped snapshot when the registry cannot be reached), list their tools
live in the sandbox, classify them, build the site into --out, then serve it on localhost.

Options:
  --limit N            servers to crawl (default: 25)
  --concurrency N      servers listed at once (default: 2)
  --timeout SECONDS    per-server listing limit (default: 60)
  --registry-url URL   registry base URL (default: $MCP_REGISTRY_URL or the official registry)
  --out DIR            site output folder (default: dist)
  --port N             port to serve on (default: 4321; 0 picks a free one)
  --no-serve           stop after the build
${SITE_URL_HELP}${LLM_FLAGS_HELP}  -h, --help           show this help
`;

export async function runRunCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('run', argv, {
    limit: { type: 'string' }, concurrency: { type: 'string' }, timeout: { type: 'string' },
    'registry-url': { type: 'string' }, out: { type: 'string' }, port: { type: 'string' }, 'no-serve': { type: 'boolean' },
    'site-url': { type: 'string' }, ...LLM_FLAGS,
  });
  if (values.help) { io.stdout.write(RUN_HELP); return 0; }
  const value = optionValues('run', values);
  const crawlOpts = parseCrawlArgs([
    `--limit=${value('limit', positiveInteger, 25)}`, '--runtime=npm',
    ...(values.concurrency !== undefined ? [`--concurrency=${values.concurrency}`] : []),
    ...(values.timeout !== undefined ? [`--timeout=${values.timeout}`] : []),
    ...(values['registry-url'] !== undefined ? [`--registry-url=${values['registry-url']}`] : []),
  ], 'run');
  const llm = llmFromFlags('run', values, io.config.openai);
  const outDir = value('out', nonEmpty, 'dist');
  const listenPort = value('port', port, 4321);
  const siteUrl = siteUrlOption('run', values['site-url'], io);
  const say = (line: string) => io.stdout.write(`${line}\n`);
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, fn: () => Promise<T>) => {
    const t = Date.now();
    say(`== ${stage}`);
    try { return await fn(); } finally { timings[stage] = Date.now() - t; }
  };
  await withDb(io.config, async (database) => {
    const progress = new CrawlProgress({ stream: io.stdout });
    const summary = await timed('crawl', () => runCrawlWith(database, crawlOpts, io, progress).finally(() => progress.finish()));
    io.stdout.write(describeSummary(summary));
    const reviewer = createLlmReviewer(io.config.openai, llm.mode, { ...llm.options, cache: new DbReviewCache(database.db) });
    const classified = await timed('classify', () => classifyDatabase(database.db, { llm: reviewer }));
    say(`classified ${classified.classified} tool versions on ${classified.servers} servers`);
    if (classified.llm) say(formatLlmStats(classified.llm, classified.llm.model));
    await timed('build', () => buildInto(database, outDir, io, { siteUrl }));
    const stats = await getStats(database.db);
    say(`catalogue: ${stats.servers} servers, ${stats.tools} tools; by risk ${JSON.stringify(stats.classifications.byRisk)}`);
  });
  say(`stage times: ${Object.entries(timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}s`).join(', ')}`);
  if (!values['no-serve']) await serveUntilInterrupted(outDir, { port: listenPort }, io);
  return 0;
}
