// `--no-run`: what the catalogue database already knows about each config entry, matched by package
// identity or remote endpoint (the crawler's identity keys) or, for a local command, by its command
// line. Nothing runs and nothing is written.
import type { Launch } from '../../crawler/launch.ts';
import { identityKeys } from '../../crawler/sources/identity.ts';
import type { Database } from '../../db/client.ts';
import { findServerSlugByCommand, findServerSlugByKeys } from '../../db/queries/scan-lookup.ts';
import { getServerPage, type SiteTool } from '../../db/queries/site.ts';
import type { ScanServer } from './entries.ts';

export interface CatalogueMatch {
  /** The catalogue server's name and slug. */
  name: string;
  slug: string;
  /** How it was matched: `npm:<package>`, `remote:<endpoint>`, `command`. */
  matchedBy: string;
  /** Its current tools with their latest stored classifications (null when unclassified). */
  tools: SiteTool[];
  /** Whether a crawl ever listed it (a server that only failed to list has no tools to judge). */
  listed: boolean;
}

/** The catalogue's record of each server, by scan id; servers it does not know are absent. */
export async function lookUpCatalogue(database: Database, list: ScanServer[]): Promise<Map<string, CatalogueMatch>> {
  const out = new Map<string, CatalogueMatch>();
  for (const server of list) {
    const launch = server.entry.server.launch as Launch;
    // A config entry's own name (`config:<client>:<key>`) says nothing about what it runs.
    const keys = identityKeys(server.entry.server).filter((k) => !k.startsWith('name:config:'));
    const byKey = await findServerSlugByKeys(database.db, keys);
    let slug = byKey?.slug;
    let matchedBy = byKey?.key ?? '';
    if (!slug && launch.kind === 'command') {
      slug = await findServerSlugByCommand(database.db, launch.command, launch.args);
      matchedBy = 'command';
    }
    if (!slug) continue;
    const page = await getServerPage(database.db, slug);
    if (page) out.set(server.id, { name: page.server.name, slug, matchedBy, tools: page.tools, listed: page.server.lastListedAt !== null || page.tools.length > 0 });
  }
  return out;
}
