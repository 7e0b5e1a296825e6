// Crawl attempts as `mcp-risk attempts` shows them: one row per attempt of a run, with the server, what ran and why
// it ended as it did.
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { crawlAttempts, crawlRuns, servers } from '../schema.ts';

export interface AttemptFilter {
  /** A run id. @default the newest run */
  runId?: number;
  /** Only these statuses. @default all */
  statuses?: string[];
  /** Servers whose registry name or package contains this text (case-insensitive). @default all */
  server?: string;
}

export interface AttemptRow {
  runId: number;
  server: string;
  packageIdentifier: string | null;
  declaredVersion: string | null;
  listedVersion: string | null;
  entryPoint: string | null;
  commandLine: string | null;
  networkMode: string | null;
  status: string;
  errorKind: string | null;
  error: string | null;
  evidence: string | null;
  /** The cause in words (details.cause), when a diagnosis gave one. */
  cause: string | null;
  toolCount: number | null;
  durationMs: number | null;
  finishedAt: Date | null;
}

/** The newest run's id, or undefined when nothing was crawled yet. */
export async function newestRunId(db: Db): Promise<number | undefined> {
  const [run] = await db.select({ id: crawlRuns.id }).from(crawlRuns).orderBy(desc(crawlRuns.id)).limit(1);
  return run?.id;
}

/** The attempts of one run in the order they were selected. */
export async function listAttempts(db: Db, runId: number, filter: Omit<AttemptFilter, 'runId'> = {}): Promise<AttemptRow[]> {
  const where: SQL[] = [eq(crawlAttempts.runId, runId)];
  if (filter.statuses?.length) where.push(inArray(crawlAttempts.status, filter.statuses));
  if (filter.server) {
    const like = `%${filter.server.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(servers.name, like), ilike(servers.packageIdentifier, like))!);
  }
  return db.select({
    runId: crawlAttempts.runId, server: servers.name, packageIdentifier: servers.packageIdentifier,
    declaredVersion: crawlAttempts.declaredVersion, listedVersion: crawlAttempts.listedVersion,
    entryPoint: crawlAttempts.entryPoint, commandLine: crawlAttempts.commandLine, networkMode: crawlAttempts.networkMode,
    status: crawlAttempts.status, errorKind: crawlAttempts.errorKind, error: crawlAttempts.error, evidence: crawlAttempts.evidence,
    cause: sql<string | null>`${crawlAttempts.details}->>'cause'`,
    toolCount: crawlAttempts.toolCount, durationMs: crawlAttempts.durationMs, finishedAt: crawlAttempts.finishedAt,
  }).from(crawlAttempts).innerJoin(servers, eq(servers.id, crawlAttempts.serverId))
    .where(and(...where)).orderBy(crawlAttempts.id);
}
