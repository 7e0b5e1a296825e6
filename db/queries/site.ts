// Reads of the site build (DESIGN §6). The site touches the database only through these.
// Everything is paged by keyset (slug order), so that 50,000 servers and 600,000 tools can be
// streamed page by page; nothing here returns the whole catalogue at once.
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { classifications, servers, tools, toolVersions } from '../schema.ts';
import type { ToolDefinition } from '../tool-definition.ts';

/** One line of the server index. */
export interface ServerIndexRow {
  slug: string;
  name: string;
  title: string | null;
  description: string | null;
  runtime: string;
  /** Current (not removed) tools. */
  toolCount: number;
  /** The highest risk (by `riskOrder`) among the current tools' latest classifications; null when none is classified. */
  highestRisk: string | null;
}

/** The latest classification of a tool's current version (newest created_at). */
export interface SiteClassification {
  category: string;
  risk: string;
  confidence: number;
  rationale: string;
  evidence: unknown;
  findings: unknown;
  /** The stored per-tool policy.json. */
  policy: unknown;
  method: string;
  model: string | null;
  classifierVersion: string;
  createdAt: Date;
  /** A newer classifier version that re-checked this verdict and reached the same one (it stored nothing new). */
  confirmedBy: string | null;
}

export interface SiteTool {
  slug: string;
  name: string;
  definition: ToolDefinition;
  hash: string;
  parseIssues: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  classification: SiteClassification | null;
}

export type SiteServer = Omit<typeof servers.$inferSelect, 'launch'>;

/** A server with its current tools, in slug order. */
export interface ServerPage { server: SiteServer; tools: SiteTool[] }

/** One tool with its server and the server's other current tools. */
export interface ToolPage { server: SiteServer; tool: SiteTool; siblings: SiteTool[] }

export interface ToolPath { serverSlug: string; toolSlug: string }

export interface CatalogueCounts {
  servers: number;
  /** Current tools. */
  tools: number;
  /** Current tools with a classification. */
  classified: number;
  byCategory: Record<string, number>;
  byRisk: Record<string, number>;
}

export interface PageOptions {
  /** Keyset cursor: the last slug of the previous page. @default undefined (first page) */
  after?: string;
  /** @default 200 */
  limit?: number;
}

/** Tools that are listed now: not removed, with a current definition. */
export const isCurrent = and(isNull(tools.removedAt), isNotNull(tools.currentVersionId));

/** The newest classification of `tools.current_version_id` (the "latest classification"), to join laterally as `latest`. */
export function latestClassification(db: Db) {
  return db.select({
    category: classifications.category, risk: classifications.risk, confidence: classifications.confidence,
    rationale: classifications.rationale, evidence: classifications.evidence, findings: classifications.findings,
    policy: classifications.policy, method: classifications.method, model: classifications.model,
    classifierVersion: classifications.classifierVersion, createdAt: classifications.createdAt, confirmedBy: classifications.confirmedBy,
  }).from(classifications)
    .where(eq(classifications.toolVersionId, tools.currentVersionId))
    .orderBy(desc(classifications.createdAt), desc(classifications.id))
    .limit(1)
    .as('latest');
}

/** The classification columns of a `latestClassification` subquery, as one nested select field. */
export function latestFields(latest: ReturnType<typeof latestClassification>) {
  return {
    category: latest.category, risk: latest.risk, confidence: latest.confidence, rationale: latest.rationale,
    evidence: latest.evidence, findings: latest.findings, policy: latest.policy, method: latest.method,
    model: latest.model, classifierVersion: latest.classifierVersion, createdAt: latest.createdAt, confirmedBy: latest.confirmedBy,
  };
}

export interface ServerIndexOptions extends PageOptions {
  /**
   * Risk levels from lowest to highest, e.g. the classifier's RISKS: the database stores risks as text
   * and knows no order of its own (the classifier owns the vocabulary, DESIGN §1).
   */
  riskOrder: readonly string[];
}

/** One page of the server index, in slug order, starting after `options.after`. */
export async function listServerIndex(db: Db, options: ServerIndexOptions): Promise<ServerIndexRow[]> {
  const { after, limit = 200, riskOrder } = options;
  const riskRank = sql`case latest.risk ${sql.join(riskOrder.map((risk, i) => sql`when ${risk} then ${sql.raw(String(i + 1))}`), sql` `)} end`;
  const page = await db.select({
    id: servers.id, slug: servers.slug, name: servers.name, title: servers.title,
    description: servers.description, runtime: servers.runtime,
  }).from(servers)
    .where(after === undefined ? undefined : gt(servers.slug, after))
    .orderBy(asc(servers.slug)).limit(limit);
  if (!page.length) return [];
  const latest = latestClassification(db);
  const aggregates = await db.select({
    serverId: tools.serverId,
    toolCount: sql<number>`count(*)::int`,
    riskRank: sql<number | null>`max(${riskRank})`,
  }).from(tools).leftJoinLateral(latest, sql`true`)
    .where(and(inArray(tools.serverId, page.map((s) => s.id)), isCurrent))
    .groupBy(tools.serverId);
  const byServer = new Map(aggregates.map((a) => [a.serverId, a]));
  return page.map(({ id, ...row }) => {
    const agg = byServer.get(id);
    const rank = agg?.riskRank == null ? 0 : Number(agg.riskRank);
    return { ...row, toolCount: agg?.toolCount ?? 0, highestRisk: rank ? riskOrder[rank - 1] : null };
  });
}

