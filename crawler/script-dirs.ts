// The host dirs a local script needs to run, for the sandbox to bind read-only (it hides /tmp and home dirs):
// the script's own dir, the package it belongs to (the nearest dir with a package.json), and the outermost
// node_modules it sits in, where Node resolves its hoisted dependencies. A script in a clone under /tmp runs.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';

/** Read-only dirs for one absolute path that exists: its dir, its package root and its outermost node_modules. */
export function scriptDirs(file: string): string[] {
  const dir = dirname(file);
  const dirs = [dir];
  const { root } = parse(dir);
  const home = homedir();
  for (let d = dir; d !== root; d = dirname(d)) {
    if (d === home) break; // never a whole home dir
    if (existsSync(join(d, 'package.json'))) { dirs.push(d); break; }
  }
  const parts = dir.split(sep);
  const outer = parts.indexOf('node_modules');
  if (outer > 0) dirs.push(parts.slice(0, outer + 1).join(sep));
  return [...new Set(dirs)];
}
