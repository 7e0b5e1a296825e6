// Crawl runs and their per-server attempts: what makes a killed run resumable.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { normalizeJson, normalizeText } from '../normalize-text.ts';
import { crawlAttempts, crawlRuns, servers } from '../schema.ts';

export type CrawlRun = typeof crawlRuns.$inferSelect;

export async function startRun(db: Db, options: Record<string, unknown>): Promise<CrawlRun> {
  const [run] = await db.insert(crawlRuns).values({ options }).returning();
  return run;
}

/**
 * The newest run with the same options key that did not complete (killed while `running`, or
 * `failed` on a source error), marked running again for resuming; undefined when there is none.
 */
export async function findUnfinishedRun(db: Db, optionsKey: string): Promise<CrawlRun | undefined> {
  const [newest] = await db.select().from(crawlRuns)
    .where(sql`${crawlRuns.options}->>'key' = ${optionsKey}`)
    .orderBy(desc(crawlRuns.id)).limit(1);
  if (!newest || newest.status === 'completed') return undefined;
  if (newest.status !== 'running') await db.update(crawlRuns).set({ status: 'running', finishedAt: null }).where(eq(crawlRuns.id, newest.id));
  return { ...newest, status: 'running' };
}

export async function saveCheckpoint(db: Db, runId: number, checkpoint: unknown): Promise<void> {
  await db.update(crawlRuns).set({ checkpoint: checkpoint as object }).where(eq(crawlRuns.id, runId));
}

export async function finishRun(db: Db, runId: number, status: 'completed' | 'failed', summary: unknown): Promise<void> {
  await db.update(crawlRuns).set({ status, summary: normalizeJson(summary) as object, finishedAt: new Date() }).where(eq(crawlRuns.id, runId));
}

export interface AttemptOutcome {
  status: string;
  errorKind?: string | null;
  error?: string | null;
  toolCount?: number | null;
  durationMs?: number | null;
  details?: Record<string, unknown> | null;
  evidence?: string | null;
  declaredVersion?: string | null;
  listedVersion?: string | null;
  entryPoint?: string | null;
  commandLine?: string | null;
  networkMode?: string | null;
}

/** Text made storable (db/normalize-text.ts) and cut to `max` characters, or null. */
const text = (value: string | null | undefined, max = 4000) => (value ? normalizeText(value.slice(0, max)) : null);

/**
 * Records (or overwrites) the attempt of one server within a run. Every text and the details are normalized first:
 * an error message quoting a server's NUL or lone surrogate is stored (with U+2400 / U+FFFD) instead of refused.
 */
export async function recordAttempt(db: Db, runId: number, serverId: number, outcome: AttemptOutcome): Promise<void> {
  const values = {
    status: normalizeText(outcome.status),
    errorKind: text(outcome.errorKind),
    error: text(outcome.error),
    toolCount: outcome.toolCount ?? null,
    durationMs: outcome.durationMs ?? null,
    details: outcome.details ? normalizeJson(outcome.details) : null,
    evidence: text(outcome.evidence, 1000),
    declaredVersion: text(outcome.declaredVersion),
    listedVersion: text(outcome.listedVersion),
    entryPoint: text(outcome.entryPoint),
    commandLine: text(outcome.commandLine),
    networkMode: outcome.networkMode ?? null,
    finishedAt: outcome.status === 'pending' ? null : new Date(),
  };
  await db.insert(crawlAttempts).values({ runId, serverId, ...values })
    .onConflictDoUpdate({ target: [crawlAttempts.runId, crawlAttempts.serverId], set: values });
}

/** Ids of servers whose attempt in this run has finished (any status but pending). */
export async function finishedServerIds(db: Db, runId: number): Promise<Set<number>> {
  const rows = await db.select({ serverId: crawlAttempts.serverId }).from(crawlAttempts)
    .where(and(eq(crawlAttempts.runId, runId), sql`${crawlAttempts.status} <> 'pending'`));
  return new Set(rows.map((r) => r.serverId));
}

/** Every server selected in this run, with whether its attempt is still pending, in selection order. */
export async function runSelection(db: Db, runId: number) {
  return db.select({ serverId: crawlAttempts.serverId, status: crawlAttempts.status, name: servers.name, launch: servers.launch })
    .from(crawlAttempts).innerJoin(servers, eq(servers.id, crawlAttempts.serverId))
    .where(eq(crawlAttempts.runId, runId)).orderBy(crawlAttempts.id);
}

export async function attemptCounts(db: Db, runId: number): Promise<Record<string, number>> {
  const rows = await db.select({ status: crawlAttempts.status, n: sql<number>`count(*)::int` })
    .from(crawlAttempts).where(eq(crawlAttempts.runId, runId)).groupBy(crawlAttempts.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** When the newest completed run over the given source label started (for `updated_since`). */
export async function lastCompletedRunStart(db: Db, sourceLabel: string): Promise<Date | undefined> {
  const [run] = await db.select({ startedAt: crawlRuns.startedAt }).from(crawlRuns)
    .where(and(eq(crawlRuns.status, 'completed'), sql`${crawlRuns.options}->>'sourceLabel' = ${sourceLabel}`))
    .orderBy(desc(crawlRuns.id)).limit(1);
  return run?.startedAt;
}
