// A crawl killed with SIGKILL in the middle resumes from the recorded state on rerun: no duplicate
// servers, tools or versions, no lost ones, nothing left running.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { crawlAttempts, crawlRuns, servers, tools, toolVersions } from '../../db/schema.ts';
import { BIN, runCli } from '../helpers/run-cli.ts';
import { referenceServerItems, sharedPackageCache } from '../helpers/registry-items.ts';
import { startRegistryReplay } from '../helpers/registry-replay.ts';
import { createTestDatabase } from '../helpers/databases.ts';

const items = referenceServerItems;
const SERVERS = items.length;

/** Starts a crawl, waits until `after` servers are done, then SIGKILLs it. */
function crawlAndKill(env: Record<string, string>, after: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'crawl', '--concurrency', '1'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if ((out.match(/^\[\d+\/\d+\]/gm) ?? []).length >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`crawl ended before it was killed:\n${out}`))));
  });
}

function leftoverProcesses(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

const cases: { name: string; database: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }> }[] = [
  { name: 'PGlite', database: async () => ({ env: { DATABASE_URL: '' }, drop: async () => {} }) },
  { name: 'PostgreSQL', database: async () => { const t = await createTestDatabase(); return { env: { DATABASE_URL: t.url }, drop: t.drop }; } },
];

describe.each(cases)('a crawl killed with SIGKILL on $name', ({ database }) => {
  let registry: Awaited<ReturnType<typeof startRegistryReplay>>;
  let drop = async () => {};
  afterAll(async () => { await registry?.close(); await drop(); });

  it('resumes on rerun and ends with every server listed once', async () => {
    registry = await startRegistryReplay({ items: items as never, });
    const db = await database();
    drop = db.drop;
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-risk-resume-'));
    chmodSync(dataDir, 0o755);
    const env = { ...db.env, MCP_RISK_DATA_DIR: dataDir, MCP_RISK_CACHE_DIR: sharedPackageCache(), MCP_REGISTRY_URL: registry.url };

    const first = await crawlAndKill(env, 2);
    expect(first).toMatch(/crawl run 1 started/);
    expect(leftoverProcesses(dataDir)).toEqual([]);

    const second = await runCli(['crawl', '--concurrency', '1'], { env });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/resuming crawl run 1 \((\d+) servers done before/);
    const doneBefore = Number(/resuming crawl run 1 \((\d+) servers done before/.exec(second.stdout)![1]);
    expect(doneBefore).toBeGreaterThanOrEqual(2);
    expect(doneBefore).toBeLessThan(SERVERS);
    // Only the servers not finished before are listed again.
    expect((second.stdout.match(/^\[\d+\/\d+\]/gm) ?? []).length).toBe(SERVERS - doneBefore);

    const opened = await openDb({ databaseUrl: db.env.DATABASE_URL || undefined, dataDir: join(dataDir, 'pgdata') });
    try {
      const runs = await opened.db.select().from(crawlRuns);
      expect(runs.map((r) => r.status)).toEqual(['completed']);
      const attempts = await opened.db.select().from(crawlAttempts);
      expect(attempts).toHaveLength(SERVERS);
      expect(attempts.every((a) => a.status === 'ok')).toBe(true);
      expect(await opened.db.select().from(servers)).toHaveLength(SERVERS);
      const toolRows = await opened.db.select().from(tools);
      expect(toolRows.length).toBe(attempts.reduce((n, a) => n + (a.toolCount ?? 0), 0));
      expect(new Set(toolRows.map((t) => `${t.serverId}/${t.name}`)).size).toBe(toolRows.length);
      expect(await opened.db.select().from(toolVersions)).toHaveLength(toolRows.length);
    } finally {
      await opened.close();
    }
    expect(leftoverProcesses(dataDir)).toEqual([]);
  });
});
