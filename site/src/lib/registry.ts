// Hands the caller's open Database to the pages. Astro executes the built pages in the same Node
// process during static generation, but from its own bundled copies of site/src; a global slot keyed
// by Symbol.for is shared by every copy. (PGlite allows one open instance per data folder, so the
// pages must never open a second one.)
import type { Database } from '../../../db/client.ts';

/** What one build shares with its pages: the database and a per-build memo (never reused across builds). */
export interface SiteContext {
  database: Database;
  memo: Map<string, Promise<unknown>>;
}

const SLOT = Symbol.for('mcp-risk.site.context');
type Slot = { [SLOT]?: SiteContext };

/** Makes `database` the pages' database until the returned release function is called. */
export function provideSiteContext(database: Database): () => void {
  const slot = globalThis as Slot;
  if (slot[SLOT]) {
    throw new Error('A site build is already running in this process; buildSite() calls cannot overlap. Await the first one before starting another.');
  }
  const context: SiteContext = { database, memo: new Map() };
  slot[SLOT] = context;
  return () => { if (slot[SLOT] === context) delete slot[SLOT]; };
}

/** The context of the running build, or a clear error when the pages run outside buildSite(). */
export function siteContext(): SiteContext {
  const context = (globalThis as Slot)[SLOT];
  if (!context) {
    throw new Error('The site pages found no database: they read the one handed over by buildSite() in site/build.ts. '
      + 'Build the site with buildSite({ database }), not with `astro build` on its own.');
  }
  return context;
}
