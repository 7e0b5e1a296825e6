// The command line that runs an untrusted stdio server under bubblewrap and rlimits, with a cleared environment (DESIGN §2).
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SandboxUnavailableError } from './errors.ts';
import { scriptDirs } from './script-dirs.ts';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** Limits applied with prlimit; they hold for the server and every process it starts. */
export interface SandboxLimits {
  /**
   * RLIMIT_AS, virtual address space. V8 reserves address space it never touches: each WebAssembly
   * memory reserves ~10 GiB, and undici (Node's fetch) instantiates one, so below ~12 GiB `fetch()` kills node; a
   * server with a second WebAssembly module (browserstack's) needs more. The reservations are not writable, so
   * RLIMIT_DATA still bounds what is really used.
   * @default 64 GiB
   */
  maxAddressSpaceBytes?: number;
  /** RLIMIT_DATA, writable private memory: the limit that actually bounds heap growth. @default 4 GiB */
  maxDataBytes?: number;
  /** RLIMIT_NOFILE. @default 1024 */
  maxOpenFiles?: number;
  /** RLIMIT_CPU, per process; SIGXCPU then SIGKILL. @default 120 */
  maxCpuSeconds?: number;
  /** RLIMIT_FSIZE, largest file the server may write. @default 64 MiB */
  maxFileSizeBytes?: number;
  /** RLIMIT_NPROC, processes and threads of the sandbox user; applied only with `runAs` (root ignores it, a desktop user has thousands). @default 512 */
  maxProcesses?: number;
}

export interface SandboxOptions extends SandboxLimits {
  /**
   * The only host directory the server may write; bound read-write and used as working directory. Everything else is
   * read-only, and the host's /tmp and `hidePaths` are not visible at all: keep the server's own files elsewhere or
   * list them in `readOnlyDirs`. With `runAs`, every parent must be searchable by that user.
   * @default none: only the private /tmp and HOME are writable
   */
  writableDir?: string;
  /**
   * Give the server the network through pasta (Debian package passt): its own network namespace with outbound
   * connections, where 127.0.0.1 is its own, so the host's loopback services stay out of reach.
   * @default false: no network at all, not even 127.0.0.1
   */
  allowNetwork?: boolean;
  /** Extra environment entries, e.g. placeholder values for required variables (NODE_OPTIONS is never passed). @default {} */
  env?: Record<string, string>;
  /** Run without bubblewrap (limits still apply, environment still cleared). @default false */
  unsafe?: boolean;
  /**
   * User and group the server runs as (via setpriv, before bwrap). As root without a user namespace the server
   * would own every root file and authenticate as root over Unix sockets (MariaDB unix_socket auth).
   * @default { uid: 65534, gid: 65534 } (nobody) when the crawler runs as root; null (unchanged) otherwise
   */
  runAs?: { uid: number; gid: number } | null;
  /**
   * Host paths covered with an empty tmpfs. /run holds Unix sockets (PostgreSQL, MariaDB, Docker) that a network
   * namespace does not block. Keep the writable dir and the server's command outside them (the writable dir is bound afterwards).
   * @default ['/run', os.homedir()]
   */
  hidePaths?: string[];
  /**
   * Host dirs bound read-only after /tmp and `hidePaths` are covered, e.g. the server's installed package when the
   * package cache lives under os.tmpdir(). @default []
   */
  readOnlyDirs?: string[];
  /** The bubblewrap binary. @default the first `bwrap` on PATH */
  bwrapPath?: string;
}

export interface SandboxCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** HOME inside the sandbox: a directory on its private /tmp. */
export const SANDBOX_HOME = '/tmp/home';

/** The default sandbox user when running as root. */
export function defaultRunAs(): { uid: number; gid: number } | null {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : null;
}

/** The first executable called `name` on PATH, or undefined. */
export function findExecutable(name: string, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** Path of bwrap; throws SandboxUnavailableError when it is not installed. */
export function findBwrap(): string {
  const found = findExecutable('bwrap');
  if (!found) throw new SandboxUnavailableError('bubblewrap (bwrap) is not on PATH');
  return found;
}

/** pasta before bwrap: a fresh network namespace, no host loopback (`--no-map-gw`), no port forwarding either way. */
function pastaArgs(): string[] {
  const pasta = findExecutable('pasta');
  if (!pasta) throw new SandboxUnavailableError('pasta (Debian package passt) is needed to give sandboxed servers the network without the host\'s loopback', { hint: 'Install it (apt-get install passt), or list without network' });
  return [pasta, '--config-net', '--no-map-gw', '-t', 'none', '-u', 'none', '-T', 'none', '-U', 'none', '-q', '--'];
}

/** The environment a server sees: a fixed minimum plus `env`, never the crawler's own variables. */
export function sandboxEnv(opts: Pick<SandboxOptions, 'env' | 'unsafe' | 'writableDir'> = {}): Record<string, string> {
  const dirs = [path.dirname(process.execPath), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  const home = opts.unsafe ? (opts.writableDir ?? os.tmpdir()) : SANDBOX_HOME;
  const env: Record<string, string> = { PATH: [...new Set(dirs)].join(':'), HOME: home, TMPDIR: opts.unsafe ? os.tmpdir() : '/tmp', LANG: 'C.UTF-8' };
  for (const [key, value] of Object.entries(opts.env ?? {})) {
    // Records declare names like MCP-INDUSTRY-APPID: anything without '=' or NUL is a variable a process can read.
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) || typeof value !== 'string' || value.includes('\0')) {
      throw new TypeError(`sandbox env entry ${JSON.stringify(key)}=${JSON.stringify(value)} is not a valid variable`);
    }
    if (key !== 'NODE_OPTIONS') env[key] = value;
  }
  return env;
}

