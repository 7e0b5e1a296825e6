// `mcp-risk crawl` then `mcp-risk attempts`, as a person runs them: a snapshot of registry records for fixture
// packages, installed by npm from a local registry (npm_config_registry), listed in the sandbox; the attempts
// command shows each outcome with the version listed, the entry point and the line that proves it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrawlArgs } from '../../cli/crawl.ts';
import { FIXTURE_PACKAGES, npmPackage } from '../fixtures/packages/catalogue.ts';
import { startNpmRegistry } from '../helpers/npm-registry.ts';
import { registryItem } from '../helpers/registry-items.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-attempts-'));
chmodSync(dir, 0o755);
const snapshot = join(dir, 'snapshot.json');
writeFileSync(snapshot, JSON.stringify([
  registryItem({ name: 'io.example/subcommand', packages: [npmPackage('@fixture/subcommand', '1.0.0')] }),
  registryItem({ name: 'io.example/versions', packages: [npmPackage('fixture-versions', '1.3.0')] }),
  registryItem({ name: 'io.example/creds', packages: [npmPackage('fixture-creds', '1.0.0', { environmentVariables: [{ name: 'WIDGET_API_KEY', isRequired: true, isSecret: true }] })] }),
  registryItem({ name: 'io.example/unpublished', packages: [npmPackage('fixture-not-published', '0.1.0')] }),
]));
let registry: Awaited<ReturnType<typeof startNpmRegistry>>;
let env: Record<string, string>;
beforeAll(async () => {
  registry = await startNpmRegistry(FIXTURE_PACKAGES);
  env = { MCP_RISK_DATA_DIR: join(dir, 'data'), npm_config_registry: registry.url };
  const crawled = await runCli(['crawl', '--snapshot', snapshot, '--timeout', '30'], { env });
  expect(crawled.stderr).toBe('');
  expect(crawled.code).toBe(0);
});
afterAll(async () => { await registry?.close(); rmSync(dir, { recursive: true, force: true }); });

describe('mcp-risk attempts', () => {
  it('prints every attempt of the newest run: status, server, tools or error kind, version listed, entry point, proof', async () => {
    const { code, stdout } = await runCli(['attempts'], { env });
    expect(code).toBe(0);
    const blocks = stdout.trim().split('\n[');
    expect(blocks).toHaveLength(4);
    expect(stdout).toMatch(/^\[ok\] io\.example\/subcommand: 2 tools in \d+\.\ds\n {4}listed {3}@fixture\/subcommand@1\.0\.0\n {4}entry {4}fixture-subcommand mcp, network off\n/);
    expect(stdout).toMatch(/\[ok\] io\.example\/versions: 1 tool in \d+\.\ds\n {4}listed {3}fixture-versions@1\.2\.0 \(declared 1\.3\.0\)\n/);
    expect(stdout).toMatch(/\[needs_credentials\] io\.example\/creds: E_NEEDS_CREDENTIALS in \d+\.\ds\n {4}tried {4}fixture-creds@1\.0\.0\n {4}entry {4}fixture-creds, network off\n {4}why {6}it stopped asking for WIDGET_API_KEY\n {4}proof {4}Error: WIDGET_API_KEY environment variable is required \(a key starting with wk_\)\n/);
    expect(stdout).toMatch(/\[package_not_found\] io\.example\/unpublished: E_PACKAGE_NOT_FOUND in \d+\.\ds\n {4}package {2}fixture-not-published@0\.1\.0\n {4}why {6}the registry has no package fixture-not-published\n {4}proof {4}GET http:\/\/127\.0\.0\.1:\d+\/fixture-not-published: HTTP 404\n/);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^run 1: 4 attempts: ok 2, (needs_credentials 1, package_not_found 1|package_not_found 1, needs_credentials 1)$/);
  });

  it('filters by status and by server, and prints JSON with the command line run', async () => {
    const byStatus = await runCli(['attempts', '--status', 'package_not_found,needs_credentials'], { env });
    expect(byStatus.stdout.match(/^\[\w+\]/gm)).toEqual(['[needs_credentials]', '[package_not_found]']);
    const byServer = await runCli(['attempts', '--server', 'SUBCOMMAND'], { env });
    expect(byServer.stdout.match(/^\[\w+\] \S+/gm)).toEqual(['[ok] io.example/subcommand:']);
    const json = JSON.parse((await runCli(['attempts', '--json', '--server', 'creds'], { env })).stdout) as Record<string, unknown>[];
    expect(json).toEqual([expect.objectContaining({
      runId: 1, server: 'io.example/creds', status: 'needs_credentials', errorKind: 'E_NEEDS_CREDENTIALS', declaredVersion: '1.0.0', listedVersion: '1.0.0',
      networkMode: 'off', commandLine: 'WIDGET_API_KEY=<placeholder> node fixture-creds@1.0.0/server.mjs',
    })]);
  });

  it('says so when a run has no such attempts, and refuses a bad run id', async () => {
    const none = await runCli(['attempts', '--status', 'timeout'], { env });
    expect(none.stdout).toBe('run 1: 0 attempts\n');
    const bad = await runCli(['attempts', '--run', 'latest'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--run must be a positive integer/);
  });

  it('crawl takes --allow-network, off by default', () => {
    expect(parseCrawlArgs([]).allowNetwork).toBe(false);
    expect(parseCrawlArgs(['--allow-network']).allowNetwork).toBe(true);
  });
});
