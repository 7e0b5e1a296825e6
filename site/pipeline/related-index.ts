// Catalogue-wide relations between tools, read once before the pass over the servers: tools of the
// same name on other servers, and tools of the same purpose (purposeKey of their names) under other
// names. Built from one row per distinct tool name, never one per tool.
import type { Db } from '../../db/client.ts';
import { toolNameGroups, type SameNameEntry } from '../../db/queries/site-globals.ts';
import { purposeKey, type PurposeEntry } from '../src/lib/purpose.ts';

export interface RelatedIndex {
  sameName: Map<string, SameNameEntry>;
  /** Tool name to its purpose key, for names whose purpose is shared with another name. */
  purposeOf: Map<string, string>;
  purposes: Map<string, PurposeEntry>;
}

export interface RelatedIndexOptions {
  /** Servers kept per name (default 9). */
  maxRefs?: number;
  /** Tools kept per purpose (default 16), at most `perName` (default 2) of each name. */
  maxPurposeRefs?: number;
  perName?: number;
}

export async function relatedIndex(db: Db, options: RelatedIndexOptions = {}): Promise<RelatedIndex> {
  const { maxRefs = 9, maxPurposeRefs = 16, perName = 2 } = options;
  const groups = await toolNameGroups(db, { maxRefs });
  groups.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sameName = new Map<string, SameNameEntry>();
  const purposeOf = new Map<string, string>();
  const purposes = new Map<string, PurposeEntry>();
  for (const g of groups) {
    if (g.count > 1) sameName.set(g.name, { count: g.count, refs: g.refs });
    const purpose = purposeKey(g.name);
    if (!purpose) continue;
    purposeOf.set(g.name, purpose);
    let entry = purposes.get(purpose);
    if (!entry) purposes.set(purpose, entry = { purpose, count: 0, names: 0, refs: [] });
    entry.count += g.count;
    entry.names++;
    for (const ref of g.refs.slice(0, perName)) if (entry.refs.length < maxPurposeRefs) entry.refs.push({ ...ref, name: g.name });
  }
  for (const [purpose, entry] of purposes) if (entry.names < 2) purposes.delete(purpose);
  for (const [name, purpose] of purposeOf) if (!purposes.has(purpose)) purposeOf.delete(name);
  return { sameName, purposeOf, purposes };
}
