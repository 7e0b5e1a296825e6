// Reads and writes of the LLM review stage: the review cache (llm_reviews) and which current tool
// versions already carry a classification by the LLM-reviewed classifier version.
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { classifications, llmReviews, tools } from '../schema.ts';

/** What a cached review is keyed by, besides the definition hash. */
export interface ReviewKey { classifierVersion: string; model: string; promptVersion: string }

/** Cached responses for these definition hashes, by hash. */
export async function cachedReviews(db: Db, hashes: string[], key: ReviewKey): Promise<Map<string, unknown>> {
  if (!hashes.length) return new Map();
  const rows = await db.select({ hash: llmReviews.hash, response: llmReviews.response }).from(llmReviews)
    .where(and(inArray(llmReviews.hash, [...new Set(hashes)]), eq(llmReviews.classifierVersion, key.classifierVersion),
      eq(llmReviews.model, key.model), eq(llmReviews.promptVersion, key.promptVersion)));
  return new Map(rows.map((r) => [r.hash, r.response]));
}

/** Stores one validated response (a later answer for the same key replaces it). */
export async function saveReview(db: Db, hash: string, key: ReviewKey, response: unknown): Promise<void> {
  await db.insert(llmReviews).values({ hash, ...key, response: response as object })
    .onConflictDoUpdate({
      target: [llmReviews.hash, llmReviews.classifierVersion, llmReviews.model, llmReviews.promptVersion],
      set: { response: response as object, createdAt: new Date() },
    });
}

/** Which classifications under `classifierVersion` count as done for an LLM run. */
export interface ReviewedFilter {
  /** The LLM-reviewed classifier version, e.g. `heuristic-3+llm-p1`. */
  classifierVersion: string;
  model: string;
  /** Also count rows the heuristics settled without the LLM (`--llm auto`). */
  includeSkipped: boolean;
}

/** Done: reviewed by this model, or (auto) settled by confident heuristics. Failed reviews are not done. */
function done(f: ReviewedFilter): SQL {
  const reviewed = and(eq(classifications.method, 'llm'), eq(classifications.model, f.model))!;
  const skipped = and(eq(classifications.method, 'heuristic'), isNull(classifications.model))!;
  return and(eq(classifications.classifierVersion, f.classifierVersion), f.includeSkipped ? or(reviewed, skipped)! : reviewed)!;
}

/** Ids of servers with a current tool version that is not done for this LLM run. */
export async function serversNeedingReview(db: Db, f: ReviewedFilter): Promise<number[]> {
  const rows = await db.selectDistinct({ id: tools.serverId }).from(tools)
    .leftJoin(classifications, and(eq(classifications.toolVersionId, tools.currentVersionId), done(f)))
    .where(and(isNull(tools.removedAt), sql`${tools.currentVersionId} is not null`, isNull(classifications.id)))
    .orderBy(tools.serverId);
  return rows.map((r) => r.id);
}

/** Of the given tool versions, those done for this LLM run. */
export async function reviewedVersionIds(db: Db, toolVersionIds: number[], f: ReviewedFilter): Promise<Set<number>> {
  if (!toolVersionIds.length) return new Set();
  const rows = await db.select({ id: classifications.toolVersionId }).from(classifications)
    .where(and(inArray(classifications.toolVersionId, toolVersionIds), done(f)));
  return new Set(rows.map((r) => r.id));
}
