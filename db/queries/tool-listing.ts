// Records one successful listing of a server's tools: new names become tools, changed definitions
// become new tool_versions (old ones kept), and names missing from the listing are marked removed.
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { servers, tools, toolVersions } from '../schema.ts';
import { slugify, uniqueSlug } from '../slug.ts';
import { definitionHash, pickDefinition, type ToolDefinition } from '../tool-definition.ts';

export interface ListingOptions {
  /** Where the definitions were observed: live | registry | glama | ... @default 'live' */
  observedVia?: string;
  /** Parse problems per tool name, stored with the version. @default {} */
  issues?: Record<string, string[]>;
  /** Mark tools absent from this listing as removed. @default true */
  markRemoved?: boolean;
  at?: Date;
}

export interface ListingResult { added: number; changed: number; unchanged: number; removed: number }

export async function recordToolListing(db: Db, serverId: number, list: ToolDefinition[], options: ListingOptions = {}): Promise<ListingResult> {
  const { observedVia = 'live', issues = {}, markRemoved = true, at = new Date() } = options;
  const result: ListingResult = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  const seen = new Set<string>();
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(tools).where(eq(tools.serverId, serverId));
    const byName = new Map(existing.map((t) => [t.name, t]));
    const slugs = new Set(existing.map((t) => t.slug));
    for (const raw of list) {
      if (seen.has(raw.name)) continue;
      seen.add(raw.name);
      const definition = pickDefinition(raw as never);
      const hash = definitionHash(definition);
      let tool = byName.get(raw.name);
      const known = tool !== undefined;
      if (!tool) {
        let slug = slugify(raw.name);
        if (slugs.has(slug)) slug = uniqueSlug(raw.name);
        slugs.add(slug);
        [tool] = await tx.insert(tools).values({ serverId, name: raw.name, slug, firstSeenAt: at, lastSeenAt: at }).returning();
        result.added++;
      }
      const [version] = await tx.insert(toolVersions)
        .values({ toolId: tool.id, hash, definition, parseIssues: issues[raw.name] ?? null, observedVia, firstSeenAt: at, lastSeenAt: at })
        .onConflictDoUpdate({ target: [toolVersions.toolId, toolVersions.hash], set: { lastSeenAt: at } })
        .returning({ id: toolVersions.id });
      if (known) {
        if (tool.currentVersionId === version.id) result.unchanged++;
        else result.changed++;
      }
      await tx.update(tools).set({ currentVersionId: version.id, lastSeenAt: at, removedAt: null }).where(eq(tools.id, tool.id));
    }
    if (markRemoved) {
      const gone = await tx.update(tools).set({ removedAt: at })
        .where(and(eq(tools.serverId, serverId), isNull(tools.removedAt),
          seen.size ? notInArray(tools.name, [...seen]) : sql`true`))
        .returning({ id: tools.id });
      result.removed = gone.length;
    }
    await tx.update(servers).set({ lastListedAt: at }).where(eq(servers.id, serverId));
  });
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
