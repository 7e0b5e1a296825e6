// The site benchmark at a small size, as CI runs it: the same script as `npm run bench:site` (generate,
// load into PGlite, classify, build the whole site with its search index, time searches in
// Chromium), checked for what it printed and what it built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../bench/site-intent.ts';
import { QUERIES } from '../../bench/site-search.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVERS = 150;

describe('bench:site at a small size', () => {
  let dir: string | undefined;
  afterAll(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('generates, loads, classifies, builds and searches, and prints figures for every stage', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mcp-risk-site-bench-'));
    const out = join(dir, 'site');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/site.ts', '--servers', String(SERVERS), '--data', join(dir, 'pgdata'), '--out', out],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    const text = run.stdout;
    const figure = (stage: string) => new RegExp(`^${stage.replace(/[()]/g, '\\$&')}\\s+([\\d.]+) s(?:, ([\\d,]+) (\\w+), [\\d,]+ \\w+/s)?, peak RSS ([\\d,]+) MiB$`, 'm').exec(text);
    const num = (s: string) => Number(s.replace(/,/g, ''));

    const load = figure('generate and load')!;
    const tools = num(load[2]);
    expect(tools).toBeGreaterThan(SERVERS);
    // About 12 tools per server, drawn from the corpus.
    expect(tools / SERVERS).toBeGreaterThan(10);
    expect(tools / SERVERS).toBeLessThan(14);
    expect(num(figure('classify (bulk)')![2])).toBe(tools);
    const build = figure('build site')!;
    const pages = num(build[2]);
    expect(build[3]).toBe('pages');
    expect(pages).toBeGreaterThan(SERVERS + tools);
    for (const m of [load, build]) expect(num(m[4])).toBeGreaterThan(0);

    expect(text).toMatch(new RegExp(`^site: ${pages.toLocaleString('en-US')} pages, [\\d,]+ files, .+; ${SERVERS} servers, ${tools} tools; sitemap ${pages - 3} URLs`, 'm'));
    const index = /^search index: ([\d,]+) documents, ([\d,]+) terms, ([\d,]+) shards, ([\d.]+) MiB, largest shard ([\d.]+) KiB$/m.exec(text)!;
    expect(num(index[1])).toBe(SERVERS + tools);
    expect(text).toMatch(/main thread: reading the database \d+ s, indexing and lists \d+ s/);

    // Every query was timed, with what it downloaded; a nonsense word finds nothing, real words find tools.
    const searches = [...text.matchAll(/^ {2}("[^"]*")\s+first results\s+(\d+) ms after the first key,\s+(-?\d+) ms after the last; ([\d.]+) KiB in (\d+) files; top: (.*)$/gm)];
    expect(searches.map((m) => JSON.parse(m[1]))).toEqual(QUERIES);
    for (const m of searches) expect(Number(m[5])).toBeGreaterThan(0);
    const top = Object.fromEntries(searches.map((m) => [JSON.parse(m[1]), m[6]]));
    expect(top.xyzzy).toBe('');
    expect(searches.filter((m) => m[6] !== '').length).toBeGreaterThan(QUERIES.length / 2);
    expect(text).toMatch(/^summary: open database \d+ s \/ [\d,]+ MiB; generate and load/m);

    // Findability: sampled servers by registry name and package, tools by name with their server's name.
    const recall = Object.fromEntries([...text.matchAll(/^ {2}(server by name|server by package|tool by name and server)\s+(\d+)\/(\d+) in the top 10/gm)]
      .map((m) => [m[1], Number(m[2]) / Number(m[3])]));
    expect(Object.keys(recall).sort()).toEqual(['server by name', 'server by package', 'tool by name and server']);
    expect(recall['server by name']).toBeGreaterThanOrEqual(0.95);
    expect(recall['server by package']).toBeGreaterThanOrEqual(0.95);
    expect(recall['tool by name and server']).toBeGreaterThanOrEqual(0.9);

    // Findability by intent: each query judged over the whole catalogue, and an average precision.
    const intents = [...text.matchAll(/^ {2}("[^"]+")\s+(\d+)\/(\d+) relevant in the top 10 \(([\d,]+) relevant in all\)/gm)];
    expect(intents.map((m) => JSON.parse(m[1]))).toEqual(INTENTS.map((i) => i.query));
    for (const m of intents) expect(Number(m[2])).toBeLessThanOrEqual(Number(m[3]));
    const precision = /^ {2}intent queries: precision@10 ([\d.]+)% on average over (\d+) with relevant tools; first result relevant for (\d+), a relevant tool in the top 10 for (\d+)$/m.exec(text)!;
    expect(Number(precision[2])).toBeGreaterThan(INTENTS.length / 2);
    expect(Number(precision[1])).toBeGreaterThanOrEqual(60);
    expect(Number(precision[4])).toBeGreaterThanOrEqual(Number(precision[2]) - 2);

    // What it built is a site: the home page with the catalogue's counts, and the search manifest.
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`${SERVERS} servers, ${tools.toLocaleString('en-US')} tools, ${tools.toLocaleString('en-US')} classified.`);
    expect(existsSync(join(out, 'search/manifest.json'))).toBe(true);
  });
});
