// What enumeration does with each source entry, in the single-process crawl and when enqueuing alike: the server is
// merged by identity, its source record kept with the raw JSON, and tools the source itself publishes stored as
// observed there, without running the server.
import type { Db } from '../db/client.ts';
import { recordSource, upsertServer } from '../db/queries/servers.ts';
import { recordToolListing } from '../db/queries/tool-listing.ts';
import { identityKeys } from './sources/identity.ts';
import type { SourceEntry } from './sources/source.ts';

/** Stores one entry; gives the server's id. */
export async function storeEntry(db: Db, entry: SourceEntry): Promise<{ id: number }> {
  const { id } = await upsertServer(db, entry.server, { keys: identityKeys(entry.server) });
  await recordSource(db, id, entry.source, entry.sourceKey, entry.raw);
  if (entry.tools?.length) {
    await recordToolListing(db, id, entry.tools, { observedVia: entry.toolsObservedVia ?? entry.source, markRemoved: false });
  }
  return { id };
}
