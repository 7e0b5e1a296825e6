// Compiles the page views (site/src) into one server-side ES module with Vite and Astro's own Vite
// configuration, so that plain Node threads can render .astro components with the Container API.
// The bundle is cached under node_modules/.cache by a hash of its sources and reused until they change.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(SITE_ROOT, 'src/render/worker-entry.ts');
const CACHE = join(PROJECT_ROOT, 'node_modules/.cache/mcp-risk-site/render');
/**
 * Sources the views can reach, hashed for the cache key: whole folders, so that a module the views
 * start importing (classifier/exports.ts, say) cannot leave a stale bundle behind.
 */
const SOURCE_DIRS = ['site/src', 'site/assets', 'classifier', 'db'];
const SOURCE_FILES = ['site/astro.config.mjs', 'node_modules/astro/package.json', 'node_modules/vite/package.json'];

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(ts|astro|json|m?js)$/.test(entry.name)) yield path;
  }
}

async function sourceHash(): Promise<string> {
  const paths: string[] = SOURCE_FILES.map((f) => join(PROJECT_ROOT, f));
  for (const dir of SOURCE_DIRS) for await (const path of files(join(PROJECT_ROOT, dir))) paths.push(path);
  const hash = createHash('sha256');
  for (const path of paths.sort()) hash.update(relative(PROJECT_ROOT, path)).update('\0').update(await readFile(path)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export interface CompiledViews {
  /** file: URL of the compiled module (import it, or hand it to a worker). */
  url: string;
  /** Whether this call compiled it (false: taken from the cache). */
  compiled: boolean;
  durationMs: number;
}

/** The compiled views module, from the cache or freshly built. */
export async function compileViews(options: { force?: boolean } = {}): Promise<CompiledViews> {
  const started = performance.now();
  const key = await sourceHash();
  const dir = join(CACHE, key);
  const file = join(dir, 'worker-entry.mjs');
  if (!options.force && existsSync(file)) return { url: pathToFileURL(file).href, compiled: false, durationMs: performance.now() - started };
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  const [{ build }, { getViteConfig }] = await Promise.all([import('vite'), import('astro/config')]);
  const config = await getViteConfig({ root: SITE_ROOT, logLevel: 'warn' }, { root: SITE_ROOT, logLevel: 'error' })({ mode: 'production', command: 'build' });
  const temp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  try {
    await build({
      ...config, configFile: false, logLevel: 'warn',
      build: {
        ssr: ENTRY, outDir: temp, emptyOutDir: true, minify: false,
        // Native classes and fields: lowering them (Vite's default target) costs ~5% of render time.
        target: 'node20', copyPublicDir: false, reportCompressedSize: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'worker-entry.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
      },
    });
    if (options.force) await rm(dir, { recursive: true, force: true });
    await rename(temp, dir).catch(async (error) => {
      if (!existsSync(file)) throw error; // another process finished the same build first
      await rm(temp, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw new Error(`Compiling the site views (${relative(PROJECT_ROOT, ENTRY)}) failed: ${(error as Error).message}. Fix the view or component named above.`, { cause: error });
  }
  return { url: pathToFileURL(file).href, compiled: true, durationMs: performance.now() - started };
}
