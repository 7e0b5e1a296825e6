// A local command from a client config (`node /path/server.js`, a binary): run as configured, in the
// sandbox, home-relative paths expanded. The sandbox binds the scripts it names read-only where it would hide
// them (home dirs, /tmp; see sandbox.ts and script-dirs.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { listAllowingNetwork } from './attempt-common.ts';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import type { Launch } from './launch.ts';

/** `~/x` as the crawler's user's home; local configs store paths home-relative. */
const expandHome = (path: string) => (path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path);

export async function attemptCommand(recipe: Extract<Launch, { kind: 'command' }>, options: AttemptOptions): Promise<AttemptResult> {
  const launch = { ...recipe, command: expandHome(recipe.command), args: recipe.args.map(expandHome) };
  return listAllowingNetwork({ ...launch, readOnlyDirs: [] }, options);
}
