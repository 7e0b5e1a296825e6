// Writes of the crawler's enumeration stage: one server row per real server, every source record kept.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { serverKeys, servers, serverSources } from '../schema.ts';
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

export interface UpsertOptions {
  /**
   * Identity keys (e.g. `npm:<package>`, `remote:<host/path>`, `repo:<host/owner/repo>`, `name:<name>`),
   * most specific first. A record whose name is new but which shares a key with a known server is
   * merged into it. `repo:` keys merge only when the record has no package or remote key.
   * @default [`name:<record.name>`]
   */
  keys?: string[];
  at?: Date;
}

/** Where a record merged: the server row it landed on. */
export interface UpsertResult { id: number; slug: string; merged: boolean }

const SOURCE_PREFIX = /^(npm|pypi|oci|smithery|glama|pulsemcp|remote|config|list):/;

/** Inserts or refreshes a server: by name, else by a shared identity key; returns where it landed. */
export async function upsertServer(db: Db, record: ServerRecord, options: UpsertOptions = {}): Promise<UpsertResult> {
  const { at = new Date() } = options;
  const keys = options.keys ?? [`name:${record.name}`];
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
  const [byName] = await db.select().from(servers).where(eq(servers.name, record.name));
  const existing = byName ?? (await findByKeys(db, keys));
  if (existing && byName) {
    await db.update(servers).set(values).where(eq(servers.id, existing.id));
  } else if (existing) {
    // Another source's record of a known server: fill what is missing, adopt a registry-style name.
    const fill = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== null && (existing as Record<string, unknown>)[k] == null));
    const rename = SOURCE_PREFIX.test(existing.name) && !SOURCE_PREFIX.test(record.name) ? { name: record.name } : {};
    await db.update(servers).set({ ...fill, ...rename, lastSeenAt: at }).where(eq(servers.id, existing.id));
  }
  let row: { id: number; slug: string };
  if (existing) row = { id: existing.id, slug: existing.slug };
  else {
    let slug = slugify(record.name);
    const [taken] = await db.select({ id: servers.id }).from(servers).where(eq(servers.slug, slug));
    if (taken) slug = uniqueSlug(record.name);
    [row] = await db.insert(servers)
      .values({ name: record.name, slug, firstSeenAt: at, ...values })
      .onConflictDoUpdate({ target: servers.name, set: values })
      .returning({ id: servers.id, slug: servers.slug });
  }
  await db.insert(serverKeys).values([...new Set([...keys, `name:${record.name}`])].map((key) => ({ key, serverId: row.id }))).onConflictDoNothing();
  return { ...row, merged: !!existing && !byName };
}

async function findByKeys(db: Db, keys: string[]) {
  const strong = keys.filter((k) => !k.startsWith('repo:'));
  const usable = strong.some((k) => !k.startsWith('name:')) ? strong : keys;
  if (!usable.length) return undefined;
  const [hit] = await db.select({ serverId: serverKeys.serverId, key: serverKeys.key }).from(serverKeys).where(inArray(serverKeys.key, usable));
  if (!hit) return undefined;
  const [row] = await db.select().from(servers).where(eq(servers.id, hit.serverId));
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
