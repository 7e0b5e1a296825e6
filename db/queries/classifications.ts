// Reads and writes of the classification stage.
import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { normalizeJson, normalizeText } from '../normalize-text.ts';
import { classifications, servers, tools, toolVersions } from '../schema.ts';
import type { ToolDefinition } from '../tool-definition.ts';

export interface StoredClassification {
  category: string;
  risk: string;
  confidence: number;
  rationale: string;
  evidence: string[];
  findings: unknown[];
  policy: unknown;
}

export interface ClassificationMeta {
  classifierVersion: string;
  method: 'heuristic' | 'llm';
  model?: string | null;
  promptVersion?: string | null;
}

/** Done by this version: it stored the row, or re-ran and confirmed an older row's verdict. */
const doneBy = (classifierVersion: string) => or(eq(classifications.classifierVersion, classifierVersion), eq(classifications.confirmedBy, classifierVersion));

/** Ids of servers with a current tool version that this classifier version has neither classified nor confirmed. */
export async function serversNeedingClassification(db: Db, classifierVersion: string): Promise<number[]> {
  const rows = await db.selectDistinct({ id: tools.serverId }).from(tools)
    .leftJoin(classifications, and(
      eq(classifications.toolVersionId, tools.currentVersionId),
      doneBy(classifierVersion)))
    .where(and(isNull(tools.removedAt), sql`${tools.currentVersionId} is not null`, isNull(classifications.id)))
    .orderBy(tools.serverId);
  return rows.map((r) => r.id);
}

export async function serverContexts(db: Db, serverIds: number[]) {
  if (!serverIds.length) return [];
  return db.select({ id: servers.id, name: servers.name, title: servers.title, description: servers.description })
    .from(servers).where(inArray(servers.id, serverIds)).orderBy(servers.id);
}

/**
 * Stores one classification per tool version and classifier version (re-running overwrites it). Its texts quote
 * crawled definitions, so they are normalized (db/normalize-text.ts) like the definitions themselves.
 */
export async function saveClassification(db: Db, toolVersionId: number, c: StoredClassification, meta: ClassificationMeta): Promise<void> {
  const values = {
    method: meta.method, model: meta.model ?? null, promptVersion: meta.promptVersion ?? null,
    category: c.category, risk: c.risk, confidence: c.confidence, rationale: normalizeText(c.rationale),
    evidence: normalizeJson(c.evidence), findings: normalizeJson(c.findings), policy: normalizeJson(c.policy) as object, createdAt: new Date(),
  };
  await db.insert(classifications)
    .values({ toolVersionId, classifierVersion: meta.classifierVersion, ...values })
    .onConflictDoUpdate({ target: [classifications.toolVersionId, classifications.classifierVersion], set: values });
}

/** Of the given tool versions, those already classified (or confirmed) by this classifier version. */
export async function classifiedVersionIds(db: Db, toolVersionIds: number[], classifierVersion: string): Promise<Set<number>> {
  if (!toolVersionIds.length) return new Set();
  const rows = await db.select({ id: classifications.toolVersionId }).from(classifications)
    .where(and(inArray(classifications.toolVersionId, toolVersionIds), doneBy(classifierVersion)));
  return new Set(rows.map((r) => r.id));
}

export interface LatestVerdict extends StoredClassification { id: number }

/**
 * The newest heuristic classification of each tool version (any classifier version), to compare a new
 * version's verdict with: an equal one is confirmed rather than stored again.
 */
export async function latestHeuristicVerdicts(db: Db, toolVersionIds: number[]): Promise<Map<number, LatestVerdict>> {
  if (!toolVersionIds.length) return new Map();
  const rows = await db.selectDistinctOn([classifications.toolVersionId], {
    toolVersionId: classifications.toolVersionId, id: classifications.id, category: classifications.category, risk: classifications.risk,
    confidence: classifications.confidence, rationale: classifications.rationale, evidence: classifications.evidence,
    findings: classifications.findings, policy: classifications.policy,
  }).from(classifications)
    .where(and(inArray(classifications.toolVersionId, toolVersionIds), eq(classifications.method, 'heuristic')))
    .orderBy(classifications.toolVersionId, desc(classifications.createdAt), desc(classifications.id));
  return new Map(rows.map(({ toolVersionId, ...v }) => [toolVersionId, v as LatestVerdict]));
}

/** Marks stored classifications as re-checked, unchanged, by this classifier version. */
export async function confirmClassifications(db: Db, ids: number[], classifierVersion: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db.update(classifications).set({ confirmedBy: classifierVersion, confirmedAt: new Date() })
      .where(inArray(classifications.id, ids.slice(i, i + 1000)));
  }
}

/** Ids of every server with at least one current tool. */
export async function serversWithTools(db: Db): Promise<number[]> {
  const rows = await db.selectDistinct({ id: tools.serverId }).from(tools).where(isNull(tools.removedAt)).orderBy(tools.serverId);
  return rows.map((r) => r.id);
}

/**
 * For each current tool of these servers that changed, the definition it had before (the newest
 * version other than the current one), keyed by `${serverId}/${toolName}`: for drift findings.
 */
export async function previousDefinitions(db: Db, serverIds: number[]): Promise<Map<string, ToolDefinition>> {
  if (!serverIds.length) return new Map();
  const rows = await db.selectDistinctOn([toolVersions.toolId], { serverId: tools.serverId, name: tools.name, definition: toolVersions.definition })
    .from(toolVersions).innerJoin(tools, eq(tools.id, toolVersions.toolId))
    .where(and(inArray(tools.serverId, serverIds), ne(toolVersions.id, sql`coalesce(${tools.currentVersionId}, -1)`)))
    .orderBy(toolVersions.toolId, desc(toolVersions.lastSeenAt), desc(toolVersions.id));
  return new Map(rows.map((r) => [`${r.serverId}/${r.name}`, r.definition as ToolDefinition]));
}
