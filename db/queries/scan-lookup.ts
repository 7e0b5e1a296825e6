// Reads of `mcp-risk scan --no-run`: which catalogue server a config entry is, by the identity keys the
// crawler merges on (package, remote endpoint) or, for a local command, by the command it runs.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { serverKeys, servers } from '../schema.ts';

/** The server holding the first of `keys` (most specific first) that is known, and that key; undefined when none is. */
export async function findServerSlugByKeys(db: Db, keys: string[]): Promise<{ slug: string; key: string } | undefined> {
  if (!keys.length) return undefined;
  const rows = await db.select({ key: serverKeys.key, slug: servers.slug }).from(serverKeys)
    .innerJoin(servers, eq(servers.id, serverKeys.serverId)).where(inArray(serverKeys.key, keys));
  const byKey = new Map(rows.map((r) => [r.key, r.slug]));
  const key = keys.find((k) => byKey.has(k));
  return key === undefined ? undefined : { slug: byKey.get(key)!, key };
}

/** The slug of a server whose recorded launch runs exactly this local command; undefined when none does. */
export async function findServerSlugByCommand(db: Db, command: string, args: string[]): Promise<string | undefined> {
  const [row] = await db.select({ slug: servers.slug }).from(servers).where(and(
    sql`${servers.launch}->>'kind' = 'command'`,
    sql`${servers.launch}->>'command' = ${command}`,
    sql`${servers.launch}->'args' = ${JSON.stringify(args)}::jsonb`,
  )).orderBy(servers.id).limit(1);
  return row?.slug;
}
