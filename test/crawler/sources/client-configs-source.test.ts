// Local MCP client configs, read from temp directories laid out like a real home and project.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientConfigSource, guessClient, parseJsonc } from '../../../crawler/sources/client-configs.ts';
import { launchFromConfig } from '../../../crawler/sources/config-launch.ts';
import { redactArgs } from '../../../crawler/sources/config-redact.ts';
import { SourceError, type SourceEntry } from '../../../crawler/sources/source.ts';
import { makeConfigHome, type ConfigHome } from '../../helpers/config-home.ts';
import { collectPages } from './contract.ts';

const homes: ConfigHome[] = [];
afterEach(async () => { while (homes.length) await homes.pop()!.close(); });
async function home(options: Parameters<typeof makeConfigHome>[0] = {}) {
  const h = await makeConfigHome(options);
  homes.push(h);
  return h;
}
const entriesOf = async (source: ReturnType<typeof clientConfigSource>) => (await collectPages(source)).flatMap((p) => p.entries);

/** Every secret value written in the fixtures; none may reach anything a source returns. */
const SECRETS = [
  'ghp_FAKEfake0123456789abcdefABCDEF012345', 'hunter2-docker-secret', 'hunter2-url-secret', 'ctx7sk-FAKE-5f2b9c1e-cursor-secret',
  'ntn_FAKE_header_secret_4242', 'sk_test_FAKEstripeSecret000', 'patFAKE.airtable-secret-value', 's3cret-dsn-password',
  'BSAfakeBraveKey0123456789xyz', 'query-secret-abcd1234', 'someone@example.com', 'fix the checkout bug',
];

