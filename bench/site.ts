// The site at scale: generate a synthetic catalogue from the corpus' real shapes, bulk-load it,
// classify it, build the whole site with its search index, and time real searches in Chromium.
// Prints wall time, throughput and peak RSS per stage, how many sampled servers and tools the
// search finds in its top 10, and how relevant its top 10 is for intent queries ("delete repository").
//
//   npx tsx bench/site.ts [--servers 50000] [--data DIR] [--out DIR] [--workers N] [--classify bulk|db] [--reuse] [--no-search]
//
// PGlite in --data (default /tmp/mcp-risk-bench/pgdata-<servers>) unless DATABASE_URL is set.
// --reuse keeps an already loaded and classified database of the same size and only rebuilds the site.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { classifyDatabase } from '../classifier/classify-db.ts';
import { openDb } from '../db/client.ts';
import { classifications, servers } from '../db/schema.ts';
import { buildSite } from '../site/build.ts';
import { synthesize } from './site-data.ts';
import { classifyBulk, fixSequences, loadServers, startBenchRun } from './site-load.ts';
import { formatFigures, measure, type StageFigures } from './site-measure.ts';
import { measureIntents } from './site-intent.ts';
import { measureRecall } from './site-recall.ts';
import { timeSearches } from './site-search.ts';

const { values: args } = parseArgs({
  options: {
    servers: { type: 'string', default: '50000' }, data: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' },
    classify: { type: 'string', default: 'bulk' }, reuse: { type: 'boolean', default: false }, 'no-search': { type: 'boolean', default: false },
  },
});
const total = Number(args.servers);
if (!Number.isInteger(total) || total < 1) throw new Error(`--servers must be a positive integer; got "${args.servers}".`);
if (args.classify !== 'bulk' && args.classify !== 'db') throw new Error(`--classify must be bulk or db; got "${args.classify}".`);
const dataDir = args.data ?? `/tmp/mcp-risk-bench/pgdata-${total}`;
const outDir = args.out ?? `/tmp/mcp-risk-bench/site-${total}`;
const databaseUrl = process.env.DATABASE_URL;
const figures: StageFigures[] = [];
const log = (line: string) => process.stdout.write(`${line}\n`);
const step = async <T>(stage: string, run: () => Promise<T>, unit?: (r: T) => { items: number; unit: string }) => {
  const { result, figures: f } = await measure(stage, run, unit);
  figures.push(f);
  log(formatFigures(f));
  return result;
};

log(`site benchmark: ${total.toLocaleString('en-US')} servers, ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}, site in ${outDir}`);
if (!databaseUrl && !args.reuse && existsSync(dataDir)) await rm(dataDir, { recursive: true, force: true });
const database = await step('open database', () => openDb(databaseUrl ? { databaseUrl } : { dataDir }));
const [{ n: present }] = await database.db.select({ n: count() }).from(servers);
const [{ n: classified }] = await database.db.select({ n: count() }).from(classifications);
const reuse = args.reuse && present === total && classified > 0;
if (!reuse && present > 0) throw new Error(`The database already holds ${present} servers; give an empty one (or --reuse with --servers ${present}).`);

if (!reuse) {
  await step('generate and load', async () => {
    const runId = await startBenchRun(database.db);
    let tools = 0;
    for (const chunk of synthesize(total)) {
      tools += await loadServers(database.db, chunk, runId);
      if (chunk[chunk.length - 1].id % 10_000 === 0) log(`  loaded ${chunk[chunk.length - 1].id} servers, ${tools} tools`);
    }
    await fixSequences(database.db);
    return tools;
  }, (tools) => ({ items: tools, unit: 'tools' }));
  await step(`classify (${args.classify})`, async () => (args.classify === 'db'
    ? (await classifyDatabase(database.db)).classified
    : classifyBulk(database.db, { onProgress: (s, t) => { if (s % 10_000 === 0) log(`  classified ${s} servers, ${t} tools`); } })),
  (tools) => ({ items: tools, unit: 'tools' }));
}

