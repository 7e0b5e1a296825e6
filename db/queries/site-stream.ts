// The site build's one pass over the catalogue: servers in slug order, a batch at a time, each with
// its current tools (latest classifications), source records and changed-definition history.
// A fixed number of queries per batch, whatever its size, so 50,000 servers take a few hundred queries.
import { and, asc, eq, getTableColumns, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { servers, serverSources, tools, toolVersions } from '../schema.ts';
import type { ToolDefinition } from '../tool-definition.ts';
import { latestClassification, latestFields, type SiteClassification, type SiteServer, type SiteTool } from './site.ts';

/** How the server runs, from its launch recipe: only the public parts (no env, no arguments). */
export interface LaunchSummary { kind: string | null; registryType: string | null; identifier: string | null; version: string | null; url: string | null }

export interface BundleSource { source: string; sourceKey: string; fetchedAt: Date }
export interface VersionRow { hash: string; firstSeenAt: Date; lastSeenAt: Date; observedVia: string }
export interface BundleTool extends SiteTool { id: number }

/** A server with everything its pages show. */
export interface ServerBundle {
  server: SiteServer & { id: number };
  launch: LaunchSummary;
  tools: BundleTool[];
  sources: BundleSource[];
  /** Definition versions of the tools that have more than one, oldest first, by tool id. */
  versions: Record<number, VersionRow[]>;
}

export interface BundleOptions {
  /** Servers per batch. @default 100 */
  batchSize?: number;
  /** Resume after this slug. @default undefined */
  after?: string;
}

const text = (expr: ReturnType<typeof sql>) => sql<string | null>`${expr}`;

/** Batches of server bundles in slug order; a batch is fetched only when the previous one was consumed. */
export async function* iterateServerBundles(db: Db, options: BundleOptions = {}): AsyncGenerator<ServerBundle[]> {
  const { batchSize = 100 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer; got ${batchSize}.`);
  let after = options.after;
  for (;;) {
    const batch = await readBatch(db, after, batchSize);
    if (!batch.length) return;
    yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].server.slug;
  }
}

async function readBatch(db: Db, after: string | undefined, limit: number): Promise<ServerBundle[]> {
  const { launch: _launch, ...columns } = getTableColumns(servers);
  const rows = await db.select({
    ...columns,
    launchKind: text(sql`${servers.launch}->>'kind'`), registryType: text(sql`${servers.launch}->>'registryType'`),
    identifier: text(sql`${servers.launch}->>'identifier'`), launchVersion: text(sql`${servers.launch}->>'version'`),
    url: text(sql`${servers.launch}->>'url'`),
  }).from(servers)
    .where(after === undefined ? undefined : gt(servers.slug, after))
    .orderBy(asc(servers.slug)).limit(limit);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [toolRows, sources, versions] = await Promise.all([readTools(db, ids), readSources(db, ids), readVersions(db, ids)]);
  return rows.map(({ launchKind, registryType, identifier, launchVersion, url, ...server }) => ({
    server,
    launch: { kind: launchKind, registryType, identifier, version: launchVersion, url },
    tools: toolRows.get(server.id) ?? [],
    sources: sources.get(server.id) ?? [],
    versions: versions.get(server.id) ?? {},
  }));
}

function group<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row); else map.set(k, [row]);
  }
  return map;
}

async function readTools(db: Db, serverIds: number[]): Promise<Map<number, BundleTool[]>> {
  const latest = latestClassification(db);
  const rows = await db.select({
    serverId: tools.serverId, id: tools.id, slug: tools.slug, name: tools.name,
    firstSeenAt: tools.firstSeenAt, lastSeenAt: tools.lastSeenAt,
    definition: toolVersions.definition, hash: toolVersions.hash, parseIssues: toolVersions.parseIssues,
    latest: latestFields(latest),
  }).from(tools)
    .innerJoin(toolVersions, eq(toolVersions.id, tools.currentVersionId))
    .leftJoinLateral(latest, sql`true`)
    .where(and(inArray(tools.serverId, serverIds), isNull(tools.removedAt)))
    .orderBy(asc(tools.serverId), asc(tools.slug));
  const byServer = group(rows, (r) => r.serverId);
  return new Map([...byServer].map(([id, list]) => [id, list.map(({ serverId: _s, latest: c, definition, ...tool }) => ({
    ...tool,
    definition: definition as ToolDefinition,
    classification: c && c.category !== null ? (c as SiteClassification) : null,
  }))]));
}

async function readSources(db: Db, serverIds: number[]): Promise<Map<number, BundleSource[]>> {
  const rows = await db.select({
    serverId: serverSources.serverId, source: serverSources.source, sourceKey: serverSources.sourceKey, fetchedAt: serverSources.fetchedAt,
  }).from(serverSources).where(inArray(serverSources.serverId, serverIds))
    .orderBy(asc(serverSources.serverId), asc(serverSources.source), asc(serverSources.sourceKey));
  return new Map([...group(rows, (r) => r.serverId)].map(([id, list]) => [id, list.map(({ serverId: _s, ...row }) => row)]));
}

async function readVersions(db: Db, serverIds: number[]): Promise<Map<number, Record<number, VersionRow[]>>> {
  const rows = await db.select({
    serverId: tools.serverId, toolId: toolVersions.toolId, hash: toolVersions.hash,
    firstSeenAt: toolVersions.firstSeenAt, lastSeenAt: toolVersions.lastSeenAt, observedVia: toolVersions.observedVia,
  }).from(toolVersions).innerJoin(tools, eq(tools.id, toolVersions.toolId))
    .where(and(inArray(tools.serverId, serverIds), isNull(tools.removedAt),
      sql`exists (select 1 from ${toolVersions} w where w.tool_id = ${toolVersions.toolId} and w.id <> ${toolVersions.id})`))
    .orderBy(asc(toolVersions.toolId), asc(toolVersions.firstSeenAt), asc(toolVersions.id));
  const out = new Map<number, Record<number, VersionRow[]>>();
  for (const { serverId, toolId, ...row } of rows) {
    const byTool = out.get(serverId) ?? {};
    (byTool[toolId] ??= []).push(row);
    out.set(serverId, byTool);
  }
  return out;
}
