// Crawler coverage on this machine: a real crawl of the first N npm stdio servers of the shipped registry snapshot
// (real npm installs, real sandboxed listings, no network for the servers), then the share with a real tool list
// among those whose package installs here, and every other outcome by kind with its servers.
// Run: npx tsx bench/crawl-coverage.ts [--servers 100] [--concurrency 2] [--data DIR] [--allow-network]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clip } from '../crawler/clip.ts';
import { crawl } from '../crawler/crawl.ts';
import { snapshotSource } from '../crawler/sources/snapshot.ts';
import { openDb } from '../db/client.ts';
import { listAttempts } from '../db/queries/attempts.ts';

const flag = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? undefined : process.argv[i + 1]; };
const servers = Number(flag('servers') ?? 100);
const concurrency = Number(flag('concurrency') ?? 2);
const dataDir = resolve(flag('data') ?? '.mcp-risk/bench-coverage');
const allowNetwork = process.argv.includes('--allow-network');
mkdirSync(dataDir, { recursive: true });

const NOT_INSTALLED = new Set(['package_not_found', 'dependency_unreachable', 'install_failed']);

console.log(`crawl coverage: the first ${servers} npm stdio servers of the shipped snapshot, concurrency ${concurrency}, network ${allowNetwork ? 'on retry' : 'off'}, node ${process.version}`);
console.log(`  package cache ${join(dataDir, 'packages')} (a second run reuses its installs)`);
const database = await openDb({ dataDir: 'memory://' });
try {
  const t0 = performance.now();
  let done = 0;
  const summary = await crawl({
    db: database.db, source: snapshotSource(), runtimes: ['npm'], limit: servers, concurrency, allowNetwork, resume: false,
    cacheDir: join(dataDir, 'packages'), workDir: join(dataDir, 'work'), timeoutMs: 60_000,
    onEvent: (e) => { if (e.type === 'attempt' && ++done % 10 === 0) console.log(`  ${done}/${servers} attempted, ${((performance.now() - t0) / 1000).toFixed(0)} s`); },
  });
  const wall = (performance.now() - t0) / 1000;
  const attempts = await listAttempts(database.db, summary.runId);
  const installed = attempts.filter((a) => !NOT_INSTALLED.has(a.status) && a.listedVersion !== null && !(a.status === 'unsupported_runtime' && a.evidence?.startsWith('engines.node')));
  const listed = installed.filter((a) => a.status === 'ok' && (a.toolCount ?? 0) > 0);
  const share = installed.length ? (100 * listed.length) / installed.length : 0;
  console.log(`\n${attempts.length} servers attempted in ${wall.toFixed(1)} s (${(attempts.length / wall).toFixed(2)} servers/s), ${summary.toolsFound} tools`);
  console.log(`by status: ${Object.entries(summary.byStatus).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`installed here: ${installed.length}; with a real tool list: ${listed.length} = ${share.toFixed(1)}% (target >= 90%)`);
  const group = (rows: typeof attempts) => {
    const byKind = new Map<string, string[]>();
    for (const a of rows) byKind.set(a.status, [...(byKind.get(a.status) ?? []), a.server]);
    return [...byKind].sort((a, b) => b[1].length - a[1].length);
  };
  const proof = new Map(attempts.map((a) => [a.server, clip((a.evidence ?? a.error ?? '').replace(/\s+/g, ' '), 140)]));
  console.log('installed, not listed, by kind:');
  for (const [kind, names] of group(installed.filter((a) => !listed.includes(a)))) {
    console.log(`  ${kind} ${names.length}`);
    for (const name of names) console.log(`    ${name}: ${proof.get(name)}`);
  }
  console.log('not installed here, by kind:');
  for (const [kind, names] of group(attempts.filter((a) => !installed.includes(a)))) {
    console.log(`  ${kind} ${names.length}`);
    if (names.length <= 12) for (const name of names) console.log(`    ${name}: ${proof.get(name)}`);
  }
  console.log(`peak RSS of the crawler process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await database.close();
}
