// Compiles the CLI to JavaScript, so that `mcp-risk` starts without a TypeScript loader: every .ts file
// under cli/, crawler/, classifier/, db/ and site/ is transpiled (types stripped, no checking: that is
// `npm run typecheck`) into node_modules/.cache/mcp-risk-cli/<id>/, keeping the tree's shape. Compiled
// modules keep their source location (scripts/relocate-imports.ts), so resource paths, the site's Vite
// compile of site/src and the render worker resolve in the source tree. <id> hashes the sources
// (bin/cli-stamp.js); bin/mcp-risk.js runs a build only while it matches them, and rebuilds otherwise.
// Run by `npm ci` / `npm install` (the prepare script), by the test suite's global set-up, and by the bin.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { BUILD_DIR, sourceId } from '../bin/cli-stamp.js';
import { relocateImports } from './relocate-imports.ts';

/** Folders compiled. */
export const SOURCE_DIRS = ['cli', 'crawler', 'classifier', 'db', 'site'] as const;
const SELF = fileURLToPath(import.meta.url);
const SKIP_DIRS = new Set(['node_modules', 'dist', '.astro']);

export interface BuildCliOptions {
  /** Project root. @default the folder above scripts/ */
  root?: string;
  /** Builds kept besides the new one, newest first (a running CLI may still load modules from one). @default 3 */
  keep?: number;
}

export interface BuildCliResult {
  id: string;
  /** Absolute path of the compiled cli/main.js. */
  main: string;
  /** Source files the id covers. */
  files: number;
  /** False when a build of the same sources was there already. */
  compiled: boolean;
  durationMs: number;
}

/** A source that does not transpile (a syntax error). */
export class BuildCliError extends Error {
  readonly code = 'E_BUILD_CLI';
  override name = 'BuildCliError';
}

const posix = (path: string) => path.split(sep).join('/');

function* tsFiles(root: string, dir: string): Generator<string> {
  if (!existsSync(join(root, dir))) return;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) { if (!SKIP_DIRS.has(entry.name)) yield* tsFiles(root, path); }
    else if (/\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The files a build reads, relative to the root: the sources, then this builder and its helpers. */
export function buildInputs(root: string): string[] {
  const sources = SOURCE_DIRS.flatMap((d) => [...tsFiles(root, d)]).sort();
  const tools = [SELF, fileURLToPath(new URL('./relocate-imports.ts', import.meta.url))].map((p) => posix(relative(root, p)));
  return [...sources, ...tools.filter((p) => !p.startsWith('..') && existsSync(join(root, p)))];
}

function transpile(root: string, file: string, outRoot: string, compiled: Set<string>): void {
  const source = join(root, file);
  const out = join(outRoot, file.replace(/\.(m?)ts$/, '.$1js'));
  const result = ts.transpileModule(readFileSync(source, 'utf8'), {
    fileName: source,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: true },
    transformers: { before: [relocateImports({ source, out, isCompiled: (p) => compiled.has(p), resolve: (s) => resolve(dirname(source), s) })] },
  });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const where = (d: ts.Diagnostic) => (d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '');
    throw new BuildCliError(errors.map((d) => `${file}${where(d)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`).join('\n'));
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.outputText);
  const map = JSON.parse(result.sourceMapText!) as { sources: string[] };
  map.sources = [posix(relative(dirname(out), source))];
  writeFileSync(`${out}.map`, JSON.stringify(map));
}

/** Removes all but the newest `keep` builds besides `current`, and leftovers of interrupted builds. */
function prune(buildRoot: string, current: string, keep: number): void {
  const entries = readdirSync(buildRoot, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ path: join(buildRoot, e.name), temp: e.name.includes('.tmp-'), mtime: statSync(join(buildRoot, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const hourAgo = Date.now() - 3_600_000;
  const builds = entries.filter((e) => !e.temp);
  for (const e of [...builds.slice(keep), ...entries.filter((t) => t.temp && t.mtime < hourAgo)]) rmSync(e.path, { recursive: true, force: true });
}

/** Compiles the CLI unless a build of the same sources exists, and marks it current. */
export function buildCli(options: BuildCliOptions = {}): BuildCliResult {
  const started = performance.now();
  const root = resolve(options.root ?? fileURLToPath(new URL('..', import.meta.url)));
  const files = buildInputs(root);
  const id = sourceId(root, files);
  const buildRoot = join(root, BUILD_DIR);
  const dir = join(buildRoot, id);
  const main = join(dir, 'cli', 'main.js');
  const compiled = !existsSync(main);
  if (compiled) {
    const temp = `${dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      const sources = new Set(files.filter((f) => SOURCE_DIRS.some((d) => f.startsWith(`${d}/`))));
      const absolute = new Set([...sources].map((f) => join(root, f)));
      for (const file of sources) transpile(root, file, temp, absolute);
      writeFileSync(join(temp, 'package.json'), '{"type":"module","private":true}\n');
      try { renameSync(temp, dir); } catch (error) { if (!existsSync(main)) throw error; } // another process won the race
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  const stamp = join(buildRoot, `current.json.tmp-${process.pid}`);
  writeFileSync(stamp, `${JSON.stringify({ id, files })}\n`);
  renameSync(stamp, join(buildRoot, 'current.json'));
  prune(buildRoot, id, options.keep ?? 3);
  return { id, main, files: files.length, compiled, durationMs: performance.now() - started };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = buildCli();
  const where = posix(relative(process.cwd(), dirname(dirname(result.main))));
  console.log(`${result.compiled ? 'compiled' : 'up to date:'} the CLI (${result.files} files) ${result.compiled ? 'into' : 'in'} ${where} in ${(result.durationMs / 1000).toFixed(1)}s`);
}
