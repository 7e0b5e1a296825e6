// `npm run bench`: every benchmark in turn, each in its own process so peak memory is its own.
// Run one with `npm run bench -- crawl` (names: cli, crawl, coverage, queue, classify, reclassify, site).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES: Record<string, string[]> = {
  cli: ['bench/cli.ts'],
  crawl: ['bench/crawl.ts'],
  coverage: ['bench/crawl-coverage.ts'],
  queue: ['bench/crawl-queue.ts'],
  classify: ['bench/classify.ts'],
  reclassify: ['bench/reclassify.ts'],
  site: ['bench/site.ts', '--servers', '2000'],
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
let failed = 0;
for (const [name, args] of Object.entries(BENCHES)) {
  if (chosen.length && !chosen.includes(name)) continue;
  if (!existsSync(args[0])) { console.log(`\n== ${name}: ${args[0]} not present, skipped`); continue; }
  console.log(`\n== ${name}: tsx ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
  if (result.status !== 0) { failed++; console.log(`== ${name} failed (exit ${result.status})`); }
}
process.exitCode = failed ? 1 : 0;
