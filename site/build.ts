// Builds the static site from an open database with Astro's programmatic build().
// The pages run in this process during static generation and read the database handed over
// here (site/src/lib/registry.ts); they never open one of their own.
import { homedir } from 'node:os';
import { parse, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build, type AstroIntegration } from 'astro';
import type { Database } from '../db/client.ts';
import { provideSiteContext } from './src/lib/registry.ts';

export const SITE_ROOT = fileURLToPath(new URL('.', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuildSiteOptions {
  /** An open database (db/client.ts); the pages read it, and it stays open afterwards. */
  database: Database;
  /** Where the HTML goes, resolved against the working directory. @default 'dist' */
  outDir?: string;
  /** Astro's log level. @default 'warn' */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface BuildSiteResult {
  /** Absolute path of the built site. */
  outDir: string;
  /** HTML pages written. */
  pages: number;
  durationMs: number;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const { database, outDir = 'dist', logLevel = 'warn' } = options;
  if (!database?.db) {
    throw new TypeError(`buildSite() needs an open database from openDb() as options.database; got ${String(database)}.`);
  }
  const absoluteOutDir = resolve(outDir);
  refuseDangerousOutDir(absoluteOutDir);
  let pages = 0;
  const countPages: AstroIntegration = {
    name: 'mcp-risk:count-pages',
    hooks: { 'astro:build:done': ({ pages: built }) => { pages = built.length; } },
  };
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const started = performance.now();
  const release = provideSiteContext(database);
  const restoreCwd = enterProject();
  try {
    await build({ root: SITE_ROOT, outDir: absoluteOutDir, logLevel, mode: 'production', integrations: [countPages] });
  } finally {
    restoreCwd();
    release();
  }
  return { outDir: absoluteOutDir, pages, durationMs: Math.round(performance.now() - started) };
}

/**
 * Astro writes the bundled pages under the working directory (in outDir when it lies inside it, else
 * in ./.astro/) and imports them from there, so their packages resolve only from inside the project.
 * From elsewhere, the build runs with the project as working directory and then returns.
 */
function enterProject(): () => void {
  const cwd = process.cwd();
  if (`${cwd}${sep}`.startsWith(PROJECT_ROOT)) return () => {};
  try {
    process.chdir(PROJECT_ROOT);
  } catch (error) {
    throw new Error(`buildSite() must run with its working directory inside ${PROJECT_ROOT} (it is ${cwd}), `
      + 'because Astro loads the built pages relative to it, and this thread cannot change directory. '
      + 'Start the process from the project folder.', { cause: error });
  }
  return () => process.chdir(cwd);
}

/** Astro empties outDir before writing, so it must not be (or hold) the project, the site sources, a home or a drive. */
function refuseDangerousOutDir(dir: string): void {
  const trim = (path: string) => path.replace(/[\\/]+$/, '');
  const within = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);
  const holdsProject = within(trim(SITE_ROOT), dir) || within(trim(PROJECT_ROOT), dir);
  if (holdsProject || within(dir, resolve(SITE_ROOT, 'src')) || dir === homedir() || parse(dir).root === dir) {
    throw new Error(`buildSite() will not write into ${dir}: Astro empties the output folder first, and this one is or holds `
      + 'the project, the site sources, a home folder or a whole drive. Pass an outDir of its own, such as "dist".');
  }
}
