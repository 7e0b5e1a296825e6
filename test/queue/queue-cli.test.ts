// The distributed crawl as a person runs it: `mcp-risk crawl --queue`, `mcp-risk worker` processes and
// `mcp-risk queue`, against the machine's PostgreSQL (a fresh database), npm installing fixture packages from a
// local registry. One worker is killed with SIGKILL mid-job and another stopped with SIGTERM mid-job.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixturePackage } from '../helpers/npm-registry.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { startNpmRegistry } from '../helpers/npm-registry.ts';
import { BIN, runCli } from '../helpers/run-cli.ts';

/** A stdio server that takes a few seconds to start, so that a worker can be stopped while it lists it. */
const slow = (name: string, tool: string): FixturePackage => ({
  name, releases: [{ version: '1.0.0', bin: 'server.mjs', files: { 'server.mjs': `#!/usr/bin/env node
import { createInterface } from 'node:readline';
const send = (m) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...m }) + '\\n');
await new Promise((resolve) => setTimeout(resolve, 3000));
createInterface({ input: process.stdin }).on('line', (line) => {
  const m = JSON.parse(line);
  if (m.id === undefined) return;
  if (m.method === 'initialize') return send({ id: m.id, result: { protocolVersion: m.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: '${name}', version: '1.0.0' } } });
  if (m.method === 'tools/list') return send({ id: m.id, result: { tools: [{ name: '${tool}', description: 'the ${tool} tool', inputSchema: { type: 'object', properties: {} } }] } });
  send({ id: m.id, error: { code: -32601, message: 'no method ' + m.method } });
});
` } }],
});
const PACKAGES = [slow('fixture-slow-a', 'read_alpha'), slow('fixture-slow-b', 'delete_beta'), slow('fixture-slow-c', 'send_gamma')];

const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-queue-cli-'));
chmodSync(dir, 0o755);
const list = join(dir, 'servers.txt');
writeFileSync(list, PACKAGES.map((p) => `npm:${p.name}@1.0.0`).join('\n'));
let registry: Awaited<ReturnType<typeof startNpmRegistry>>;
beforeAll(async () => { registry = await startNpmRegistry(PACKAGES); });
afterAll(async () => { await registry?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('without DATABASE_URL (embedded PGlite)', () => {
  it('crawl --queue, worker and queue refuse with exit 2, saying they need PostgreSQL', async () => {
    const env = { MCP_RISK_DATA_DIR: join(dir, 'pglite'), DATABASE_URL: '' };
    for (const args of [['crawl', '--queue', '--list', list], ['worker'], ['queue']]) {
      const r = await runCli(args, { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/: the job queue needs PostgreSQL: set DATABASE_URL=postgres:\/\/.*without --queue, `mcp-risk crawl` crawls in this one process/);
      expect(r.stdout).toBe('');
    }
    const usage = await runCli(['crawl', '--wait', '--list', list], { env });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--wait goes with --queue');
  });
});

describe('workers on PostgreSQL', () => {
  it('a SIGKILLed worker\'s job is finished by another, a SIGTERMed worker finishes its job first, and the run ends with one attempt per server', async () => {
    const db = await createTestDatabase();
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    const env = { MCP_RISK_DATA_DIR: join(dir, 'data'), DATABASE_URL: db.url, npm_config_registry: registry.url };
    const children: ChildProcess[] = [];
    const worker = (args: string[]) => {
      const child = spawn(process.execPath, [BIN, 'worker', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      const out = { stdout: '', stderr: '', exit: new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))) };
      child.stdout!.on('data', (d: Buffer) => { out.stdout += d; });
      child.stderr!.on('data', (d: Buffer) => { out.stderr += d; });
      children.push(child);
      return { child, out };
    };
    try {
      const enqueued = await runCli(['crawl', '--queue', '--list', list, '--lease', '20', '--retry-delay', '1', '--timeout', '30'], { env });
      expect(enqueued.stderr).toBe('');
      expect(enqueued.stdout).toMatch(/^crawl run 1: 3 jobs enqueued, 3 servers in the run; start workers with: mcp-risk worker\n$/);
      const again = await runCli(['crawl', '--queue', '--list', list, '--lease', '20', '--retry-delay', '1', '--timeout', '30'], { env });
      expect(again.stdout).toMatch(/^crawl run 1 \(resumed\): 3 jobs enqueued, 3 servers in the run/);

      const killed = worker(['--concurrency', '1']);
      const stopped = worker(['--concurrency', '1']);
      // both hold a job (a slow server is starting in each one's sandbox)
      const holders = async () => (await sql<{ worker: string }[]>`select details->>'worker' as worker from crawl_attempts where status = 'pending' and details ? 'worker'`).map((r) => r.worker);
      for (let i = 0; i < 600; i++) {
        const held = await holders();
        if (held.some((w) => w.endsWith(`:${killed.child.pid}`)) && held.some((w) => w.endsWith(`:${stopped.child.pid}`))) break;
        await sleep(100);
      }
      const status = await runCli(['queue', '--json'], { env });
      const [run] = JSON.parse(status.stdout) as { runId: number; active: number; queued: number; oldestActive?: { worker: string } }[];
      expect(run).toMatchObject({ runId: 1, active: 2, queued: 1 });
      expect(run.oldestActive?.worker).toMatch(/:\d+$/);
      killed.child.kill('SIGKILL');
      stopped.child.kill('SIGTERM');
      expect(await killed.out.exit).toBe(null);
      expect(await stopped.out.exit).toBe(0);
      expect(stopped.out.stderr).toContain('SIGTERM: finishing the jobs in hand, then exiting');
      expect(stopped.out.stdout).toMatch(/^run 1 ok +npm:fixture-slow-\w \(1 tool, [\d.]+s\)\nworker: 1 jobs/);

      const rest = worker(['--concurrency', '2', '--exit-when-idle', '--maintenance-interval', '1']);
      expect(await rest.out.exit).toBe(0);
      // the third server, and the killed worker's once its lease ran out
      expect(rest.out.stdout).toMatch(/, try 2\)/);
      expect(rest.out.stdout).toMatch(/run 1 completed: 3 servers, 3 tools, 3 tool versions classified/);

      const attempts = await sql`select s.name, a.status, a.tool_count from crawl_attempts a join servers s on s.id = a.server_id order by s.name`;
      expect(attempts.map((a) => [a.name, a.status, a.tool_count])).toEqual(PACKAGES.map((p) => [`npm:${p.name}`, 'ok', 1]));
      expect(await sql`select server_id, name from tools group by 1, 2 having count(*) > 1`).toEqual([]);
      expect((await sql`select count(*)::int as n from tools`)[0].n).toBe(3);
      expect((await sql`select count(*)::int as n from tool_versions`)[0].n).toBe(3);
      expect((await sql`select count(*)::int as n from classifications`)[0].n).toBe(3);
      expect((await sql`select status from crawl_runs`).map((r) => r.status)).toEqual(['completed']);
      const final = await runCli(['queue'], { env });
      expect(final.stdout).toBe('run 1 (completed): 0 queued, 0 active, 0 retrying, 3 done, 0 failed\n');
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await sql.end();
      await db.drop();
    }
  });
});
