// Start-up time of the command line: `mcp-risk --help` and `--version` from the compiled build, against
// the same through tsx from the TypeScript sources (with tsx's transform cache, and without it: a fresh
// clone's first start). With hyperfine on PATH (apt-get install hyperfine) it measures; otherwise
// repeated spawns do. Printed, never asserted. Run: npx tsx bench/cli.ts [RUNS]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.ts';

const RUNS = Number(process.argv[2] ?? 20);
const node = process.execPath;
const fromSources = (flag: string) => [node, '--import', 'tsx', '--input-type=module', '-e', `const { main } = await import('./cli/main.ts'); process.exitCode = await main(['${flag}']);`];
const build = buildCli();
console.log(`compiled CLI: ${build.files} files, ${build.compiled ? `compiled now in ${(build.durationMs / 1000).toFixed(1)} s` : 'up to date'} (${build.main})`);

const noCache = { ...process.env, TSX_DISABLE_CACHE: '1' };
const cases: { name: string; argv: string[]; env?: NodeJS.ProcessEnv }[] = [
  { name: 'node -e 0 (Node alone)', argv: [node, '-e', '0'] },
  { name: 'mcp-risk --help (compiled)', argv: [node, 'bin/mcp-risk.js', '--help'] },
  { name: 'mcp-risk --version (compiled)', argv: [node, 'bin/mcp-risk.js', '--version'] },
  { name: 'mcp-risk --help (tsx, cached)', argv: fromSources('--help') },
  { name: 'mcp-risk --help (tsx, no cache)', argv: fromSources('--help'), env: noCache },
];

const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;
const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

interface Timing { mean: number; sd: number; min: number; max: number; /** user + system CPU per run, ms (hyperfine only) */ cpu?: number }

function viaHyperfine(c: (typeof cases)[number]): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-bench-cli-'));
  try {
    const file = join(dir, 'out.json');
    execFileSync('hyperfine', ['-N', '--warmup', '2', '--runs', String(RUNS), '--export-json', file, c.argv.map(quote).join(' ')], { env: c.env, stdio: 'ignore' });
    const [r] = (JSON.parse(readFileSync(file, 'utf8')) as { results: { mean: number; stddev: number; min: number; max: number; user: number; system: number }[] }).results;
    return { mean: r.mean * 1000, sd: r.stddev * 1000, min: r.min * 1000, max: r.max * 1000, cpu: (r.user + r.system) * 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function viaSpawns(c: (typeof cases)[number]): Timing {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    const r = spawnSync(c.argv[0], c.argv.slice(1), { env: c.env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}`);
    if (i >= 2) times.push(performance.now() - t);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length);
  return { mean, sd, min: Math.min(...times), max: Math.max(...times) };
}

console.log(`start-up over ${RUNS} runs each (${hasHyperfine ? 'hyperfine -N, 2 warm-up runs' : 'repeated spawns, 2 warm-up runs; install hyperfine for CPU times too'}); wall time, and CPU time, which a busy machine does not inflate:`);
for (const c of cases) {
  const r = hasHyperfine ? viaHyperfine(c) : viaSpawns(c);
  const cpu = r.cpu === undefined ? '' : `; CPU ${r.cpu.toFixed(0)} ms`;
  console.log(`  ${c.name.padEnd(34)} ${r.mean.toFixed(0).padStart(5)} ms ± ${r.sd.toFixed(0).padStart(3)} (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})${cpu}`);
}
