// A throw-away home and project for `mcp-risk scan` tests: the project's .mcp.json (Claude Code) and
// .vscode/mcp.json (VS Code, with comments) name the reference servers, a poisoned server with a
// configured secret, and a server that crashes printing its secret. Runs the real CLI against them.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from './run-cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = join(ROOT, 'node_modules/@modelcontextprotocol');
export const POISONED = join(ROOT, 'test/fixtures/scan/poisoned.mjs');
export const CRASH_LEAK = join(ROOT, 'test/fixtures/scan/crash-leak.mjs');
export const memoryVersion = JSON.parse(await readFile(join(PACKAGES, 'server-memory/package.json'), 'utf8')).version as string;

/** Values configured as env, headers and arguments: no output may ever contain one. */
export const SECRETS = {
  account: 'acct-tok-5f1e0c9a7b3d2e4f',
  leak: 'leak-tok-0a9b8c7d6e5f4a3b',
  flag: 'flag-secret-77c1d2e3f4a5',
  memory: 'mem-env-secret-1234abcd',
};

export const entry = {
  everything: { command: 'node', args: [join(PACKAGES, 'server-everything/dist/index.js'), 'stdio'] },
  filesystem: { command: 'node', args: [join(PACKAGES, 'server-filesystem/dist/index.js'), '/tmp'] },
  memory: { command: 'npx', args: ['-y', `@modelcontextprotocol/server-memory@${memoryVersion}`], env: { MEMORY_FILE_PATH: '/tmp/memory.json', MEMORY_API_KEY: SECRETS.memory } },
  sequential: { type: 'stdio', command: 'node', args: [join(PACKAGES, 'server-sequential-thinking/dist/index.js')] },
  evil: (defs?: string) => ({ command: 'node', args: [POISONED, ...(defs ? [defs] : []), '--token', SECRETS.flag], env: { ACCOUNT_TOKEN: SECRETS.account } }),
  crash: { command: 'node', args: [CRASH_LEAK], env: { LEAK_TOKEN: SECRETS.leak } },
};

export interface ScanProject {
  root: string;
  home: string;
  cwd: string;
  data: string;
  /** Writes a file under the project (or an absolute path), parents created, readable by the sandbox user. */
  write(path: string, text: string): Promise<string>;
  /** Runs `mcp-risk scan ...args` in the project with HOME set to the throw-away home. */
  scan(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** Runs any mcp-risk command the same way. */
  cli(args: string[], env?: Record<string, string>): Promise<CliResult>;
  close(): Promise<void>;
}

/** `cache` is shared between projects of a test file, so npm installs happen once. */
export async function makeScanProject(options: { cache?: string } = {}): Promise<ScanProject> {
  const root = await mkdtemp(join(tmpdir(), 'mcp-risk-scan-'));
  await chmod(root, 0o755); // the sandboxed servers run as nobody and must reach their scratch dirs
  const home = join(root, 'home');
  const cwd = join(root, 'project');
  const data = join(root, 'data');
  for (const dir of [home, cwd, data]) await mkdir(dir, { recursive: true, mode: 0o755 });
  const env = (extra: Record<string, string> = {}) => ({
    HOME: home, MCP_RISK_DATA_DIR: data, CI: '', DATABASE_URL: '', ...(options.cache ? { MCP_RISK_CACHE_DIR: options.cache } : {}), ...extra,
  });
  const cli = (args: string[], extra?: Record<string, string>) => runCli(args, { cwd, env: env(extra), timeoutMs: 170_000 });
  return {
    root, home, cwd, data,
    async write(path, text) {
      const target = path.startsWith('/') ? path : join(cwd, path);
      await mkdir(join(target, '..'), { recursive: true, mode: 0o755 });
      await writeFile(target, text, { mode: 0o644 });
      return target;
    },
    scan: (args, extra) => cli(['scan', ...args], extra),
    cli,
    close: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every value of SECRETS that appears in the text. */
export const leakedSecrets = (text: string): string[] => Object.values(SECRETS).filter((s) => text.includes(s));
