// The catalogue's tool names with their servers, for cross-server shadowing (classifier/catalogue.ts).
import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { servers, tools } from '../schema.ts';

export interface CatalogueToolRow { name: string; server: string }

export interface CatalogueQueryOptions {
  /** At most this many tools, the earliest seen first. @default 1_000_000 */
  limit?: number;
}

/**
 * Current tool names and the display name of their server (title, else name), earliest seen first, so
 * that where several servers share a name the one that had it first names it.
 */
export async function catalogueToolNames(db: Db, options: CatalogueQueryOptions = {}): Promise<CatalogueToolRow[]> {
  const { limit = 1_000_000 } = options;
  return db.select({ name: tools.name, server: sql<string>`coalesce(${servers.title}, ${servers.name})` })
    .from(tools).innerJoin(servers, sql`${servers.id} = ${tools.serverId}`)
    .where(isNull(tools.removedAt))
    .orderBy(asc(tools.firstSeenAt), asc(tools.id))
    .limit(limit);
}
