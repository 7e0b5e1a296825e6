// listTools against real servers and hostile ones, all real processes in the real sandbox.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runListTools } from '../../cli/list-tools.ts';
import { ListToolsError, SandboxUnavailableError } from '../../crawler/errors.ts';
import { listTools, type ListToolsOptions } from '../../crawler/list-tools.ts';
import { findBwrap, sandboxCommand } from '../../crawler/sandbox.ts';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const PACKAGES = fileURLToPath(new URL('../../node_modules/@modelcontextprotocol/', import.meta.url));
const node = process.execPath;

/** Passed to every hostile server, inherited by its children: tells this run's processes from a concurrent run's. */
const RUN = `MCP_RISK_TEST_RUN=${process.pid}-${Date.now()}`;

/** Pids of this run's processes whose command line contains `marker`: every hostile process carries the fixtures path. */
function running(marker: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(RUN);
    } catch {
      return false;
    }
  });
}

const hostile = (fixture: string, args: string[] = [], options: Partial<ListToolsOptions> = {}) => {
  const [key, value] = RUN.split('=');
  const env = { [key]: value, ...options.env };
  return listTools({ command: node, args: [path.join(HOSTILE, fixture), ...args], timeoutMs: 10_000, ...options, env });
};

async function failure(promise: Promise<unknown>): Promise<ListToolsError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ListToolsError);
  return error as ListToolsError;
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'mcp-risk-test-'));
}

afterEach(() => {
  expect(running(HOSTILE)).toEqual([]);
});

