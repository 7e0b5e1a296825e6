// The servers of one config file, read by the crawler's config source (readConfigFile: the same
// launch, name and issues the crawler derives), each with where its entry is in the file and the
// entry exactly as written (its env and header values are secrets: they go to the sandbox only).
import { parseJsonc, readConfigFile, type ConfigFile } from '../../crawler/sources/client-configs.ts';
import { redactString } from '../../crawler/sources/config-redact.ts';
import type { SourceEntry } from '../../crawler/sources/source.ts';
import type { ConfigText } from './discover.ts';
import { parsePositioned, type TextRegion } from './positions.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a config file is, without its text. */
export type ConfigRef = Pick<ConfigText, 'client' | 'path' | 'shown' | 'inProject'>;

export interface ScanServer {
  /** Stable across runs and machines: `<shown file>#<project scope>#<key>`; the pin file's key. */
  id: string;
  /** The entry's key in the config (what the client calls the server). */
  key: string;
  client: ConfigFile['client'];
  file: ConfigRef;
  /** Claude Code: the project whose settings hold the entry (home shown as `~`). */
  scope?: string;
  /** The crawler's reading: launch with placeholders, catalogue name, issues, the redacted raw entry. */
  entry: SourceEntry;
  /** The entry as written. Holds secrets: never printed, stored or reported. */
  config: Obj;
  /** The entry (`"key": {...}`) in the file; undefined when it could not be located. */
  region?: TextRegion;
}

export interface ConfigFileReport extends ConfigRef {
  servers: number;
  /** Why the file or some of its entries could not be read (with line and column for syntax errors). */
  problems: string[];
}

/** The JSON path of an entry: the servers map of its client, or a Claude Code project's. */
function entryPath(client: ConfigFile['client'], json: Obj, key: string, project?: string): string[] {
  if (project !== undefined) return ['projects', project, 'mcpServers', key];
  const map = client === 'vscode' ? 'servers' : json.mcpServers === undefined && client === 'unknown' ? 'servers' : 'mcpServers';
  return [map, key];
}

export function readScanServers(file: ConfigText, home: string): { servers: ScanServer[]; report: ConfigFileReport } {
  const ref: ConfigRef = { client: file.client, path: file.path, shown: file.shown, inProject: file.inProject };
  const page = readConfigFile(file, file.text, home);
  const positioned = parsePositioned(file.text);
  const problems = page.rejected.map((r) => r.reason);
  if (positioned.problems.length && page.rejected.length) {
    const p = positioned.problems[0];
    problems.push(`${file.shown}:${p.line}:${p.column}: ${p.message}`);
  }
  let json: Obj = {};
  try {
    const parsed = parseJsonc(file.text);
    if (isObj(parsed)) json = parsed;
  } catch {
    // rejected above: no entries
  }
  // Claude Code project keys as written, by how the crawler shows them.
  const projects = new Map(isObj(json.projects) ? Object.keys(json.projects).map((p) => [redactString(p, home), p] as const) : []);
  const servers: ScanServer[] = [];
  for (const entry of page.entries) {
    const where = entry.raw as { key: string; scope?: string };
    const project = where.scope === undefined ? undefined : projects.get(where.scope);
    const path = entryPath(file.client, json, where.key, project);
    let config: unknown = json;
    for (const step of path) config = isObj(config) ? config[step] : undefined;
    servers.push({
      id: `${file.shown}#${where.scope ?? ''}#${where.key}`,
      key: where.key, client: file.client, file: ref, scope: where.scope, entry,
      config: isObj(config) ? config : {},
      region: positioned.regionAt(path),
    });
  }
  return { servers, report: { ...ref, servers: servers.length, problems } };
}
