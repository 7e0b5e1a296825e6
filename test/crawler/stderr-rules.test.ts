// The named rules that read a failed server's output, on stderr captured from real servers of the quick start, and
// the lines they must not fire on; with the pure helpers around them (release choice, clipping, command lines).
import { describe, expect, it } from 'vitest';
import { chooseVersion } from '../../crawler/choose-version.ts';
import { clip } from '../../crawler/clip.ts';
import { renderCommandLine } from '../../crawler/command-line.ts';
import { stderrSummary } from '../../crawler/errors.ts';
import { readNpmRuntimeArgs } from '../../crawler/runtime-arguments.ts';
import { matchRules, namedChoices, npmErrorLine, offeredDemoFlag, usageSubcommand } from '../../crawler/stderr-rules.ts';

// Captured on this machine (Node 20) from the real packages.
const SMARTBEAR = `file:///x/node_modules/@smartbear/mcp/dist/index.js:2
import { enableCompileCache } from "node:module";
         ^^^^^^^^^^^^^^^^^^
SyntaxError: The requested module 'node:module' does not provide an export named 'enableCompileCache'
    at ModuleJob._instantiate (node:internal/modules/esm/module_job:180:21)

Node.js v20.20.2`;
const SVELTE = `TypeError: fetch failed
    at node:internal/deps/undici/undici:13502:13
  [cause]: Error: getaddrinfo EAI_AGAIN svelte.dev
      at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26) {
    errno: -3001,
  }`;
const NPX = `npm error code EAI_AGAIN
npm error syscall getaddrinfo
npm error errno EAI_AGAIN
npm error request to https://registry.npmjs.org/@modelcontextprotocol%2fserver-memory failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org
npm error A complete log of this run can be found in: /tmp/home/.npm/_logs/2026-12-04T19_05_35_653Z-debug-0.log`;
const XCODE = `Usage: xcodebuildmcp <command> [options]

Commands:
  mcp                   Start the MCP server (for use with MCP clients)
  init                  Install XcodeBuildMCP agent skill
  tools                 List available tools

Options:
      --log-level               Set log verbosity level  [string] [choices: "none", "error", "warn", "info", "debug"] [default: "none"]`;
const SUPABASE_ZOD = `            "message": "Invalid enum value. Expected 'debug', received 'mcp-risk-placeholder'"
            "message": "Invalid enum value. Expected 'docs' | 'account' | 'database' | 'debugging' | 'development' | 'functions' | 'branching' | 'storage', received 'mcp-risk-placeholder'"`;

describe('output rules', () => {
  it('reads each real failure as its kind, keeping the line that proves it', () => {
    expect(matchRules([SMARTBEAR])).toMatchObject({ rule: { id: 'node-missing-export', kind: 'unsupported_runtime' }, line: "SyntaxError: The requested module 'node:module' does not provide an export named 'enableCompileCache'" });
    expect(matchRules([SVELTE])).toMatchObject({ rule: { id: 'dns-lookup-failed', kind: 'needs_network' }, line: '[cause]: Error: getaddrinfo EAI_AGAIN svelte.dev', says: expect.stringContaining('svelte.dev') });
    expect(matchRules(['fetch failed'])).toMatchObject({ rule: { id: 'fetch-failed', kind: 'needs_network' } });
    expect(matchRules([NPX])?.line).toContain('request to https://registry.npmjs.org/@modelcontextprotocol%2fserver-memory failed');
    expect(matchRules(['Error: SUPABASE_ACCESS_TOKEN environment variable is required'])).toMatchObject({ rule: { kind: 'needs_credentials' } });
    expect(matchRules(['Error: Please run `gk auth login` first'])).toMatchObject({ rule: { id: 'login-required' } });
    expect(matchRules(['connect ECONNREFUSED 127.0.0.1:9'])).toMatchObject({ rule: { id: 'placeholder-endpoint', kind: 'needs_credentials' } });
    // @modelcontextprotocol/server-slack's start-up message
    expect(matchRules(['Please set SLACK_BOT_TOKEN and SLACK_TEAM_ID environment variables'])).toMatchObject({ rule: { id: 'missing-variable', kind: 'needs_credentials' } });
    expect(matchRules(['Server listening on http://localhost:3000'])).toMatchObject({ rule: { id: 'http-service', kind: 'not_an_mcp_server' } });
    // better-sqlite3 without its install script (@bytebase/dbhub --demo on this machine), a napi loader
    expect(matchRules(['Fatal error: Error: Could not locate the bindings file. Tried:'])).toMatchObject({ rule: { id: 'native-addon-missing', kind: 'unsupported_runtime' }, says: expect.stringContaining('install script') });
    expect(matchRules(["Error: Cannot find module '/srv/x/node_modules/fast-hash/build/Release/hash.node'"])).toMatchObject({ rule: { id: 'native-addon-missing' }, says: expect.stringContaining('(hash.node)') });
  });

  it('does not fire on ordinary start-up chatter', () => {
    for (const benign of ['Starting server v1.2.3', 'Loaded 12 tools', 'debug: using default region us-east-1', 'info: cache dir /tmp/home/.cache']) {
      expect(matchRules([benign]), benign).toBeUndefined();
    }
  });

  it('keeps the line naming the error as the excerpt, not npm\'s footer, a caret or a stack frame', () => {
    expect(stderrSummary(SMARTBEAR)).toBe("SyntaxError: The requested module 'node:module' does not provide an export named 'enableCompileCache'");
    expect(stderrSummary(`npm error 404 Not Found - GET https://registry.npmjs.org/x\nnpm error A complete log of this run can be found in: /tmp/x.log`)).toBe('npm error 404 Not Found - GET https://registry.npmjs.org/x');
    expect(npmErrorLine(`npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/@e18e%2fmcp - Not found\nnpm error 404\nnpm error A complete log of this run can be found in: x`)).toBe('404 Not Found - GET https://registry.npmjs.org/@e18e%2fmcp - Not found');
  });

  it('finds the subcommand a usage text offers, and only in usage text', () => {
    expect(usageSubcommand(XCODE, ['xcodebuildmcp'])).toBe('mcp');
    expect(usageSubcommand('Usage: tool [options]\n\nRun `tool stdio` to serve over stdio', ['tool'])).toBe('stdio');
    expect(usageSubcommand('Error: the mcp server crashed', ['tool'])).toBeUndefined();
    expect(usageSubcommand('Usage: tool <file>\n  --verbose  more output', ['tool'])).toBeUndefined();
  });

  it('finds the demo or mock mode a server offers when it stops for a missing connection, and only such a flag', () => {
    expect(offeredDemoFlag('ERROR: no database configured.\nOptions:\n  a) run with --demo to use a bundled in-memory sample database\n  b) set DSN')).toBe('--demo');
    expect(offeredDemoFlag('Missing STORE_URL. Start with `--mock` for a fake store without a real server.')).toBe('--mock');
    expect(offeredDemoFlag('Pass --offline-mode to serve cached sample data')).toBe('--offline-mode');
    // a flag that takes the backend's address, a flag with a value, the word without a flag: no retry
    expect(offeredDemoFlag('  --mock-server URL   the mock server to forward to')).toBeUndefined();
    expect(offeredDemoFlag('Use --demo=false in production (demo mode is the default)')).toBeUndefined();
    expect(offeredDemoFlag('Error: demo account expired; set API_KEY')).toBeUndefined();
    expect(offeredDemoFlag('  --demo   print the version')).toBeUndefined();
  });

  it('reads the valid values a server names when it rejects one (zod, yargs-style choices)', () => {
    expect(namedChoices(SUPABASE_ZOD)).toEqual(['docs', 'account', 'database', 'debugging', 'development', 'functions', 'branching', 'storage']);
    expect(namedChoices('Invalid values:\n  Argument: toolsets, Given: "x", Choices: "repos", "issues", "actions"')).toEqual(['repos', 'issues', 'actions']);
    expect(namedChoices('nothing to see')).toEqual([]);
  });
});