describe('listTools on real servers', () => {
  it('lists server-everything with its annotations', async () => {
    const result = await listTools({ command: node, args: [path.join(PACKAGES, 'server-everything/dist/index.js'), 'stdio'] });
    const names = result.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-env', 'toggle-simulated-logging']));
    expect(result.tools.find((t) => t.name === 'echo')?.annotations).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    expect(result.tools.find((t) => t.name === 'gzip-file-as-resource')?.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
    expect(result.serverInfo?.name).toBe('mcp-servers/everything');
    expect(result.issues).toEqual([]);
    expect(result.protocolVersion).toBe('2025-11-25');
  }, 20_000);

  it('lists server-filesystem given its writable dir as the allowed directory', async () => {
    const dir = tempDir();
    try {
      const result = await listTools({ command: node, args: [path.join(PACKAGES, 'server-filesystem/dist/index.js'), dir], writableDir: dir });
      const byName = new Map(result.tools.map((t) => [t.name, t]));
      expect([...byName.keys()]).toEqual(expect.arrayContaining(['read_text_file', 'write_file', 'edit_file', 'move_file', 'list_allowed_directories']));
      expect(byName.get('write_file')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
      expect(byName.get('read_text_file')?.annotations).toMatchObject({ readOnlyHint: true });
      expect(byName.get('write_file')?.inputSchema).toMatchObject({ type: 'object', required: ['path', 'content'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('lists a stdio server of the 2026-07-28 era through server/discover after it rejects initialize', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/remote/modern-stdio.mjs', import.meta.url));
    const result = await listTools({ command: node, args: [fixture], env: { MARKER: RUN }, timeoutMs: 15_000 });
    expect(result).toMatchObject({ era: 'discover', protocolVersion: '2026-07-28', pages: 2, serverInfo: { name: 'modern-notes' } });
    expect(result.tools.map((t) => t.name)).toEqual(['search_notes', 'delete_note']);
    const classic = await listTools({ command: node, args: [path.join(PACKAGES, 'server-everything/dist/index.js'), 'stdio'] });
    expect(classic.era).toBe('initialize');
  }, 30_000);

  it('lists server-memory with its memory file in the writable dir', async () => {
    const dir = tempDir();
    try {
      const env = { MEMORY_FILE_PATH: path.join(dir, 'memory.jsonl') };
      const result = await listTools({ command: node, args: [path.join(PACKAGES, 'server-memory/dist/index.js')], env, writableDir: dir });
      const byName = new Map(result.tools.map((t) => [t.name, t]));
      expect([...byName.keys()]).toEqual(expect.arrayContaining(['create_entities', 'delete_entities', 'read_graph', 'search_nodes']));
      expect(byName.get('delete_entities')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
      expect(byName.get('read_graph')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);
});

describe('listTools on hostile servers', () => {
  it('times out in initialize when the server never answers', async () => {
    const started = Date.now();
    const error = await failure(hostile('hang-initialize.mjs', [], { timeoutMs: 2000 }));
    expect(error).toMatchObject({ kind: 'timeout', code: 'E_TIMEOUT', phase: 'initialize', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out in tools/list when only initialize is answered', async () => {
    const error = await failure(hostile('hang-tools-list.mjs', [], { timeoutMs: 2000 }));
    expect(error).toMatchObject({ kind: 'timeout', phase: 'tools/list' });
  });

  it('reports a crash with exit code and stderr', async () => {
    const error = await failure(hostile('exit-at-once.mjs'));
    expect(error).toMatchObject({ kind: 'crashed', code: 'E_CRASHED', exitCode: 3, retryable: false });
    expect(error.stderrTail).toContain('SOME_API_KEY is not set');
    expect(error.message).toContain('SOME_API_KEY is not set');
  });

  it('rejects a stdout full of garbage as a protocol error', async () => {
    const error = await failure(hostile('garbage.mjs', ['50']));
    expect(error).toMatchObject({ kind: 'protocol_error', code: 'E_PROTOCOL' });
    expect(error.message).toContain('Starting hostile server');
  });

  it('tolerates a few banner lines', async () => {
    const result = await hostile('garbage.mjs', ['3']);
    expect(result.tools.map((t) => t.name)).toEqual(['after_banner']);
  });

  it('stops a 100 MB stdout flood quickly', async () => {
    const started = Date.now();
    const error = await failure(hostile('flood.mjs'));
    expect(error).toMatchObject({ kind: 'output_limit', code: 'E_OUTPUT_LIMIT' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops an endless cursor at the page cap and keeps the tools', async () => {
    const result = await hostile('endless-cursor.mjs');
    expect(result.pages).toBe(50);
    expect(result.tools).toHaveLength(50);
    expect(result.tools[49].name).toBe('tool_49');
    expect(result.issues).toEqual([{ problem: expect.stringContaining('stopped after 50 pages') }]);
  });

  it('keeps conforming tools beside non-conforming ones and flags the bad', async () => {
    const result = await hostile('bad-schemas.mjs');
    expect(result.tools.map((t) => t.name)).toEqual(['good_first', 'schema_is_string', 'hint_is_string', 'description_is_object', 'no_input_schema', 'good_last']);
    expect(result.rawTools).toHaveLength(8);
    const byName = new Map(result.tools.map((t) => [t.name, t]));
    expect(byName.get('schema_is_string')?.inputSchema).toBeUndefined();
    expect(byName.get('hint_is_string')?.annotations).toEqual({ destructiveHint: true });
    expect(byName.get('description_is_object')?.description).toBeUndefined();
    const flagged = (tool: string) => result.issues.filter((i) => i.tool === tool).map((i) => i.problem).join('; ');
    expect(flagged('schema_is_string')).toContain('inputSchema is string');
    expect(flagged('hint_is_string')).toContain('readOnlyHint');
    expect(flagged('description_is_object')).toContain('description is object');
    expect(flagged('no_input_schema')).toContain('inputSchema is missing');
    expect(flagged('good_first') + flagged('good_last')).toBe('');
    expect(result.issues.filter((i) => !i.tool)).toHaveLength(2); // the nameless entry and the number
  });

  it('dedupes repeated names, keeping the first definition', async () => {
    const result = await hostile('duplicates.mjs');
    expect(result.tools.map((t) => t.name)).toEqual(['search', 'other']);
    expect(result.tools[0].description).toBe('first definition');
    expect(result.issues).toEqual([{ tool: 'search', problem: expect.stringContaining('duplicate') }]);
  });

  for (const unsafe of [false, true]) {
    it(`leaves no detached grandchild behind${unsafe ? ' (unsafe mode)' : ''}`, async () => {
      const marker = path.join(HOSTILE, `escapee-${process.pid}-${Date.now()}`);
      const result = await hostile('escapee.mjs', [marker], { sandbox: { unsafe } });
      expect(result.tools[0].description).toBe(`grandchild running with marker ${marker}`);
      expect(running(marker)).toEqual([]);
    });
  }

  it('has no network: not even 127.0.0.1 or local Unix sockets', async () => {
    let connections = 0;
    const server = net.createServer((socket) => (connections++, socket.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const targets = [`127.0.0.1:${port}`, '127.0.0.1:5432', '/run/postgresql/.s.PGSQL.5432', '/var/run/postgresql/.s.PGSQL.5432'];
    try {
      const sandboxed = await hostile('connect-out.mjs', targets);
      for (const tool of sandboxed.tools) expect(tool.description).toMatch(/-> failed: /);
      expect(connections).toBe(0);
      // With the network allowed the server has its own loopback (pasta): the host's services stay out of reach.
      const networked = await hostile('connect-out.mjs', [`127.0.0.1:${port}`, '127.0.0.1:5432'], { sandbox: { allowNetwork: true } });
      for (const tool of networked.tools) expect(tool.description).toMatch(/-> failed: ECONNREFUSED$/);
      expect(connections).toBe(0);
      const unsandboxed = await hostile('connect-out.mjs', [`127.0.0.1:${port}`], { sandbox: { unsafe: true } });
      expect(unsandboxed.tools[0].description).toBe(`127.0.0.1:${port} -> connected`); // control: the probe can succeed
      expect(connections).toBe(1);
    } finally {
      server.close();
    }
  });

  it('never sees the crawler environment', async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, OPENAI_API_KEY: process.env.OPENAI_API_KEY };
    process.env.DATABASE_URL = 'postgres://crawler:secret@127.0.0.1/mcp';
    process.env.OPENAI_API_KEY = 'sk-test-secret';
    try {
      const result = await hostile('env-reader.mjs', [], { env: { PLACEHOLDER_TOKEN: 'mcp-risk-placeholder' } });
      const description = (name: string) => result.tools.find((t) => t.name === name)?.description;
      // npm_config_fetch_retries=0 is the offline hint: an npx the server starts fails at once instead of retrying.
      expect(description('env_keys')?.split(',').sort()).toEqual(['HOME', 'LANG', 'MCP_RISK_TEST_RUN', 'PATH', 'PLACEHOLDER_TOKEN', 'PWD', 'TMPDIR', 'npm_config_fetch_retries']);
      expect(description('env_keys')).not.toMatch(/DATABASE_URL|OPENAI_API_KEY|NODE_OPTIONS/);
      expect(description('leaked')).toBe('none');
      expect(description('database_url')).toBe('undefined');
      expect(description('openai_api_key')).toBe('undefined');
    } finally {
      for (const [key, value] of Object.entries(saved)) value === undefined ? delete process.env[key] : (process.env[key] = value);
    }
  });

  it('cannot write outside its own directory', async () => {
    const dir = tempDir();
    const id = `marker-${process.pid}-${Date.now()}`;
    const outside = [path.join(HOSTILE, id), path.join('/root', id), path.join('/tmp', id), path.join(os.tmpdir(), id)];
    try {
      const result = await hostile('write-outside.mjs', [...outside, id], { writableDir: dir });
      expect(result.tools.at(-1)?.description).toBe(`${id} -> written`);
      expect(existsSync(path.join(dir, id))).toBe(true); // control: writes inside are visible on the host
      for (const file of outside) expect(existsSync(file), file).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('kills a server that exceeds its memory limit', async () => {
    const error = await failure(hostile('memory-hog.mjs', [], { sandbox: { maxDataBytes: 256 * 1024 ** 2 } }));
    expect(error.kind).toBe('crashed');
  });

  it('reports a missing command as spawn_failed', async () => {
    const error = await failure(listTools({ command: '/nonexistent/mcp-server', args: [] }));
    expect(error).toMatchObject({ kind: 'spawn_failed', code: 'E_SPAWN_FAILED', retryable: false });
  });
});

describe('sandbox', () => {
  it('builds a bwrap command line without network, with a cleared environment', () => {
    const spec = sandboxCommand({ command: 'server', args: ['--flag'], writableDir: '/srv/x', env: { TOKEN: 'placeholder' } });
    expect(spec.args).toEqual(expect.arrayContaining(['--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--ro-bind']));
    expect(spec.args).not.toContain('--share-net');
    expect(spec.args.join(' ')).toContain('--bind /srv/x /srv/x --chdir /srv/x');
    expect(spec.args.slice(-3)).toEqual(['--', 'server', '--flag']);
    expect(Object.keys(spec.env).sort()).toEqual(['HOME', 'LANG', 'PATH', 'TMPDIR', 'TOKEN']);
    expect(sandboxCommand({ command: 'server', allowNetwork: true }).args).toContain('--share-net');
  });

  it('leaves no zombie bwrap for init to reap', async () => {
    const zombies = () =>
      readdirSync('/proc').filter((pid) => {
        try {
          return /^\d+$/.test(pid) && /^\d+ \(bwrap\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        } catch {
          return false;
        }
      });
    const before = new Set(zombies());
    for (const fixture of ['duplicates.mjs', 'exit-at-once.mjs', 'escapee.mjs']) await hostile(fixture, [path.join(HOSTILE, 'zombie-check')]).catch(() => {});
    expect(zombies().filter((pid) => !before.has(pid))).toEqual([]);
  });

  it('refuses with E_NO_SANDBOX when bwrap is missing or broken', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => findBwrap()).toThrow(SandboxUnavailableError);
    } finally {
      process.env.PATH = savedPath;
    }
    const error = await listTools({ command: node, args: ['-e', ''], sandbox: { bwrapPath: '/nonexistent/bwrap' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    expect(error).toMatchObject({ code: 'E_NO_SANDBOX', retryable: false });
  });

  it('sees a script under os.tmpdir() that the command names (or readOnlyDirs lists), and nothing else of the host /tmp', async () => {
    const root = tempDir(); // like a crawl's cache and work dirs under one mkdtemp (mode 700)
    const pkg = path.join(root, 'cache', 'pkg');
    const work = path.join(root, 'work');
    mkdirSync(pkg, { recursive: true });
    mkdirSync(work);
    for (const file of ['rpc.mjs', 'duplicates.mjs']) copyFileSync(path.join(HOSTILE, file), path.join(pkg, file));
    const options = { command: node, args: [path.join(pkg, 'duplicates.mjs')], writableDir: work };
    try {
      if (process.getuid?.() === 0) {
        const unreachable = await listTools({ ...options, sandbox: { readOnlyDirs: [pkg] } }).catch((e: unknown) => e);
        expect(unreachable).toMatchObject({ code: 'E_NO_SANDBOX', message: expect.stringContaining(`${root} (mode 700)`) });
        chmodSync(root, 0o755);
      }
      // the script the command names is bound read-only, with its package; the rest of the host's /tmp stays hidden
      expect((await listTools(options)).tools.map((t) => t.name)).toEqual(['search', 'other']);
      const secret = path.join(root, 'elsewhere', 'secret.txt');
      mkdirSync(path.dirname(secret));
      writeFileSync(secret, 'not for the server');
      const peek = await failure(listTools({ command: node, args: ['-e', `require('fs').readFileSync(${JSON.stringify(secret)})`], writableDir: work }));
      expect(peek.stderrTail).toContain('ENOENT');
      const result = await listTools({ ...options, sandbox: { readOnlyDirs: [pkg] } });
      expect(result.tools.map((t) => t.name)).toEqual(['search', 'other']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a writable dir the sandbox user cannot reach', async () => {
    const dir = mkdtempSync(path.join(os.homedir(), '.mcp-risk-test-'));
    try {
      const error = await listTools({ command: node, args: ['-e', ''], writableDir: dir }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_NO_SANDBOX', message: expect.stringContaining('cannot reach') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mcp-risk list-tools', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } } };
  };

  it('prints the tools as JSON', async () => {
    const { out, io } = capture();
    expect(await runListTools(['--timeout', '10', '--', node, path.join(HOSTILE, 'duplicates.mjs')], io)).toBe(0);
    const printed = JSON.parse(out.stdout);
    expect(printed.tools.map((t: { name: string }) => t.name)).toEqual(['search', 'other']);
    expect(printed.issues).toHaveLength(1);
  });

  it('prints a failure as one line with its code', async () => {
    const { out, io } = capture();
    expect(await runListTools(['--', node, path.join(HOSTILE, 'exit-at-once.mjs')], io)).toBe(1);
    // The server exits saying SOME_API_KEY is not set: the CLI names the diagnosis and the line that proves it.
    expect(out.stderr).toMatch(/^mcp-risk list-tools: E_NEEDS_CREDENTIALS it stopped asking for SOME_API_KEY: .*SOME_API_KEY is not set\n$/);
    expect(out.stdout).toBe('');
  });

  it('rejects bad usage with exit status 2', async () => {
    const { out, io } = capture();
    expect(await runListTools(['--timeout', 'soon', '--', node], io)).toBe(2);
    expect(await runListTools([], io)).toBe(2);
    expect(out.stderr).toContain('--timeout must be a positive number');
  });
});
