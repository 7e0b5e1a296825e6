// A local command from a client config (`node /path/server.js`, a binary): run as configured, in the
// sandbox. The dirs of absolute paths among its arguments (with their package root and node_modules, see
// script-dirs.ts) are bound read-only, since the sandbox hides home dirs and /tmp.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { listAllowingNetwork } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import type { Launch } from './launch.ts';
import { scriptDirs } from './script-dirs.ts';

/** `~/x` as the crawler's user's home; local configs store paths home-relative. */
const expandHome = (path: string) => (path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path);

export async function attemptCommand(recipe: Extract<Launch, { kind: 'command' }>, options: AttemptOptions): Promise<AttemptResult> {
  const launch = { ...recipe, command: expandHome(recipe.command), args: recipe.args.map(expandHome) };
  const readOnlyDirs = [...new Set([launch.command, ...launch.args].filter((a) => isAbsolute(a) && existsSync(a)).flatMap(scriptDirs))];
  return listAllowingNetwork({ ...launch, readOnlyDirs }, options);
}
