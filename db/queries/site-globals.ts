// Catalogue-wide facts the site build reads once before its pass over the servers: tools that share
// a name across servers, and each server's latest crawl attempt. Each result is
// one row per distinct name or per server, never per tool.
import { and, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { crawlAttempts, servers, tools } from '../schema.ts';

/** Other servers' tools with one name: how many servers have it, and the first few (server slug order). */
export interface SameNameEntry { count: number; refs: { server: string; tool: string }[] }

export interface LastAttempt {
  status: string;
  errorKind: string | null;
  toolCount: number | null;
  durationMs: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** The error's message, the line that proves the status, and the cause in words (details.cause). */
  error: string | null;
  evidence: string | null;
  cause: string | null;
  /** crashed | timeout | protocol_error: how the process failed under a diagnosis (details.failure). */
  failure: string | null;
  declaredVersion: string | null;
  listedVersion: string | null;
  entryPoint: string | null;
  networkMode: string | null;
}

const SEP = '\u001f';

/** One distinct current tool name: on how many servers, and the first few (server slug order). */
export interface ToolNameGroup { name: string; count: number; refs: { server: string; tool: string }[] }

/** Every distinct current tool name with its server count and up to `maxRefs` (server, tool) slugs: one row per name. */
export async function toolNameGroups(db: Db, options: { maxRefs?: number } = {}): Promise<ToolNameGroup[]> {
  const { maxRefs = 9 } = options;
  const rows = await db.select({
    name: tools.name,
    count: sql<number>`count(*)::int`,
    refs: sql<string[]>`(array_agg(${servers.slug} || ${SEP} || ${tools.slug} order by ${servers.slug}))[1:${sql.raw(String(Math.max(1, Math.floor(maxRefs))))}]`,
  }).from(tools).innerJoin(servers, eq(servers.id, tools.serverId))
    .where(and(isNull(tools.removedAt), isNotNull(tools.currentVersionId)))
    .groupBy(tools.name);
  return rows.map((r) => ({
    name: r.name, count: Number(r.count),
    refs: (r.refs ?? []).map((ref) => { const [server, tool] = ref.split(SEP); return { server, tool }; }),
  }));
}

/** The newest crawl attempt of every server that has one, by server id. */
export async function lastAttempts(db: Db): Promise<Map<number, LastAttempt>> {
  const rows = await db.selectDistinctOn([crawlAttempts.serverId], {
    serverId: crawlAttempts.serverId, status: crawlAttempts.status, errorKind: crawlAttempts.errorKind,
    toolCount: crawlAttempts.toolCount, durationMs: crawlAttempts.durationMs,
    startedAt: crawlAttempts.startedAt, finishedAt: crawlAttempts.finishedAt,
    error: crawlAttempts.error, evidence: crawlAttempts.evidence,
    cause: sql<string | null>`${crawlAttempts.details}->>'cause'`, failure: sql<string | null>`${crawlAttempts.details}->>'failure'`,
    declaredVersion: crawlAttempts.declaredVersion, listedVersion: crawlAttempts.listedVersion,
    entryPoint: crawlAttempts.entryPoint, networkMode: crawlAttempts.networkMode,
  }).from(crawlAttempts)
    .where(sql`${crawlAttempts.status} <> 'pending'`)
    .orderBy(crawlAttempts.serverId, desc(crawlAttempts.startedAt), desc(crawlAttempts.id));
  return new Map(rows.map(({ serverId, ...attempt }) => [serverId, attempt]));
}
