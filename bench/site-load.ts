// Bulk writes for the site benchmark: the synthetic catalogue as multi-row INSERTs with ids assigned
// here (no RETURNING, no per-row round trips), and classification as classifyTools over batches of
// servers read back from the database, stored with multi-row INSERTs.
import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { serverContexts } from '../db/queries/classifications.ts';
import { currentTools } from '../db/queries/tool-listing.ts';
import { classifications, crawlAttempts, crawlRuns, servers, serverSources, tools, toolVersions } from '../db/schema.ts';
import type { ToolDefinition } from '../db/tool-definition.ts';
import { CLASSIFIER_VERSION, classifyTools } from '../classifier/classify.ts';
import type { SynthServer } from './site-data.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for every table here. */
const ROWS = 1000;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) await insert(rows.slice(i, i + ROWS));
}

/** Writes one chunk of synthetic servers with their sources, tools, versions and a crawl attempt each. */
export async function loadServers(db: Db, chunk: SynthServer[], runId: number): Promise<number> {
  await insertAll(chunk.map(({ tools: _tools, ...s }) => ({ ...s, status: 'active', version: s.packageVersion, lastListedAt: s.lastSeenAt })),
    (rows) => db.insert(servers).values(rows));
  await insertAll(chunk.flatMap((s) => [
    { serverId: s.id, source: 'registry', sourceKey: `${s.name}@${s.packageVersion ?? '1.0.0'}`, raw: { name: s.name }, fetchedAt: s.lastSeenAt },
    ...(s.runtime === 'npm' ? [{ serverId: s.id, source: 'npm', sourceKey: s.packageIdentifier!, raw: { name: s.packageIdentifier }, fetchedAt: s.lastSeenAt }] : []),
  ]), (rows) => db.insert(serverSources).values(rows));
  const toolRows = chunk.flatMap((s) => s.tools.map((t) => {
    const current = t.versions[t.versions.length - 1];
    return { id: t.id, serverId: s.id, name: t.name, slug: t.slug, currentVersionId: current.id, firstSeenAt: t.versions[0].firstSeenAt, lastSeenAt: current.lastSeenAt };
  }));
  await insertAll(toolRows, (rows) => db.insert(tools).values(rows));
  await insertAll(chunk.flatMap((s) => s.tools.flatMap((t) => t.versions.map((v) => ({
    id: v.id, toolId: t.id, hash: v.hash, definition: v.definition, observedVia: 'live', firstSeenAt: v.firstSeenAt, lastSeenAt: v.lastSeenAt,
  })))), (rows) => db.insert(toolVersions).values(rows));
  await insertAll(chunk.map((s) => ({
    runId, serverId: s.id, status: s.id % 23 === 0 ? 'timeout' : 'ok', errorKind: s.id % 23 === 0 ? 'timeout' : null,
    toolCount: s.tools.length, durationMs: 500 + (s.id % 2000), startedAt: s.lastSeenAt, finishedAt: s.lastSeenAt,
  })), (rows) => db.insert(crawlAttempts).values(rows));
  return toolRows.length;
}

export async function startBenchRun(db: Db): Promise<number> {
  const [run] = await db.insert(crawlRuns).values({ options: { key: 'bench' }, status: 'completed' }).returning({ id: crawlRuns.id });
  return run.id;
}

/** Moves the id sequences past the ids assigned by loadServers. */
export async function fixSequences(db: Db): Promise<void> {
  for (const table of ['servers', 'tools', 'tool_versions']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 1))`));
  }
}

/** Classifies every current tool with classifyTools, `batch` servers at a time, stored with multi-row INSERTs. */
export async function classifyBulk(db: Db, options: { batch?: number; onProgress?: (servers: number, tools: number) => void } = {}): Promise<number> {
  const { batch = 250, onProgress } = options;
  let after = 0;
  let done = 0;
  let servedServers = 0;
  for (;;) {
    const ids = (await db.select({ id: servers.id }).from(servers).where(gt(servers.id, after)).orderBy(asc(servers.id)).limit(batch)).map((r) => r.id);
    if (!ids.length) return done;
    const [contexts, rows] = await Promise.all([serverContexts(db, ids), currentTools(db, ids)]);
    const values = [];
    for (const server of contexts) {
      const serverRows = rows.filter((r) => r.serverId === server.id);
      const verdicts = classifyTools({ name: server.title ?? server.name, description: server.description ?? undefined, tools: serverRows.map((r) => r.definition as ToolDefinition) });
      for (const [k, row] of serverRows.entries()) {
        const v = verdicts[k];
        values.push({
          toolVersionId: row.versionId, classifierVersion: CLASSIFIER_VERSION, method: 'heuristic', category: v.category, risk: v.risk,
          confidence: v.confidence, rationale: v.rationale, evidence: v.evidence, findings: v.findings, policy: v.policy,
        });
      }
    }
    await insertAll(values, (chunk) => db.insert(classifications).values(chunk).onConflictDoNothing());
    done += values.length;
    servedServers += ids.length;
    onProgress?.(servedServers, done);
    after = ids[ids.length - 1];
  }
}
