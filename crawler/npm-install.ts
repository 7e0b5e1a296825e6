// Installs one exact npm release into a cache keyed by package@version, without running its install scripts,
// and reads its manifest. The choice of release (choose-version.ts) and of executable (npm-entry.ts) are the
// caller's; a package without an executable is not an MCP server.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotAnMcpServerError } from './attempt-errors.ts';
import { chooseBin, mainEntry, type EntryChoice, type Manifest } from './npm-entry.ts';
import { configuredRegistry } from './npm-packument.ts';
import { runNpmInstall, type MissingOptional } from './npm-run.ts';

export interface NpmInstallOptions {
  /** Root of the package cache. */
  cacheDir: string;
  /** Wall-clock limit for `npm install`. @default 120000 */
  timeoutMs?: number;
  /** How long a dependency from outside the registry (git, tarball URL) may take. @default 15000 */
  foreignDependencyTimeoutMs?: number;
  /** The npm executable. @default 'npm' */
  npm?: string;
  /** Registry URL passed to npm. @default npm's own configuration */
  registry?: string;
}

export interface InstalledPackage {
  dir: string;
  /** Where the package itself is (its package.json). */
  packageDir: string;
  /** The resolved version npm installed. */
  version: string;
  manifest: Manifest;
  /** Optional dependencies npm could not get (platform binaries the registry lacks). */
  missingOptional?: MissingOptional[];
}

export interface Executable {
  entry: EntryChoice;
  /** Absolute path of the chosen executable. */
  bin: string;
  /** How to start it: `node <bin>` for JavaScript, else the file itself. */
  command: string;
  args: string[];
}

/** Written last, when the install is complete; renamed when what it records changes, so older caches reinstall. */
const MARKER = '.mcp-risk-installed-v2.json';

export function cacheKey(identifier: string, version?: string): string {
  return `${identifier.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '__')}@${(version ?? 'latest').replace(/[^A-Za-z0-9._-]+/g, '_')}`;
}

/** Installs identifier@version (an exact release); throws PackageNotFoundError, DependencyUnreachableError or InstallError. */
export async function installNpmPackage(identifier: string, version: string, options: NpmInstallOptions): Promise<InstalledPackage> {
  const { cacheDir, timeoutMs = 120_000, npm = 'npm' } = options;
  const dir = join(cacheDir, 'npm', cacheKey(identifier, version));
  if (existsSync(join(dir, MARKER))) {
    const cached = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Partial<InstalledPackage>;
    if (cached.packageDir) return { ...(cached as InstalledPackage), manifest: await readManifest(cached.packageDir) };
  }
  const registry = options.registry ?? (await configuredRegistry(npm));
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await writeFile(join(tmp, 'package.json'), '{"private":true}\n');
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--no-package-lock',
    '--registry', registry, `${identifier}@${version}`];
  try {
    const { missingOptional } = await runNpmInstall(args, { cwd: tmp, identifier, registry, timeoutMs, foreignDependencyTimeoutMs: options.foreignDependencyTimeoutMs, npm });
    const manifest = await readManifest(join(tmp, 'node_modules', identifier));
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    const result: InstalledPackage = { dir, packageDir: join(dir, 'node_modules', identifier), version: manifest.version, manifest, ...(missingOptional.length ? { missingOptional } : {}) };
    await writeFile(join(dir, MARKER), JSON.stringify(result));
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readManifest(pkgDir: string): Promise<Manifest> {
  const raw = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const engines = raw.engines && typeof raw.engines === 'object' ? { node: str((raw.engines as Record<string, unknown>).node) } : undefined;
  const scripts = raw.scripts && typeof raw.scripts === 'object' ? (raw.scripts as Record<string, unknown>) : {};
  return {
    name: str(raw.name) ?? '', version: str(raw.version) ?? '0.0.0',
    bin: typeof raw.bin === 'string' || (raw.bin && typeof raw.bin === 'object') ? (raw.bin as Manifest['bin']) : undefined,
    engines, mcpName: str(raw.mcpName), main: str(raw.main), start: str(scripts.start),
  };
}

/**
 * The executable to start, chosen as npm-entry.ts says; without a "bin", the package's `main` (or the file its
 * `start` script runs with node) is tried; a package with neither is not an MCP server.
 */
export async function executableOf(installed: InstalledPackage, registryNamed?: string): Promise<Executable> {
  const entry = chooseBin(installed.manifest, registryNamed) ?? mainEntry(installed.manifest, installed.packageDir);
  if (!entry) {
    const { name, start } = installed.manifest;
    const evidence = `${name}@${installed.version} package.json has no "bin" and no "main" file${start ? `; scripts.start: ${JSON.stringify(start)}` : ' (a library, not a server)'}`;
    throw new NotAnMcpServerError(`${name}@${installed.version} declares nothing to start`, { evidence, rule: 'npm-no-bin', summary: `the package declares no executable to start (${evidence})` });
  }
  const bin = join(installed.packageDir, entry.file);
  const head = (await readFile(bin, 'utf8').catch(() => '')).slice(0, 200);
  const isNode = /\.(c|m)?js$/.test(bin) || /^#!.*\bnode\b/.test(head) || !head.startsWith('#!');
  return { entry, bin, command: isNode ? process.execPath : bin, args: isNode ? [bin] : [] };
}