describe('client config source', () => {
  it('finds Claude Desktop, Cursor, VS Code, Claude Code and Windsurf configs at their standard paths, one page per file', async () => {
    const h = await home();
    const pages = await collectPages(clientConfigSource({ home: h.home, cwd: h.cwd }));
    expect(pages.map((p) => p.entries[0]?.sourceKey.split('#')[0])).toEqual([
      'claude-desktop:~/.config/Claude/claude_desktop_config.json', 'cursor:~/.cursor/mcp.json', 'cursor:~/code/shop/.cursor/mcp.json',
      'vscode:~/code/shop/.vscode/mcp.json', 'claude-code:~/.claude.json', 'claude-code:~/code/shop/.mcp.json', 'windsurf:~/.codeium/windsurf/mcp_config.json',
    ]);
    expect(pages.flatMap((p) => p.entries)).toHaveLength(19);
  });

  it('turns npx/uvx/docker commands into package launches and urls into remote launches', async () => {
    const h = await home();
    // Keyed by the user's server key; the first client to use a key wins (VS Code's "github" is a remote).
    const byName = Object.fromEntries((await entriesOf(clientConfigSource({ home: h.home, cwd: h.cwd }))).reverse().map((e) => [e.sourceKey.split('#').pop(), e.server]));
    expect(byName.filesystem).toMatchObject({ name: 'npm:@modelcontextprotocol/server-filesystem', title: 'filesystem', runtime: 'npm', launch: { kind: 'package', registryType: 'npm', args: ['{{scratch}}', '{{scratch}}'] } });
    expect(byName.github.launch).toEqual({ kind: 'package', registryType: 'npm', identifier: '@modelcontextprotocol/server-github', args: [], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'mcp-risk-placeholder' } });
    expect(byName.fetch).toMatchObject({ name: 'pypi:mcp-server-fetch', runtime: 'pypi', launch: { kind: 'package', registryType: 'pypi', identifier: 'mcp-server-fetch' } });
    expect(byName.postgres).toMatchObject({ name: 'oci:mcp/postgres', runtime: 'oci', launch: { kind: 'package', registryType: 'oci', identifier: 'mcp/postgres', env: { PGPASSWORD: 'mcp-risk-placeholder' } } });
    expect(byName['my-local-server']).toMatchObject({ name: 'config:claude-desktop:my-local-server', runtime: 'local', launch: { kind: 'command', command: 'node', args: ['~/dev/my-server/build/index.js'], env: { DEBUG: 'mcp-risk-placeholder' } } });
    expect(byName.context7).toMatchObject({ packageVersion: '1.0.20', launch: { identifier: '@upstash/context7-mcp', version: '1.0.20', args: ['--api-key', 'mcp-risk-placeholder'] } });
    expect(byName['notion-remote'].launch).toEqual({ kind: 'remote', transport: 'streamable-http', url: 'https://mcp.notion.com/mcp', headers: [{ name: 'Authorization', required: true }] });
    expect(byName.linear.launch).toMatchObject({ kind: 'remote', transport: 'sse', url: 'https://mcp.linear.app/sse' });
    expect(byName['remote-thing']).toMatchObject({ name: 'remote:mcp.example.com/sse', launch: { kind: 'remote', transport: 'sse', url: 'https://mcp.example.com/sse?api_key=redacted' } });
    expect(byName.time.launch).toMatchObject({ identifier: 'mcp-server-time', args: ['--local-timezone=Europe/Paris'] });
  });

  it('never keeps a secret, an unrelated config key or the home path: env and header values are redacted, keys kept', async () => {
    const h = await home();
    const entries = await entriesOf(clientConfigSource({ home: h.home, cwd: h.cwd }));
    const stored = JSON.stringify(entries);
    for (const secret of [...SECRETS, h.home]) expect(stored, secret).not.toContain(secret);
    const raw = (key: string) => (entries.find((e) => e.sourceKey.endsWith(`#${key}`))!.raw as { config: Record<string, unknown> }).config;
    expect(raw('github').env).toEqual({ GITHUB_PERSONAL_ACCESS_TOKEN: '<redacted>' });
    expect(raw('notion-remote').headers).toEqual({ Authorization: '<redacted>' });
    expect(raw('filesystem').args).toEqual(['-y', '@modelcontextprotocol/server-filesystem', '~/Desktop', '~/Downloads']);
    expect(raw('postgres').args).toEqual(['run', '-i', '--rm', '-e', 'PGPASSWORD=<redacted>', 'mcp/postgres', 'postgresql://<redacted>@host.docker.internal:5432/mydb']);
    expect(raw('db').args).toEqual(['-y', '@bytebase/dbhub', '--dsn', '<redacted>']);
  });

  it('reads ~/.claude.json user servers and every project\'s servers', async () => {
    const h = await home();
    const keys = (await entriesOf(clientConfigSource({ home: h.home, cwd: h.cwd, clients: ['claude-code'] }))).map((e) => e.sourceKey);
    expect(keys).toEqual([
      'claude-code:~/.claude.json#sentry', 'claude-code:~/.claude.json#~/code/shop#stripe', 'claude-code:~/.claude.json#~/code/shop#airtable',
      'claude-code:~/code/shop/.mcp.json#db', 'claude-code:~/code/shop/.mcp.json#time',
    ]);
  });

  it('rejects a malformed file with its path and still reads the others', async () => {
    const h = await home({ broken: 'vscode-mcp.json' });
    const pages = await collectPages(clientConfigSource({ home: h.home, cwd: h.cwd }));
    expect(pages.flatMap((p) => p.rejected)).toEqual([{ sourceKey: 'vscode:~/code/shop/.vscode/mcp.json', reason: expect.stringMatching(/^~\/code\/shop\/\.vscode\/mcp\.json is not valid JSON/) }]);
    expect(pages.flatMap((p) => p.entries)).toHaveLength(16);
  });

  it('reads given files instead of the standard paths, guessing the client; a missing one is an error', async () => {
    const h = await home();
    const file = join(h.cwd, '.vscode', 'mcp.json');
    const entries = await entriesOf(clientConfigSource({ home: h.home, files: [file] }));
    expect(entries.map((e: SourceEntry) => e.sourceKey)).toEqual(['vscode:~/code/shop/.vscode/mcp.json#github', 'vscode:~/code/shop/.vscode/mcp.json#playwright', 'vscode:~/code/shop/.vscode/mcp.json#perplexity']);
    const missing = await collectPages(clientConfigSource({ home: h.home, files: [join(h.home, 'nope.json')] })).catch((e) => e);
    expect(missing).toBeInstanceOf(SourceError);
    expect(missing.code).toBe('E_CONFIG_NOT_FOUND');
  });

  it('yields nothing for a home with no client configs', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mcp-risk-empty-'));
    try {
      expect(await collectPages(clientConfigSource({ home: empty, cwd: empty }))).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('reads a config whose servers map is not an object as one rejected record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-odd-'));
    try {
      const file = join(dir, 'claude_desktop_config.json');
      await writeFile(file, JSON.stringify({ mcpServers: ['not', 'a', 'map'] }));
      const [page] = await collectPages(clientConfigSource({ home: dir, files: [file] }));
      expect(page.rejected[0].reason).toContain('the servers map is not an object');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('config entry launches', () => {
  const launch = (entry: Record<string, unknown>) => launchFromConfig(entry);

  it('reads runner flags: npx -p/--package, pnpm dlx, bunx, uvx --from, pipx run, docker flags with values, Windows shims', () => {
    expect(launch({ command: 'npx', args: ['-y', '--package=@acme/mcp@2.0.0', 'acme-mcp', '--stdio'] }).launch).toMatchObject({ identifier: '@acme/mcp', version: '2.0.0', args: ['--stdio'] });
    expect(launch({ command: 'pnpm', args: ['dlx', 'mcp-server-kubernetes'] }).launch).toMatchObject({ registryType: 'npm', identifier: 'mcp-server-kubernetes' });
    expect(launch({ command: 'C:\\Program Files\\nodejs\\npx.cmd', args: ['-y', 'tavily-mcp@0.2.9'] }).launch).toMatchObject({ identifier: 'tavily-mcp', version: '0.2.9' });
    expect(launch({ command: 'bunx', args: ['firecrawl-mcp'] }).launch).toMatchObject({ identifier: 'firecrawl-mcp' });
    expect(launch({ command: 'uvx', args: ['--from', 'mcp-server-git==2025.9.25', 'mcp-server-git', '--repository', '/repo'] }).launch).toMatchObject({ registryType: 'pypi', identifier: 'mcp-server-git', version: '2025.9.25', args: ['--repository', '{{scratch}}'] });
    expect(launch({ command: 'uvx', args: ['--python', '3.12', 'mcp-obsidian[cli]@0.2.1'] }).launch).toMatchObject({ identifier: 'mcp-obsidian', version: '0.2.1' });
    expect(launch({ command: 'pipx', args: ['run', 'mcp-server-time'] }).launch).toMatchObject({ registryType: 'pypi', identifier: 'mcp-server-time' });
    expect(launch({ command: '/usr/bin/docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', '-v', '/data:/data', '--name', 'gh', 'ghcr.io/github/github-mcp-server:v0.13.0', 'stdio'] }).launch)
      .toEqual({ kind: 'package', registryType: 'oci', identifier: 'ghcr.io/github/github-mcp-server', version: 'v0.13.0', args: ['stdio'], env: { GITHUB_TOKEN: 'mcp-risk-placeholder' } });
  });

  it('says why an entry cannot be launched', () => {
    expect(launch({ command: 'npx', args: ['-y', 'git+https://github.com/acme/server.git'] }).launch).toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('not an npm package name') });
    expect(launch({ type: 'ws', url: 'wss://example.com/mcp' }).launch).toMatchObject({ kind: 'unsupported' });
    expect(launch({ url: 'ftp://example.com/mcp' }).launch).toMatchObject({ kind: 'unsupported', reason: 'the remote URL is not an http(s) URL' });
    expect(launch({}).launch).toEqual({ kind: 'unsupported', reason: 'the entry has neither a command nor a url' });
    expect(launch({ command: 'npx', args: ['-y', 'x'], disabled: true }).issues).toEqual(['disabled in the client config']);
  });

  it('redacts secret-looking arguments but keeps ordinary ones', () => {
    expect(redactArgs(['--token', 'abc', '--api-key=xyz', 'API_KEY=1', '--port', '8080', 'sk-live-0000', '--env=FOO=bar', 'plain-arg'], '/home/a'))
      .toEqual(['--token', '<redacted>', '--api-key=<redacted>', 'API_KEY=<redacted>', '--port', '8080', '<redacted>', '--env=FOO=<redacted>', 'plain-arg']);
  });

  it('guesses clients from paths and parses JSON with comments and trailing commas', () => {
    expect(guessClient('/x/.cursor/mcp.json')).toBe('cursor');
    expect(guessClient('/x/.vscode/mcp.json')).toBe('vscode');
    expect(guessClient('/x/.mcp.json')).toBe('claude-code');
    expect(guessClient('/x/mcp_config.json')).toBe('windsurf');
    expect(guessClient('/x/other.json')).toBe('unknown');
    expect(parseJsonc('{\n // c\n "a": "x // not a comment, }", /* b */ "b": [1, 2,],\n}')).toEqual({ a: 'x // not a comment, }', b: [1, 2] });
  });
});
