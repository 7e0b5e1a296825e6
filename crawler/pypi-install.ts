// Installs a PyPI package with `uv tool install` into a cache keyed by package@version, outside the sandbox (it needs
// the network). Wheels only (`--no-build`): building a source distribution would run the package's code unsandboxed,
// as npm's install scripts would. The listing then runs the installed console script inside the sandbox, offline:
// what `uvx --from <pkg>==<ver> <entry>` would run, without uvx needing a writable cache in there.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InstallError } from './install-error.ts';
import { cacheKey } from './npm-install.ts';
import { runTool, stderrLines } from './run-tool.ts';

export interface PypiInstallOptions {
  /** Root of the package cache. */
  cacheDir: string;
  /** The uv executable (see checkUv). */
  uv: string;
  /** Wall-clock limit for `uv tool install`. @default 180000 */
  timeoutMs?: number;
}

export interface InstalledPypiPackage {
  dir: string;
  /** The version installed. */
  version: string;
  /** The console script to start, and its arguments. */
  command: string;
  args: string[];
  /** Directories the sandbox must see read-only: the install, and a uv-managed Python if uv fetched one. */
  readOnlyDirs: string[];
}

const MARKER = '.mcp-risk-installed.json';
const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** identifier==version, or the latest when PyPI has no such version (said in `fallbackFrom`). */
export async function installPypiPackageOrLatest(identifier: string, version: string | undefined, opts: PypiInstallOptions): Promise<InstalledPypiPackage & { fallbackFrom?: string }> {
  try {
    return await installPypiPackage(identifier, version, opts);
  } catch (error) {
    if (!(error instanceof InstallError) || error.code !== 'E_NO_VERSION' || !version) throw error;
    return { ...(await installPypiPackage(identifier, undefined, opts)), fallbackFrom: version };
  }
}

export async function installPypiPackage(identifier: string, version: string | undefined, opts: PypiInstallOptions): Promise<InstalledPypiPackage> {
  const root = join(opts.cacheDir, 'pypi');
  const dir = join(root, cacheKey(identifier, version));
  if (existsSync(join(dir, MARKER))) return JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as InstalledPypiPackage;
  // A virtual environment is not relocatable (its scripts name their interpreter by absolute path): install in place.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const python = join(root, '.python');
  const env = { UV_TOOL_DIR: join(dir, 'tools'), UV_TOOL_BIN_DIR: join(dir, 'bin'), UV_CACHE_DIR: join(root, '.uv-cache'), UV_PYTHON_INSTALL_DIR: python };
  const spec = version ? `${identifier}==${version}` : identifier;
  const timeoutMs = opts.timeoutMs ?? 180_000;
  try {
    const run = await runTool(opts.uv, ['tool', 'install', '--no-build', '--quiet', spec], { env, cwd: dir, timeoutMs });
    if (run.timedOut) throw new InstallError(`uv tool install ${spec} took longer than ${timeoutMs} ms`, 'E_INSTALL_TIMEOUT', true);
    if (run.code !== 0) {
      const missing = /no version of|not found in the package registry|no matching distribution/i.test(run.stderr);
      const why = run.spawnError ? `cannot run ${opts.uv}: ${run.spawnError.code}` : stderrLines(run.stderr) || `exit ${run.code}`;
      throw new InstallError(`uv tool install ${spec} failed: ${why}`, missing ? 'E_NO_VERSION' : 'E_INSTALL');
    }
    const installed = { dir, ...(await describeInstall(dir, identifier, version)), readOnlyDirs: existsSync(python) ? [dir, python] : [dir] };
    await writeFile(join(dir, MARKER), JSON.stringify(installed));
    return installed;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The console script to start (named like the package, else one with "mcp" in its name, else the first) and the version. */
async function describeInstall(dir: string, identifier: string, requested: string | undefined): Promise<{ version: string; command: string; args: string[] }> {
  const scripts = (await readdir(join(dir, 'bin')).catch(() => [] as string[])).sort();
  if (!scripts.length) throw new InstallError(`${identifier} declares no console script (project.scripts) to start`, 'E_NO_BIN');
  const wanted = normalize(identifier.split('/').pop()!);
  const chosen = scripts.find((s) => normalize(s) === wanted) ?? scripts.find((s) => s.includes('mcp')) ?? scripts[0];
  return { version: (await installedVersion(dir, wanted)) ?? requested ?? 'unknown', command: join(dir, 'bin', chosen), args: [] };
}

/** From the `<name>-<version>.dist-info` directory: reading metadata runs nothing. */
async function installedVersion(dir: string, wanted: string): Promise<string | undefined> {
  for (const env of await readdir(join(dir, 'tools')).catch(() => [] as string[])) {
    for (const lib of await readdir(join(dir, 'tools', env, 'lib')).catch(() => [] as string[])) {
      for (const entry of await readdir(join(dir, 'tools', env, 'lib', lib, 'site-packages')).catch(() => [] as string[])) {
        const match = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
        if (match && normalize(match[1]) === wanted) return match[2];
      }
    }
  }
  return undefined;
}