// buildSite() empties its output folder first; a previous run's site is removed here, outside the build's time.
if (existsSync(outDir)) await step('remove the previous site', () => rm(outDir, { recursive: true, force: true }));
let lastLogged = 0;
const built = await step('build site', () => buildSite({
  database, outDir, siteUrl: 'https://mcp-risk.example/', workers: args.workers ? Number(args.workers) : undefined,
  onProgress: (e) => {
    if (e.stage !== 'pages') log(`  ${e.stage}`);
    else if ((e.servers ?? 0) - lastLogged >= 5000) { lastLogged = e.servers!; log(`  ${e.servers} servers, ${e.tools} tools read`); }
  },
}), (r) => ({ items: r.pages, unit: 'pages' }));
for (const s of built.stages) log(`  ${s.name.padEnd(50)} ${(s.ms / 1000).toFixed(1).padStart(7)} s`);
const p = built.profile;
const sec = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
log(`  main thread: reading the database ${sec(p.readMs)}, indexing and lists ${sec(p.indexMs)}, waiting for renderers ${sec(p.waitMs)}; `
  + `renderers (summed): rendering ${sec(p.renderMs)}, writing ${sec(p.writeMs)}`);
const du = (() => { try { return execFileSync('du', ['-sh', outDir], { encoding: 'utf8' }).split('\t')[0]; } catch { return '?'; } })();
log(`site: ${built.pages.toLocaleString('en-US')} pages, ${built.files.toLocaleString('en-US')} files, ${du} on disk; ${built.servers} servers, ${built.tools} tools; `
  + `sitemap ${built.sitemap.urls} URLs in ${built.sitemap.files} files`);
const s = built.search;
log(`search index: ${s.docs.toLocaleString('en-US')} documents, ${s.terms.toLocaleString('en-US')} terms, ${s.shards.toLocaleString('en-US')} shards, `
  + `${(s.bytes / 2 ** 20).toFixed(1)} MiB, largest shard ${(s.largest / 1024).toFixed(1)} KiB`);
if (!args['no-search']) {
  const recall = await step('search recall (Node, shard files)', () => measureRecall(database.db, outDir), (r) => ({ items: r.reduce((n, f) => n + f.asked, 0), unit: 'queries' }));
  for (const f of recall) {
    log(`  ${f.kind.padEnd(26)} ${f.found}/${f.asked} in the top 10 (${((100 * f.found) / Math.max(1, f.asked)).toFixed(1)}%)${f.misses.length ? `; missed e.g. ${f.misses.map((m) => JSON.stringify(m)).join(', ')}` : ''}`);
  }
  const intents = await step('search by intent (Node, shard files)', () => measureIntents(database.db, outDir), (r) => ({ items: r.length, unit: 'queries' }));
  for (const f of intents) {
    log(`  ${JSON.stringify(f.query).padEnd(22)} ${f.hits}/${Math.min(10, f.relevant)} relevant in the top 10 (${f.relevant.toLocaleString('en-US')} relevant in all)${f.topRelevant ? '' : ', first result not relevant'}; top: ${f.top.join(', ')}`);
  }
  const judged = intents.filter((f) => f.relevant > 0);
  const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
  log(`  intent queries: precision@10 ${pct(judged.reduce((n, f) => n + f.precision, 0) / Math.max(1, judged.length))} on average over ${judged.length} with relevant tools; `
    + `first result relevant for ${judged.filter((f) => f.topRelevant).length}, a relevant tool in the top 10 for ${judged.filter((f) => f.hits > 0).length}`);
}
await database.close();

if (!args['no-search']) {
  const searches = await step('search in Chromium', () => timeSearches(outDir), (r) => ({ items: r.length, unit: 'queries' }));
  for (const q of searches) log(`  ${JSON.stringify(q.query).padEnd(28)} first results ${q.firstMs.toFixed(0).padStart(4)} ms after the first key, ${q.lastMs.toFixed(0).padStart(4)} ms after the last; ${(q.bytes / 1024).toFixed(1)} KiB in ${q.requests} files; top: ${q.top}`);
}
log(`summary: ${figures.map((f) => `${f.stage} ${f.seconds.toFixed(0)} s / ${f.peakRssMiB} MiB`).join('; ')}`);
