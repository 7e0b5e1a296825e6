// Writes of the crawler's enumeration stage: one server row per real server, every source record kept.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { servers, serverSources } from '../schema.ts';
import { slugify, uniqueSlug } from '../slug.ts';

/** What a source knows about a server. Only `name` and `runtime` are required. */
export interface ServerRecord {
  name: string;
  title?: string | null;
  description?: string | null;
  version?: string | null;
  repositoryUrl?: string | null;
  websiteUrl?: string | null;
  status?: string;
  runtime: string;
  packageIdentifier?: string | null;
  packageVersion?: string | null;
  transport?: string | null;
  launch?: unknown;
}

/** Inserts or refreshes a server by name; returns its id and slug. */
export async function upsertServer(db: Db, record: ServerRecord, at = new Date()): Promise<{ id: number; slug: string }> {
  const values = {
    title: record.title ?? null,
    description: record.description ?? null,
    version: record.version ?? null,
    repositoryUrl: record.repositoryUrl ?? null,
    websiteUrl: record.websiteUrl ?? null,
    status: record.status ?? 'active',
    runtime: record.runtime,
    packageIdentifier: record.packageIdentifier ?? null,
    packageVersion: record.packageVersion ?? null,
    transport: record.transport ?? null,
    launch: record.launch ?? null,
    lastSeenAt: at,
  };
  const [existing] = await db.select({ id: servers.id, slug: servers.slug }).from(servers).where(eq(servers.name, record.name));
  if (existing) {
    await db.update(servers).set(values).where(eq(servers.id, existing.id));
    return existing;
  }
  let slug = slugify(record.name);
  const [taken] = await db.select({ id: servers.id }).from(servers).where(eq(servers.slug, slug));
  if (taken) slug = uniqueSlug(record.name);
  const [row] = await db.insert(servers)
    .values({ name: record.name, slug, firstSeenAt: at, ...values })
    .onConflictDoUpdate({ target: servers.name, set: values })
    .returning({ id: servers.id, slug: servers.slug });
  return row;
}

/** Keeps a source's raw record about a server (one row per source and key, refreshed on refetch). */
export async function recordSource(db: Db, serverId: number, source: string, sourceKey: string, raw: unknown, at = new Date()): Promise<void> {
  await db.insert(serverSources)
    .values({ serverId, source, sourceKey, raw: raw as object, fetchedAt: at })
    .onConflictDoUpdate({
      target: [serverSources.source, serverSources.sourceKey],
      set: { serverId, raw: raw as object, fetchedAt: at },
    });
}

export async function findServerByName(db: Db, name: string) {
  const [row] = await db.select().from(servers).where(eq(servers.name, name));
  return row;
}

/** Servers ordered by id, optionally only those with the given runtime. */
export async function listServers(db: Db, opts: { runtime?: string; ids?: number[] } = {}) {
  const where = [];
  if (opts.runtime) where.push(eq(servers.runtime, opts.runtime));
  if (opts.ids) where.push(sql`${servers.id} in ${opts.ids.length ? opts.ids : [-1]}`);
  return db.select().from(servers).where(where.length ? and(...where) : undefined).orderBy(servers.id);
}