/** Every server slug, in slug order, fetched `pageSize` at a time. */
export async function* iterateServerSlugs(db: Db, options: { pageSize?: number } = {}): AsyncGenerator<string> {
  const { pageSize = 1000 } = options;
  let after: string | undefined;
  for (;;) {
    const rows = await db.select({ slug: servers.slug }).from(servers)
      .where(after === undefined ? undefined : gt(servers.slug, after))
      .orderBy(asc(servers.slug)).limit(pageSize);
    for (const row of rows) yield row.slug;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].slug;
  }
}

/** Every (server slug, tool slug) of a current tool, in that order, `serversPerPage` servers at a time. */
export async function* iterateToolPaths(db: Db, options: { serversPerPage?: number } = {}): AsyncGenerator<ToolPath> {
  const { serversPerPage = 500 } = options;
  let after: string | undefined;
  for (;;) {
    const page = await db.select({ id: servers.id, slug: servers.slug }).from(servers)
      .where(after === undefined ? undefined : gt(servers.slug, after))
      .orderBy(asc(servers.slug)).limit(serversPerPage);
    if (!page.length) return;
    const rows = await db.select({ serverId: tools.serverId, slug: tools.slug }).from(tools)
      .where(and(inArray(tools.serverId, page.map((s) => s.id)), isCurrent))
      .orderBy(asc(tools.serverId), asc(tools.slug));
    const byServer = new Map<number, string[]>();
    for (const row of rows) {
      const list = byServer.get(row.serverId);
      if (list) list.push(row.slug);
      else byServer.set(row.serverId, [row.slug]);
    }
    for (const server of page) {
      for (const toolSlug of byServer.get(server.id) ?? []) yield { serverSlug: server.slug, toolSlug };
    }
    if (page.length < serversPerPage) return;
    after = page[page.length - 1].slug;
  }
}

/** A server by slug with its current tools (slug order) and their latest classifications. */
export async function getServerPage(db: Db, slug: string): Promise<ServerPage | undefined> {
  const { launch: _launch, ...columns } = getTableColumns(servers);
  const [server] = await db.select(columns).from(servers).where(eq(servers.slug, slug));
  if (!server) return undefined;
  const latest = latestClassification(db);
  const rows = await db.select({
    slug: tools.slug, name: tools.name, firstSeenAt: tools.firstSeenAt, lastSeenAt: tools.lastSeenAt,
    definition: toolVersions.definition, hash: toolVersions.hash, parseIssues: toolVersions.parseIssues,
    latest: latestFields(latest),
  }).from(tools)
    .innerJoin(toolVersions, eq(toolVersions.id, tools.currentVersionId))
    .leftJoinLateral(latest, sql`true`)
    .where(and(eq(tools.serverId, server.id), isNull(tools.removedAt)))
    .orderBy(asc(tools.slug));
  const list = rows.map(({ latest: c, definition, ...tool }) => ({
    ...tool,
    definition: definition as ToolDefinition,
    classification: c && c.category !== null ? (c as SiteClassification) : null,
  }));
  return { server, tools: list };
}

/** Picks one tool out of a server page; its siblings are the server's other tools. */
export function toolPageFrom(page: ServerPage, toolSlug: string): ToolPage | undefined {
  const tool = page.tools.find((t) => t.slug === toolSlug);
  if (!tool) return undefined;
  return { server: page.server, tool, siblings: page.tools.filter((t) => t !== tool) };
}

/** One tool page's data. Pages of one server share a query when the caller memoises getServerPage. */
export async function getToolPage(db: Db, serverSlug: string, toolSlug: string): Promise<ToolPage | undefined> {
  const page = await getServerPage(db, serverSlug);
  return page && toolPageFrom(page, toolSlug);
}

/** Counts for the home page: servers, current tools, and their latest classifications by category and risk. */
export async function getCatalogueCounts(db: Db): Promise<CatalogueCounts> {
  const [{ n: serverCount }] = await db.select({ n: count() }).from(servers);
  const latest = latestClassification(db);
  const rows = await db.select({ category: latest.category, risk: latest.risk, n: count() })
    .from(tools).leftJoinLateral(latest, sql`true`).where(isCurrent)
    .groupBy(latest.category, latest.risk);
  const counts: CatalogueCounts = { servers: serverCount, tools: 0, classified: 0, byCategory: {}, byRisk: {} };
  for (const { category, risk, n } of rows) {
    counts.tools += n;
    if (category === null || risk === null) continue;
    counts.classified += n;
    counts.byCategory[category] = (counts.byCategory[category] ?? 0) + n;
    counts.byRisk[risk] = (counts.byRisk[risk] ?? 0) + n;
  }
  return counts;
}

/** How many current tools each classifier version rated (their latest classification), most first. */
export async function ratedByVersion(db: Db): Promise<{ version: string; count: number }[]> {
  const latest = latestClassification(db);
  const rows = await db.select({ version: latest.classifierVersion, n: count() })
    .from(tools).innerJoinLateral(latest, sql`true`).where(isCurrent)
    .groupBy(latest.classifierVersion);
  return rows.map((r) => ({ version: r.version, count: r.n })).sort((a, b) => b.count - a.count || a.version.localeCompare(b.version));
}
