// Runs a helper program (uv, docker) outside the sandbox: a minimal environment, a timeout that kills its whole
// process group, bounded output. Never an untrusted server: installs and engine queries only.
import { spawn } from 'node:child_process';

/** Variables a helper may need from ours; never DATABASE_URL, OPENAI_API_KEY and the like. */
const PASS_THROUGH = [
  'PATH', 'HOME', 'LANG', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy', 'SSL_CERT_FILE',
  'UV_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_EXTRA_INDEX_URL', 'UV_NATIVE_TLS',
  'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY',
];

export interface RunToolOptions {
  /** Added to the passed-through variables. @default {} */
  env?: Record<string, string>;
  /** Killed (the whole process group) after this long. @default 60000 */
  timeoutMs?: number;
  /** @default the current directory */
  cwd?: string;
  /** Bytes kept of stdout and of stderr (stderr as a tail). @default 64 KiB */
  maxOutputBytes?: number;
}

export interface ToolRun {
  /** Exit code; null when killed or not started. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the program could not be started (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
}

/** The environment helpers run with. */
export function helperEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASS_THROUGH) if (process.env[key] !== undefined) env[key] = process.env[key]!;
  return { PATH: '/usr/local/bin:/usr/bin:/bin', ...env, ...extra };
}

/** Runs `command args` to completion; never rejects. */
export function runTool(command: string, args: string[], opts: RunToolOptions = {}): Promise<ToolRun> {
  const { timeoutMs = 60_000, maxOutputBytes = 64 * 1024 } = opts;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: helperEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => { if (stdout.length < maxOutputBytes) stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-maxOutputBytes); });
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    };
    const timer = setTimeout(() => ((timedOut = true), kill()), timeoutMs);
    child.on('error', (spawnError: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, timedOut, spawnError });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      kill(); // anything the helper left running in its group
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The most telling lines of a helper's stderr, for an error message. */
export function stderrLines(stderr: string, max = 3): string {
  return stderr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(-max).join('; ').slice(0, 400);
}