function prlimitArgs(limits: SandboxLimits, dedicatedUser: boolean): string[] {
  // RLIMIT_NPROC counts every process of the user, so it only makes sense for a dedicated sandbox user.
  const nproc = dedicatedUser ? [`--nproc=${limits.maxProcesses ?? 512}`] : [];
  return [
    `--as=${limits.maxAddressSpaceBytes ?? 64 * GiB}`,
    `--data=${limits.maxDataBytes ?? 4 * GiB}`,
    `--nofile=${limits.maxOpenFiles ?? 1024}`,
    `--cpu=${limits.maxCpuSeconds ?? 120}`,
    `--fsize=${limits.maxFileSizeBytes ?? 64 * MiB}`,
    ...nproc,
  ];
}

/**
 * bwrap arguments up to and including the `--` before the server's command. `--as-pid-1`: without it bwrap puts an
 * init between itself and the server and exits without reaping it, leaving a zombie for the host's init, which in
 * a container may be the crawler itself (never reaping, until RLIMIT_NPROC is reached). As pid 1, the server ignores
 * SIGTERM unless it handles it; SIGKILL from outside ends it and everything in its pid namespace.
 */
export function bwrapArgs(opts: SandboxOptions, env: Record<string, string>): string[] {
  const args = ['--unshare-all', ...(opts.allowNetwork ? ['--share-net'] : []), '--die-with-parent', '--new-session', '--as-pid-1', '--cap-drop', 'ALL'];
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--dir', SANDBOX_HOME);
  for (const hidden of hiddenPaths(opts)) {
    if (path.resolve(hidden) !== '/' && hidden !== '/tmp') args.push('--tmpfs', path.resolve(hidden));
  }
  for (const visible of opts.readOnlyDirs ?? []) args.push('--ro-bind', path.resolve(visible), path.resolve(visible));
  const dir = opts.writableDir ? path.resolve(opts.writableDir) : undefined;
  if (dir) args.push('--bind', dir, dir);
  args.push('--chdir', dir ?? SANDBOX_HOME, '--clearenv');
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value);
  return [...args, '--'];
}

const hiddenPaths = (opts: Pick<SandboxOptions, 'hidePaths'>) => opts.hidePaths ?? ['/run', os.homedir()];

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

/**
 * Scripts named on the command line that the sandbox would hide (under /tmp or a hidden dir such as a home dir):
 * their dirs, package root and outermost node_modules (script-dirs.ts), to bind read-only. So `node /tmp/x.js`
 * and a clone under /tmp run, while /tmp itself stays private.
 */
function hiddenScriptDirs(target: string[], opts: SandboxOptions): string[] {
  const hidden = ['/tmp', ...hiddenPaths(opts)].map((h) => path.resolve(h)).filter((h) => h !== '/');
  const under = (p: string) => hidden.some((h) => p === h || p.startsWith(h + path.sep));
  return target.filter((a) => path.isAbsolute(a) && under(path.resolve(a)) && isFile(a)).flatMap((a) => scriptDirs(path.resolve(a)));
}

/**
 * The command line that runs `command args` sandboxed: prlimit → setpriv (when dropping root) → bwrap → command.
 * Spawn it with exactly the returned `env`. Throws SandboxUnavailableError when a required tool is missing.
 */
export function sandboxCommand(opts: SandboxOptions & { command: string; args?: string[] }): SandboxCommand {
  const env = sandboxEnv(opts);
  const target = [opts.command, ...(opts.args ?? [])];
  const prlimit = findExecutable('prlimit');
  if (opts.unsafe) {
    // Without util-linux (macOS) an unsafe run has no limits beyond the wall-clock timeout.
    return prlimit ? { command: prlimit, args: [...prlimitArgs(opts, false), '--', ...target], env } : { command: target[0], args: target.slice(1), env };
  }
  if (!prlimit) throw new SandboxUnavailableError('prlimit (util-linux) is not on PATH');
  const bwrap = opts.bwrapPath ?? findBwrap();
  const runAs = opts.runAs === undefined ? defaultRunAs() : opts.runAs;
  const drop: string[] = [];
  if (runAs) {
    const setpriv = findExecutable('setpriv');
    if (!setpriv) throw new SandboxUnavailableError('setpriv (util-linux) is needed to drop root before bwrap; or pass runAs: null');
    drop.push(setpriv, `--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', '--');
  }
  if (opts.allowNetwork) drop.push(...pastaArgs());
  const readOnlyDirs = [...new Set([...(opts.readOnlyDirs ?? []), ...hiddenScriptDirs(target, opts)])];
  return { command: prlimit, args: [...prlimitArgs(opts, runAs !== null), '--', ...drop, bwrap, ...bwrapArgs({ ...opts, readOnlyDirs }, env), ...target], env };
}
