// The command line as people use it: the real executable, real servers in the sandbox, real files.
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { startRegistryReplay } from '../helpers/registry-replay.ts';
import { memoryServerItem } from '../helpers/registry-items.ts';

const COMMANDS = ['run', 'crawl', 'list-tools', 'classify', 'classify-db', 'build', 'serve', 'stats', 'eval', 'policy', 'attempts', 'worker', 'queue'];
const filesystemServer = join(process.cwd(), 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
const memoryServer = join(process.cwd(), 'node_modules/@modelcontextprotocol/server-memory/dist/index.js');

type Verdict = { name: string; category: string; risk: string; evidence: string[]; policy: { version: string; tools: Record<string, unknown> } };

describe('mcp-risk command line', () => {
  it('prints help for every command and exits 0', async () => {
    for (const command of COMMANDS) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout, command).toMatch(new RegExp(`Usage: mcp-risk ${command}`));
    }
  });

  it('fails with one clear line and a non-zero code on an unknown command or a bad flag', async () => {
    const unknown = await runCli(['crawll']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "crawll"/);
    const badFlag = await runCli(['crawl', '--limit', 'many']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(badFlag.stderr).toMatch(/--limit must be a positive integer/);
    const badInput = await runCli(['classify', '-'], { input: '{"not":"tools"' });
    expect(badInput.code).not.toBe(0);
    expect(badInput.stderr).toMatch(/classify/);
  });

  it('refuses a site URL that is not an absolute http(s) root, naming where it came from', async () => {
    const flag = await runCli(['build', '--site-url', 'not-a-url']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
    expect(flag.stderr).toMatch(/^mcp-risk build: --site-url: The site URL must be an absolute http\(s\) URL .*"not-a-url" is not a URL/);
    const env = await runCli(['run', '--no-serve'], { env: { MCP_RISK_SITE_URL: 'ftp://mcp-risk.example/' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^mcp-risk run: MCP_RISK_SITE_URL: .*has the scheme ftp:/);
    expect((await runCli(['build', '--site-url', 'https://mcp-risk.example/sub/'])).stderr).toMatch(/has a path/);
  });

  it('list-tools prints the filesystem server\'s tools, and classify rates them', async () => {
    const listed = await runCli(['list-tools', '--timeout', '30', '--', process.execPath, filesystemServer, '.']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const { tools } = JSON.parse(listed.stdout) as { tools: { name: string; annotations?: Record<string, boolean> }[] };
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['read_text_file', 'write_file', 'list_directory']));
    expect(tools.find((t) => t.name === 'read_text_file')?.annotations?.readOnlyHint).toBe(true);

    const classified = await runCli(['classify', '-', '--server', 'filesystem'], { input: listed.stdout });
    expect(classified.code).toBe(0);
    const verdicts = JSON.parse(classified.stdout) as Verdict[];
    expect(verdicts).toHaveLength(tools.length);
    const byName = Object.fromEntries(verdicts.map((v) => [v.name, v]));
    expect(byName.read_text_file).toMatchObject({ category: 'Read', risk: 'Low' });
    expect(byName.write_file.category).not.toBe('Read');
    for (const v of verdicts) {
      expect(v.evidence.length).toBeGreaterThan(0);
      expect(v.policy.version).toBe('1');
    }
  });

  it('classify reads the memory server\'s tools from a file; delete_entities is Destructive', async () => {
    const listed = await runCli(['list-tools', '--', process.execPath, memoryServer], { env: { MEMORY_FILE_PATH: 'memory.jsonl' } });
    expect(listed.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-cli-'));
    const file = join(dir, 'memory-tools.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, listed.stdout));
    const classified = await runCli(['classify', file]);
    const byName = Object.fromEntries((JSON.parse(classified.stdout) as Verdict[]).map((v) => [v.name, v]));
    expect(byName.delete_entities.category).toBe('Destructive');
    expect(byName.read_graph.category).toBe('Read');
  });

  describe('the main job on a replayed registry', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mcp-risk-run-'));
    chmodSync(dataDir, 0o755); // the sandboxed server runs as nobody and must reach its scratch dir
    let registry: Awaited<ReturnType<typeof startRegistryReplay>>;
    afterAll(async () => { await registry?.close(); });

    it('crawls, classifies and builds pages for a real server, then reports stats', async () => {
      registry = await startRegistryReplay({ items: [memoryServerItem] as never });
      const env = { MCP_RISK_DATA_DIR: dataDir, MCP_REGISTRY_URL: registry.url, DATABASE_URL: '' };
      const out = join(dataDir, 'site');
      const run = await runCli(['run', '--limit', '5', '--no-serve', '--out', out, '--site-url', 'https://mcp-risk.example'], { env, timeoutMs: 240_000 });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/ok\s+io\.github\.modelcontextprotocol\/server-memory \(\d+ tools/);
      expect(run.stdout).toMatch(/built \d+ pages/);
      const page = join(out, 'tools/io-github-modelcontextprotocol-server-memory/delete-entities/index.html');
      expect(existsSync(page)).toBe(true);
      expect(readFileSync(page, 'utf8')).toMatch(/Destructive/);
      expect(readFileSync(page, 'utf8')).toContain('<link rel="canonical" href="https://mcp-risk.example/tools/io-github-modelcontextprotocol-server-memory/delete-entities/">');
      // The setting from the environment, and none at all: then no absolute URL, no sitemap, and a note saying so.
      const fromEnv = await runCli(['build', '--out', join(dataDir, 'site-env')], { env: { ...env, MCP_RISK_SITE_URL: 'https://env.example/' } });
      expect(fromEnv.code).toBe(0);
      expect(readFileSync(join(dataDir, 'site-env/robots.txt'), 'utf8')).toContain('Sitemap: https://env.example/sitemap.xml');
      const bare = await runCli(['build', '--out', join(dataDir, 'site-bare')], { env });
      expect(bare.stdout).toMatch(/no site URL: .*set --site-url or MCP_RISK_SITE_URL/);
      expect(readFileSync(join(dataDir, 'site-bare/index.html'), 'utf8')).not.toMatch(/localhost|rel="canonical"|og:url/);
      expect(existsSync(join(dataDir, 'site-bare/sitemap.xml'))).toBe(false);

      const stats = await runCli(['stats', '--json'], { env });
      expect(stats.code).toBe(0);
      const counts = JSON.parse(stats.stdout);
      expect(counts.servers).toBe(1);
      expect(counts.tools).toBeGreaterThanOrEqual(9);
      expect(counts.classifications.total).toBe(counts.tools);
      expect(counts.classifications.byCategory.Destructive).toBeGreaterThanOrEqual(1);
      expect(counts.crawlAttempts.byStatus).toEqual({ ok: 1 });

      const policy = await runCli(['policy', 'io.github.modelcontextprotocol/server-memory'], { env });
      expect(policy.code).toBe(0);
      const parsed = JSON.parse(policy.stdout);
      expect(parsed).toMatchObject({ version: '1', default: 'deny' });
      expect(Object.keys(parsed.tools)).toContain('read_graph');
      const claude = JSON.parse((await runCli(['policy', 'io-github-modelcontextprotocol-server-memory', '--format', 'claude-code', '--key', 'memory'], { env })).stdout);
      expect(claude.permissions.allow).toContain('mcp__memory__read_graph');
      expect([...claude.permissions.ask, ...claude.permissions.deny]).toContain('mcp__memory__delete_entities');
      const codex = await runCli(['policy', 'io.github.modelcontextprotocol/server-memory', '--format', 'codex'], { env });
      expect(codex.stdout).toMatch(/^\[mcp_servers\.server-memory\]\ndisabled_tools = \[/);
    }, 240_000);
  });
});

describe('mcp-risk eval', () => {
  it('scores the development split: read-only agreement of at least 95%, no destructiveHint tool rated Low', async () => {
    const { code, stdout } = await runCli(['eval', '../shared/eval/annotated-dev.jsonl', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.tools).toBeGreaterThan(1000);
    expect(report.readOnly.agreement).toBeGreaterThanOrEqual(0.95);
    expect(report.destructiveRatedLow).toEqual([]);
    expect(report.perServer.length).toBe(report.servers);
    const text = await runCli(['eval', '../shared/eval/annotated-dev.jsonl']);
    expect(text.stdout).toMatch(/read-only \(category Read vs readOnlyHint\): agreement \d+\.\d%/);
    expect(text.stdout).toMatch(/disagreements/);
  });
});

describe('mcp-risk crawl --incremental', () => {
  it('asks the registry only for servers updated since the last completed run of the same options', async () => {
    const registry = await startRegistryReplay();
    try {
      const dataDir = mkdtempSync(join(tmpdir(), 'mcp-risk-incr-'));
      chmodSync(dataDir, 0o755);
      const env = { MCP_RISK_DATA_DIR: dataDir, MCP_REGISTRY_URL: registry.url, DATABASE_URL: '' };
      const args = ['crawl', '--incremental', '--runtime', 'oci', '--limit', '3'];
      const first = await runCli(args, { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/no completed run yet, reading everything/);
      expect(first.stdout).toMatch(/3 servers selected/);
      expect(registry.requests.some((u) => u.includes('updated_since'))).toBe(false);
      const second = await runCli(args, { env });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/incremental: servers updated since \d{4}-\d\d-\d\dT/);
      expect(registry.requests.at(-1)).toMatch(/updated_since=\d{4}-\d\d-\d\dT/);
      // The dump's records are all older than the first run: nothing to do.
      expect(second.stdout).toMatch(/0 servers selected/);
    } finally {
      await registry.close();
    }
  });
});
