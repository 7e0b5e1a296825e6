// What enumeration does with each source entry, in the single-process crawl and when enqueuing alike: the server is
// merged by identity, its source record kept with the raw JSON, and tools the source itself publishes stored as
// observed there, without running the server. Every entry passes the boundary's normalization first
// (sources/storable-entry.ts), so what a registry sent cannot make it unstorable.
import type { Db } from '../db/client.ts';
import { recordSource, upsertServer } from '../db/queries/servers.ts';
import { recordToolListing } from '../db/queries/tool-listing.ts';
import { identityKeys } from './sources/identity.ts';
import type { SourceEntry } from './sources/source.ts';
import { storableEntry, type StorableEntry } from './sources/storable-entry.ts';

/** Stores one entry, normalized; gives the server's id and the entry as stored. */
export async function storeEntry(db: Db, sent: SourceEntry): Promise<{ id: number; entry: StorableEntry }> {
  const entry = storableEntry(sent);
  const { id } = await upsertServer(db, entry.server, { keys: identityKeys(entry.server) });
  await recordSource(db, id, entry.source, entry.sourceKey, entry.raw);
  if (entry.tools?.length) {
    await recordToolListing(db, id, entry.tools, { observedVia: entry.toolsObservedVia ?? entry.source, markRemoved: false });
  }
  return { id, entry };
}
