// Which config files a scan reads: the given files, or every known client's standard files for this user
// (Linux and macOS paths) and this project (.cursor/mcp.json, .vscode/mcp.json, .mcp.json), as the
// crawler's config source knows them. A standard file that does not exist is skipped.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { guessClient, standardConfigFiles, type ClientName, type ConfigFile } from '../../crawler/sources/client-configs.ts';
import { redactString } from '../../crawler/sources/config-redact.ts';
import { ScanError } from './errors.ts';

export const CLIENT_NAMES: readonly ClientName[] = ['claude-desktop', 'cursor', 'vscode', 'claude-code', 'windsurf'];

export interface DiscoverOptions {
  /** The user's home (user-level configs, `~` in what is shown). */
  home: string;
  /** The project directory (project-level configs; shown paths are relative to it). */
  cwd: string;
  /** Read these files instead of the standard paths; a missing one is an error. @default the standard paths */
  files?: string[];
  /** Only this client's standard paths; with `files`, read them as this client's. @default 'all' */
  client?: ClientName | 'all';
}

/** One config file read. */
export interface ConfigText extends ConfigFile {
  /** How the path is shown: relative to the project, else with `~` for the home. */
  shown: string;
  /** Whether the file is inside the project (then `shown` is a repository-relative path). */
  inProject: boolean;
  text: string;
}

/** A file that exists but could not be read. */
export interface UnreadableFile { client: ConfigFile['client']; path: string; shown: string; error: string }

export interface Discovery { read: ConfigText[]; unreadable: UnreadableFile[] }

/** `.vscode/mcp.json` inside the project, `~/.cursor/mcp.json` under the home, else the absolute path. */
export function showPath(path: string, home: string, cwd: string): { shown: string; inProject: boolean } {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { shown: rel.split('\\').join('/'), inProject: true };
  return { shown: redactString(path, home), inProject: false };
}

export async function discoverConfigs(options: DiscoverOptions): Promise<Discovery> {
  const home = resolve(options.home);
  const cwd = resolve(options.cwd);
  const client = options.client ?? 'all';
  const explicit = options.files?.length ? options.files : undefined;
  const candidates: ConfigFile[] = explicit
    ? explicit.map((f) => ({ client: client === 'all' ? guessClient(resolve(f)) : client, path: resolve(f) }))
    : standardConfigFiles(home, cwd).filter((f) => client === 'all' || f.client === client);
  const seen = new Set<string>();
  const out: Discovery = { read: [], unreadable: [] };
  for (const file of candidates) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const where = showPath(file.path, home, cwd);
    try {
      out.read.push({ ...file, ...where, text: await readFile(file.path, 'utf8') });
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (explicit && e.code === 'ENOENT') throw new ScanError(`config file ${file.path} does not exist`, 'E_CONFIG_NOT_FOUND');
      if (explicit) throw new ScanError(`cannot read config file ${file.path}: ${e.message}`, 'E_CONFIG_READ');
      if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') out.unreadable.push({ client: file.client, path: file.path, shown: where.shown, error: e.message });
    }
  }
  return out;
}
