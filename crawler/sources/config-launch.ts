// The launch a client config entry describes: `npx`/`bunx`/`pnpm dlx` → npm, `uvx`/`pipx run` → pypi,
// `docker run`/`podman run` → oci, `url`/`serverUrl`/`httpUrl` → remote. Values the user wrote (env, paths,
// secrets) never reach the launch: env gets placeholders, absolute paths the server's scratch dir.
import type { Launch } from '../launch.ts';
import { placeholderFor, SCRATCH_TOKEN } from '../placeholders.ts';
import { looksLikeToken, SECRET_NAME } from './config-redact.ts';
import { isObj, str, type Obj } from './lenient.ts';
import { isHttpUrl, parseNpmSpec, parseOciRef, parsePypiSpec, remoteLaunch, type PackageSpec } from './package-spec.ts';

export interface ConfigLaunch { runtime: string; transport?: string; launch: Launch; pkg?: PackageSpec; issues: string[] }

const NPX_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--prefix', '--userconfig', '-w', '--workspace']);
const UVX_VALUE_FLAGS = new Set(['--from', '--with', '--with-editable', '--with-requirements', '-p', '--python', '--index', '--index-url', '--default-index', '--extra-index-url', '-i', '--constraints', '-c', '--overrides', '--cache-dir', '--directory', '--env-file', '--spec']);
const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '--env-file', '-v', '--volume', '-p', '--publish', '--name', '--network', '--net', '-w', '--workdir', '--entrypoint', '-u', '--user', '--mount', '-l', '--label', '--platform', '--add-host', '--cpus', '-m', '--memory', '--restart', '-h', '--hostname', '--device', '--cap-add', '--cap-drop', '--security-opt', '--ulimit', '--log-driver', '--log-opt', '--pull', '--runtime', '--ipc', '--pid', '--tmpfs', '--dns', '--expose', '--gpus', '--shm-size', '--stop-signal', '--stop-timeout', '--cidfile', '--userns', '--uts', '--link', '--volumes-from', '--group-add', '--label-file']);

/** Splits `[flags…] <spec> [args…]`, honouring flags that take a value and a `--` separator; `--from X`-style flags name the package. */
function splitRunner(args: string[], valueFlags: Set<string>, packageFlags: string[]): { spec?: string; rest: string[]; flagValues: [string, string][] } {
  const flagValues: [string, string][] = [];
  let fromFlag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return { spec: fromFlag ?? args[i + 1], rest: args.slice(fromFlag ? i + 1 : i + 2), flagValues };
    const eq = /^(--?[\w-]+)=(.*)$/.exec(arg);
    if (eq) { flagValues.push([eq[1], eq[2]]); if (packageFlags.includes(eq[1])) fromFlag = eq[2]; continue; }
    if (arg.startsWith('-') && arg !== '-') {
      if (valueFlags.has(arg) && i + 1 < args.length) { flagValues.push([arg, args[++i]]); if (packageFlags.includes(arg)) fromFlag = args[i]; }
      continue;
    }
    return { spec: fromFlag ?? arg, rest: args.slice(i + 1), flagValues };
  }
  return { spec: fromFlag, rest: [], flagValues };
}

/** The package launch of a runner command line, or why there is none. */
function runnerLaunch(command: string, args: string[]): { pkg?: PackageSpec; rest: string[]; extraEnv: string[]; why?: string } {
  const base = command.split(/[\\/]/).pop()!.toLowerCase().replace(/\.(cmd|exe|bat|ps1)$/, '');
  const sub = (name: string, ...prefix: string[]) => base === name && prefix.every((p, i) => args[i] === p) ? args.slice(prefix.length) : undefined;
  const npm = base === 'npx' || base === 'bunx' ? args : sub('pnpm', 'dlx') ?? sub('bun', 'x') ?? sub('npm', 'exec') ?? sub('npm', 'x');
  if (npm) {
    const { spec, rest } = splitRunner(npm, NPX_VALUE_FLAGS, ['-p', '--package']);
    const pkg = spec ? parseNpmSpec(spec) : undefined;
    return pkg ? { pkg, rest, extraEnv: [] } : { rest, extraEnv: [], why: `${base} runs "${spec ?? ''}", not an npm package name` };
  }
  const py = base === 'uvx' ? args : sub('uv', 'tool', 'run') ?? sub('pipx', 'run');
  if (py) {
    const { spec, rest } = splitRunner(py, UVX_VALUE_FLAGS, ['--from', '--spec']);
    const pkg = spec ? parsePypiSpec(spec) : undefined;
    return pkg ? { pkg, rest, extraEnv: [] } : { rest, extraEnv: [], why: `${base} runs "${spec ?? ''}", not a PyPI project name` };
  }
  const oci = sub('docker', 'run') ?? sub('podman', 'run');
  if (oci) {
    const { spec, rest, flagValues } = splitRunner(oci, DOCKER_VALUE_FLAGS, []);
    const pkg = spec ? parseOciRef(spec) : undefined;
    const extraEnv = flagValues.filter(([f]) => f === '-e' || f === '--env').map(([, v]) => v.split('=')[0]).filter(Boolean);
    return pkg ? { pkg, rest, extraEnv } : { rest, extraEnv, why: `${base} run names no image` };
  }
  return { rest: [], extraEnv: [], why: `a local command "${base}" the crawler cannot reproduce` };
}

