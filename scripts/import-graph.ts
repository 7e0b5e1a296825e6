// The project's own import graph: every relative import (static, dynamic, type-only, re-export) between
// source files under the given folders, and the circles in it (strongly connected components).
// Read lexically with TypeScript's pre-processor, so it needs no compilation and sees `import type` too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Source files, relative to the root with `/` separators, sorted. */
  files: string[];
  /** For each file, the project files it imports (relative paths). */
  imports: Map<string, string[]>;
  /** Relative imports that name no file: `from` imports `to`, which does not exist. */
  missing: { from: string; to: string }[];
}

export interface ImportGraphOptions {
  /** Project root; paths are reported relative to it. */
  root: string;
  /** Folders under the root to read. @default ['cli', 'crawler', 'db', 'classifier', 'site'] */
  dirs?: string[];
}

const SOURCE = /\.(ts|mts|js|mjs|astro)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.astro']);

const posix = (path: string) => path.split(sep).join('/');

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(path); }
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The script parts of a file: all of a TS/JS module; an .astro file's front matter and <script> blocks. */
function scriptText(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const parts = [/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''];
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(match[1]);
  return parts.join('\n;\n');
}

export function readImportGraph(options: ImportGraphOptions): ImportGraph {
  const { root, dirs = ['cli', 'crawler', 'db', 'classifier', 'site'] } = options;
  const files = dirs.flatMap((d) => [...sourceFiles(join(root, d))]).map((p) => posix(relative(root, p))).sort();
  const known = new Set(files);
  const imports = new Map<string, string[]>();
  const missing: ImportGraph['missing'] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(scriptText(join(root, file)), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue; // packages and node: builtins
      const target = posix(relative(root, resolve(root, dirname(file), fileName)));
      if (known.has(target)) targets.add(target);
      else if (!existsSync(join(root, target))) missing.push({ from: file, to: target });
    }
    imports.set(file, [...targets].sort());
  }
  return { files, imports, missing };
}

/** Every circle: a set of files that import each other round (or a file importing itself), each sorted. */
export function findCircles(graph: Pick<ImportGraph, 'files' | 'imports'>): string[][] {
  // Tarjan's strongly connected components, iterative so deep graphs cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  for (const start of graph.files) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next); low.set(start, next); next++; stack.push(start); onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = graph.imports.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next); low.set(to, next); next++; stack.push(to); onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) { const parent = work[work.length - 1].node; low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!)); }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      let member: string;
      do { member = stack.pop()!; onStack.delete(member); members.push(member); } while (member !== frame.node);
      if (members.length > 1 || edges.includes(frame.node)) circles.push(members.sort());
    }
  }
  return circles.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
