// Whether the compiled CLI matches the sources. scripts/build-cli.ts compiles cli/, crawler/, classifier/,
// db/ and site/ into BUILD_DIR/<id>/ and records in BUILD_DIR/current.json which source files it read;
// <id> hashes their paths and contents. Plain JavaScript: bin/mcp-risk.js runs this on every start.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where compiled builds live, relative to the project root (git-ignored with node_modules, apart from dist/). */
export const BUILD_DIR = 'node_modules/.cache/mcp-risk-cli';

/** sha256 (16 hex digits) over each file's relative path and content, in the order given. */
export function sourceId(root, files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The compiled cli/main.js of the last build when every source it read is unchanged; else undefined. */
export function freshBuild(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, BUILD_DIR, 'current.json'), 'utf8'));
    if (typeof stamp?.id !== 'string' || !Array.isArray(stamp.files) || sourceId(root, stamp.files) !== stamp.id) return undefined;
  } catch {
    return undefined; // no build yet, or a source file is gone
  }
  const main = join(root, BUILD_DIR, stamp.id, 'cli', 'main.js');
  return existsSync(main) ? main : undefined;
}
