#!/usr/bin/env node
// Entry: runs the compiled CLI (scripts/build-cli.ts, built by `npm ci`'s prepare step) when it matches
// the sources; after a change (a git pull, an edit) it compiles them first, and when that cannot be done
// (no TypeScript installed, a read-only folder, a syntax error) it runs the sources through tsx, which
// reports the error against them. Old code never runs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBuild } from './cli-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function entry() {
  const built = freshBuild(root);
  if (built) return pathToFileURL(built).href;
  const { register, tsImport } = await import('tsx/esm/api');
  try {
    const { buildCli } = await tsImport('../scripts/build-cli.ts', import.meta.url);
    return pathToFileURL(buildCli({ root }).main).href;
  } catch {
    register();
    return new URL('../cli/main.ts', import.meta.url).href;
  }
}

const { main } = await import(await entry());
process.exitCode = await main(process.argv.slice(2));
