// Installs an npm package into a cache keyed by package@version, without running its install scripts,
// and finds the executable the package declares.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class InstallError extends Error {
  readonly kind = 'install_failed';
  constructor(message: string, readonly code: 'E_INSTALL' | 'E_NO_BIN' | 'E_INSTALL_TIMEOUT' | 'E_NO_VERSION', readonly retryable = false) {
    super(message);
    this.name = 'InstallError';
  }
}

export interface NpmInstallOptions {
  /** Root of the package cache. */
  cacheDir: string;
  /** Wall-clock limit for `npm install`. @default 120000 */
  timeoutMs?: number;
  /** The npm executable. @default 'npm' */
  npm?: string;
  /** Registry URL passed to npm. @default npm's own configuration */
  registry?: string;
}

export interface InstalledPackage {
  dir: string;
  /** The resolved version npm installed. */
  version: string;
  /** Absolute path of the chosen executable. */
  bin: string;
  /** How to start it: `node <bin>` for JavaScript, else the file itself. */
  command: string;
  args: string[];
}

const MARKER = '.mcp-risk-installed.json';

export function cacheKey(identifier: string, version?: string): string {
  return `${identifier.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '__')}@${(version ?? 'latest').replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}

/**
 * Installs identifier@version; when npm has no such version (registries prune, mirrors lag), installs
 * the latest instead and says so in `fallbackFrom`.
 */
export async function installNpmPackageOrLatest(identifier: string, version: string | undefined, options: NpmInstallOptions): Promise<InstalledPackage & { fallbackFrom?: string }> {
  try {
    return await installNpmPackage(identifier, version, options);
  } catch (error) {
    if (!(error instanceof InstallError) || error.code !== 'E_NO_VERSION' || !version) throw error;
    return { ...(await installNpmPackage(identifier, undefined, options)), fallbackFrom: version };
  }
}

export async function installNpmPackage(identifier: string, version: string | undefined, options: NpmInstallOptions): Promise<InstalledPackage> {
  const { cacheDir, timeoutMs = 120_000, npm = 'npm', registry } = options;
  const dir = join(cacheDir, 'npm', cacheKey(identifier, version));
  if (existsSync(join(dir, MARKER))) return JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as InstalledPackage;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, 'package.json'), '{"private":true}\n');
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--no-package-lock', '--loglevel=error',
    ...(registry ? ['--registry', registry] : []), `${identifier}@${version ?? 'latest'}`];
  try {
    await runNpm(npm, args, tmp, timeoutMs);
    const installed = await describeInstall(tmp, identifier);
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    const result = { ...installed, dir, bin: installed.bin.replace(tmp, dir), args: installed.args.map((a) => a.replace(tmp, dir)) };
    await writeFile(join(dir, MARKER), JSON.stringify(result));
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function describeInstall(dir: string, identifier: string): Promise<InstalledPackage> {
  const pkgDir = join(dir, 'node_modules', identifier);
  const manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { version: string; name: string; bin?: string | Record<string, string> };
  const bins = typeof manifest.bin === 'string' ? { [manifest.name.split('/').pop()!]: manifest.bin } : manifest.bin ?? {};
  const names = Object.keys(bins);
  if (!names.length) throw new InstallError(`${identifier}@${manifest.version} declares no executable (package.json "bin")`, 'E_NO_BIN');
  const short = identifier.split('/').pop()!;
  const chosen = names.find((n) => n === short) ?? names.find((n) => n.includes('mcp')) ?? names[0];
  const bin = join(pkgDir, bins[chosen]);
  const head = (await readFile(bin, 'utf8').catch(() => '')).slice(0, 200);
  const isNode = /\.(c|m)?js$/.test(bin) || /^#!.*\bnode\b/.test(head) || !head.startsWith('#!');
  return { dir, version: manifest.version, bin, command: isNode ? process.execPath : bin, args: isNode ? [bin] : [] };
}

function runNpm(npm: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // npm gets a minimal environment: no database URLs or API keys from ours.
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? cwd };
    for (const key of ['npm_config_cache', 'npm_config_registry', 'NPM_CONFIG_REGISTRY', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']) {
      if (process.env[key]) env[key] = process.env[key]!;
    }
    const child = spawn(npm, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new InstallError(`npm install ${args.at(-1)} took longer than ${timeoutMs} ms`, 'E_INSTALL_TIMEOUT', true)); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(new InstallError(`cannot run ${npm}: ${e.message}`, 'E_INSTALL')); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const line = stderr.split('\n').map((l) => l.replace(/^npm (error|ERR!) ?/, '').trim()).filter((l) => l && !/^(A complete log|code )/.test(l)).slice(0, 3).join('; ');
        const missingVersion = /\bnotarget\b|ETARGET/.test(stderr);
        reject(new InstallError(`npm install ${args.at(-1)} failed (exit ${code}): ${line || 'no message'}`, missingVersion ? 'E_NO_VERSION' : 'E_INSTALL'));
      }
    });
  });
}