describe('release choice', () => {
  const releases = { '0.40.0': { engines: { node: '>=22' } }, '0.41.0': { engines: { node: '>=22' } } };
  it('names the engines range when no release runs on this Node.js', () => {
    expect(chooseVersion('0.12.1', releases, { node: '20.20.2', latest: '0.41.0' })).toEqual({ ok: false, declared: '0.12.1', range: '>=22', reason: '0.41.0 needs Node.js >=22, this runtime is 20.20.2; none of its 2 releases runs on 20.20.2' });
    expect(chooseVersion('0.12.1', releases, { node: '22.1.0', latest: '0.41.0' })).toMatchObject({ ok: true, version: '0.40.0', why: 'same-major' });
  });
  it('prefers the declared release, else the nearest (newer on a tie), and never a prerelease over a release', () => {
    const r = { '1.0.0': {}, '1.2.0': {}, '1.4.0': {}, '2.0.0-beta.1': {} };
    expect(chooseVersion('1.2.0', r)).toMatchObject({ version: '1.2.0', why: 'declared' });
    expect(chooseVersion('1.3.0', r)).toMatchObject({ version: '1.4.0', why: 'same-major' });
    expect(chooseVersion('3.0.0', r, { latest: '1.4.0' })).toMatchObject({ version: '1.4.0', why: 'newest-compatible' });
    expect(chooseVersion(undefined, r, { latest: '1.4.0' })).toMatchObject({ version: '1.4.0', why: 'latest' });
  });
});

describe('command lines and clipping', () => {
  it('marks placeholders, hides secrets, quotes what a shell would split', () => {
    expect(renderCommandLine([{ value: 'node' }, { value: 'a b' }, { value: 'x', placeholder: true }], [{ name: 'TOKEN', value: 'real', secret: true }, { name: 'KEY', value: 'p', secret: true, placeholder: true }]))
      .toBe('KEY=<placeholder> TOKEN=<secret> node "a b" <placeholder:x>');
  });
  it('reads npx-style runtime arguments: npx flags and the spec dropped, a bin named, node flags to node, the rest to the server', () => {
    const parts = ['--yes', 'pkg@1.0.0', 'pkg-server', '--max-old-space-size=512', '--project-ref', 'abc'].map((value) => ({ value }));
    expect(readNpmRuntimeArgs(parts, { identifier: 'pkg', bins: ['pkg-server', 'pkg-doctor'] })).toEqual({
      bin: 'pkg-server', nodeArgs: [{ value: '--max-old-space-size=512' }], serverArgs: [{ value: '--project-ref' }, { value: 'abc' }],
      dropped: ['--yes (npx flag)', 'pkg@1.0.0 (the package itself)'],
    });
  });
  it('never cuts a word in half', () => {
    expect(clip('404 Not Found - GET https://registry.npmjs.org/x - The requested resource could not be found', 40)).toBe('404 Not Found - GET…');
    expect(clip('short', 40)).toBe('short');
  });
});