/** Arguments for the launch: absolute paths become the scratch dir, secrets placeholders. */
function launchArgs(args: string[]): string[] {
  return args.map((arg, i) => {
    const flag = /^(--?[\w.-]+)=(.*)$/.exec(arg);
    if (flag && SECRET_NAME.test(flag[1])) return `${flag[1]}=${placeholderFor({ name: flag[1] })}`;
    const prev = args[i - 1];
    if (prev && /^--?[\w.-]+$/.test(prev) && SECRET_NAME.test(prev) && !arg.startsWith('-')) return placeholderFor({ name: prev });
    if (looksLikeToken(arg) || /^[a-z][a-z0-9+.-]*:\/\/[^/\s@]+@/i.test(arg)) return placeholderFor({ name: 'value' });
    if (/^(\/|~[\\/]|~$|[A-Za-z]:[\\/])/.test(arg)) return SCRATCH_TOKEN;
    return arg;
  });
}

/** A path under the user's home as `~/...`: runnable by the crawler (attempt-command.ts expands it), without the home path. */
function homeRelative(path: string, home?: string): string {
  return home && home !== '/' && (path === home || path.startsWith(`${home}/`)) ? `~${path.slice(home.length)}` : path;
}

/** Arguments of a local command: paths kept (the command needs them) but home-relative, secrets replaced by placeholders. */
function localArgs(args: string[], home?: string): string[] {
  const launch = launchArgs(args);
  return args.map((arg, i) => (launch[i] === SCRATCH_TOKEN ? homeRelative(arg, home) : launch[i]));
}

/** Reads one `mcpServers` / `servers` entry of a client config into a launch. */
export function launchFromConfig(entry: Obj, home?: string): ConfigLaunch {
  const issues: string[] = [];
  if (entry.disabled === true) issues.push('disabled in the client config');
  const type = str(entry.type)?.toLowerCase();
  const url = str(entry.url) ?? str(entry.serverUrl) ?? str(entry.httpUrl);
  const headerNames = isObj(entry.headers) ? Object.keys(entry.headers) : [];
  if (url && type !== 'stdio') {
    if (!isHttpUrl(url)) return { runtime: 'remote', launch: { kind: 'unsupported', reason: 'the remote URL is not an http(s) URL' }, issues };
    if (type === 'ws' || type === 'websocket') return { runtime: 'remote', transport: 'ws', launch: { kind: 'unsupported', reason: 'WebSocket transport is not supported' }, issues };
    let transport: 'streamable-http' | 'sse' | undefined;
    if (type === 'sse') transport = 'sse';
    else if (type && ['http', 'streamable-http', 'streamablehttp', 'streamable_http'].includes(type)) transport = 'streamable-http';
    else if (!type && str(entry.httpUrl)) transport = 'streamable-http';
    else issues.push(type ? `unknown type "${type}"; transport inferred from the URL` : 'no type; transport inferred from the URL');
    const launch = remoteLaunch(redactUrl(url), transport, headerNames);
    return { runtime: 'remote', transport: launch.transport, launch, issues };
  }
  const command = str(entry.command);
  if (!command) return { runtime: 'unknown', launch: { kind: 'unsupported', reason: 'the entry has neither a command nor a url' }, issues };
  const args = Array.isArray(entry.args) ? entry.args.filter((a): a is string => typeof a === 'string') : [];
  const { pkg, rest, extraEnv, why } = runnerLaunch(command, args);
  if (!pkg) {
    if (why?.startsWith('a local command')) {
      // A local command (node /path/server.js, a binary): run as configured, inside the sandbox.
      const env = Object.fromEntries((isObj(entry.env) ? Object.keys(entry.env) : []).map((name) => [name, placeholderFor({ name })]));
      return { runtime: 'local', transport: 'stdio', launch: { kind: 'command', command: homeRelative(command, home), args: localArgs(args, home), env }, issues };
    }
    return { runtime: 'local', transport: 'stdio', launch: { kind: 'unsupported', reason: why! }, issues };
  }
  const envNames = [...new Set([...(isObj(entry.env) ? Object.keys(entry.env) : []), ...extraEnv])];
  const env = Object.fromEntries(envNames.map((name) => [name, placeholderFor({ name })]));
  return {
    runtime: pkg.registryType, transport: 'stdio', pkg, issues,
    launch: { kind: 'package', registryType: pkg.registryType, identifier: pkg.identifier, version: pkg.version, args: launchArgs(rest), env },
  };
}

/** A URL without credentials or query values, fit for the launch and the server name. */
function redactUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, 'redacted');
  return u.toString();
}
