// The catalogue's tool names, for judging shadowing across servers: a definition that names another
// server's tool, or takes a name that imitates one. The classifier knows nothing of the database: the
// caller (classify-db, eval) fills this from rows it read.
import { nameKey } from './tokens.ts';

export interface CatalogueEntry {
  /** The tool's name as its server spells it. */
  name: string;
  /** The display name of the server it belongs to (the earliest seen, when several have it). */
  server: string;
  /** How many servers have a tool of this name key (a name on many servers is generic). */
  servers: number;
}

/** Tool names of the catalogue by `nameKey()`. */
export type ToolCatalogue = ReadonlyMap<string, CatalogueEntry>;

export interface CatalogueRow { name: string; server: string }

export interface CatalogueOptions {
  /** Names shorter than this (as name keys) are too generic to count. @default 6 */
  minLength?: number;
}

/**
 * Builds a catalogue from (tool name, server) rows; the first row of a name key names its server, so
 * pass rows in the order that should win (e.g. earliest seen first).
 */
export function buildCatalogue(rows: Iterable<CatalogueRow>, options: CatalogueOptions = {}): Map<string, CatalogueEntry> {
  const { minLength = 6 } = options;
  const out = new Map<string, CatalogueEntry>();
  const seen = new Map<string, Set<string>>();
  for (const { name, server } of rows) {
    const key = nameKey(name);
    if (key.length < minLength) continue;
    const entry = out.get(key);
    if (!entry) {
      out.set(key, { name, server, servers: 1 });
      seen.set(key, new Set([server]));
      continue;
    }
    const servers = seen.get(key)!;
    if (!servers.has(server)) { servers.add(server); entry.servers++; }
  }
  return out;
}

/** The catalogue entry for `name` when it belongs to a server other than `server`. */
export function foreignEntry(catalogue: ToolCatalogue | undefined, key: string, server: string | undefined): CatalogueEntry | undefined {
  const entry = catalogue?.get(key);
  return entry && entry.server !== server ? entry : undefined;
}
