// Records one successful listing of a server's tools: new names become tools, changed definitions
// become new tool_versions (old ones kept), and names missing from the listing are marked removed.
// Set-based: a handful of statements per listing, whatever its size.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { servers, tools, toolVersions } from '../schema.ts';
import { slugify, uniqueSlug } from '../slug.ts';
import { normalizeJson, normalizeText } from '../normalize-text.ts';
import { definitionHash, pickDefinition, type ToolDefinition } from '../tool-definition.ts';

export interface ListingOptions {
  /** Where the definitions were observed: live | registry | glama | ... @default 'live' */
  observedVia?: string;
  /** Parse problems per tool name, stored with the version. @default none */
  issues?: ReadonlyMap<string, string[]>;
  /** Mark tools absent from this listing as removed. @default true */
  markRemoved?: boolean;
  /** The package version the source declares, and the one that was run, kept on each version seen. @default null */
  declaredVersion?: string | null;
  listedVersion?: string | null;
  at?: Date;
}

/** A tool of the listing the database refused (e.g. a name too long for the unique index), with its reason. */
export interface ToolStoreFailure { tool: string; reason: string }

export interface ListingResult {
  added: number; changed: number; unchanged: number; removed: number;
  /** Tools that could not be stored; every other tool of the listing was. @default [] */
  failed: ToolStoreFailure[];
}

const CHUNK = 500;
const chunks = <T>(list: T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Settings = Required<Pick<ListingOptions, 'observedVia' | 'at'>> & { issues?: ReadonlyMap<string, string[]>; packageVersions: { declaredVersion: string | null; listedVersion: string | null } };

/**
 * Stores a listing in one transaction. When the database refuses it, each tool is stored again in a savepoint of
 * its own, so that a tool it refuses costs that tool alone (in `failed`, with the reason), never its siblings.
 * Definitions are normalized (db/normalize-text.ts) here too, so nothing unstorable reaches the database.
 */
export async function recordToolListing(db: Db, serverId: number, list: ToolDefinition[], options: ListingOptions = {}): Promise<ListingResult> {
  const { observedVia = 'live', issues, markRemoved = true, at = new Date() } = options;
  const settings: Settings = { observedVia, at, issues, packageVersions: { declaredVersion: options.declaredVersion ?? null, listedVersion: options.listedVersion ?? null } };
  const unique = new Map<string, ToolDefinition>();
  for (const raw of list) {
    const definition = normalizeJson(pickDefinition(raw as never));
    if (!unique.has(definition.name)) unique.set(definition.name, definition);
  }
  const finish = async (tx: Tx, result: ListingResult) => {
    if (markRemoved) {
      const seen = [...unique.keys()];
      const gone = await tx.update(tools).set({ removedAt: at })
        .where(and(eq(tools.serverId, serverId), isNull(tools.removedAt), seen.length ? notInArray(tools.name, seen) : sql`true`))
        .returning({ id: tools.id });
      result.removed = gone.length;
    }
    await tx.update(servers).set({ lastListedAt: at }).where(eq(servers.id, serverId));
    return result;
  };
  try {
    return await db.transaction(async (tx) => finish(tx, await storeTools(tx, serverId, [...unique.values()], settings)));
  } catch (error) {
    if (unique.size === 0) throw error;
  }
  return db.transaction(async (tx) => {
    const result: ListingResult = { added: 0, changed: 0, unchanged: 0, removed: 0, failed: [] };
    for (const definition of unique.values()) {
      try {
        const one = await tx.transaction((savepoint) => storeTools(savepoint, serverId, [definition], settings));
        result.added += one.added; result.changed += one.changed; result.unchanged += one.unchanged;
      } catch (error) {
        result.failed.push({ tool: definition.name, reason: storableMessage(error) });
      }
    }
    return finish(tx, result);
  });
}

/** An error's message as storable text, capped. */
const storableMessage = (error: unknown) => {
  const e = error instanceof Error && error.cause instanceof Error ? error.cause : error; // drizzle wraps the driver's error
  return normalizeText((e instanceof Error ? e.message : String(e)).slice(0, 500));
};

async function storeTools(tx: Tx, serverId: number, definitions: ToolDefinition[], s: Settings): Promise<ListingResult> {
  const result: ListingResult = { added: 0, changed: 0, unchanged: 0, removed: 0, failed: [] };
  const names = definitions.map((d) => d.name);
  const existing = await tx.select({ id: tools.id, name: tools.name, slug: tools.slug, currentVersionId: tools.currentVersionId })
    .from(tools).where(eq(tools.serverId, serverId));
  const byName = new Map(existing.map((t) => [t.name, t]));
  const slugs = new Set(existing.map((t) => t.slug));
  const fresh = names.filter((name) => !byName.has(name)).map((name) => {
    let slug = slugify(name);
    for (let n = 0; slugs.has(slug); n++) slug = uniqueSlug(n ? `${name}\n${n}` : name);
    slugs.add(slug);
    return { serverId, name, slug, firstSeenAt: s.at, lastSeenAt: s.at };
  });
  for (const part of chunks(fresh)) {
    for (const row of await tx.insert(tools).values(part).returning({ id: tools.id, name: tools.name, slug: tools.slug })) {
      byName.set(row.name, { ...row, currentVersionId: null });
    }
  }
  result.added = fresh.length;
  const versions = definitions.map((definition) => ({
    toolId: byName.get(definition.name)!.id, hash: definitionHash(definition), definition,
    parseIssues: s.issues?.get(definition.name)?.map((p) => normalizeText(p)) ?? null, observedVia: s.observedVia, ...s.packageVersions, firstSeenAt: s.at, lastSeenAt: s.at,
  }));
  const current: { id: number; toolId: number }[] = [];
  for (const part of chunks(versions)) {
    current.push(...await tx.insert(toolVersions).values(part)
      .onConflictDoUpdate({ target: [toolVersions.toolId, toolVersions.hash], set: { lastSeenAt: s.at, ...s.packageVersions } })
      .returning({ id: toolVersions.id, toolId: toolVersions.toolId }));
  }
  const previous = new Map(existing.map((t) => [t.id, t.currentVersionId]));
  for (const v of current) {
    if (!previous.has(v.toolId)) continue;
    if (previous.get(v.toolId) === v.id) result.unchanged++;
    else result.changed++;
  }
  for (const part of chunks(current)) {
    const pairs = sql.join(part.map((v) => sql`(${v.toolId}::int, ${v.id}::int)`), sql`, `);
    await tx.execute(sql`update ${tools} set current_version_id = v.vid, last_seen_at = ${s.at.toISOString()}::timestamptz, removed_at = null
      from (values ${pairs}) as v(tid, vid) where ${tools.id} = v.tid`);
  }
  return result;
}

/** Current (not removed) tool definitions of the given servers, with their version ids. */
export async function currentTools(db: Db, serverIds: number[]) {
  if (!serverIds.length) return [];
  return db.select({
    serverId: tools.serverId, toolId: tools.id, name: tools.name, versionId: toolVersions.id,
    hash: toolVersions.hash, definition: toolVersions.definition,
  }).from(tools)
    .innerJoin(toolVersions, eq(toolVersions.id, tools.currentVersionId))
    .where(and(inArray(tools.serverId, serverIds), isNull(tools.removedAt)))
    .orderBy(tools.serverId, tools.id);
}
