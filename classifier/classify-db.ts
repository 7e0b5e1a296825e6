// The classification stage over the database: every current tool version without a classification
// by this classifier version is classified, reading each tool among its server's siblings. With an
// LLM reviewer, the selected tools are then reviewed and stored again under LLM_CLASSIFIER_VERSION
// (method 'llm', or 'heuristic' when the heuristics settled it or the review failed), so the newest
// classification of each tool version, which the site and stats read, is the reviewed one.
import type { Db } from '../db/client.ts';
import {
  classifiedVersionIds, confirmClassifications, latestHeuristicVerdicts, saveClassification, serverContexts, serversNeedingClassification,
  serversWithTools, previousDefinitions, type StoredClassification,
} from '../db/queries/classifications.ts';
import { catalogueToolNames } from '../db/queries/catalogue.ts';
import { reviewedVersionIds, serversNeedingReview, type ReviewedFilter } from '../db/queries/llm-reviews.ts';
import { currentTools } from '../db/queries/tool-listing.ts';
import { canonicalJson, type ToolDefinition } from '../db/tool-definition.ts';
import type { ToolClassification } from './types.ts';
import { buildCatalogue } from './catalogue.ts';
import { CLASSIFIER_VERSION, classifyTools } from './classify.ts';
import { PROMPT_VERSION } from './llm/prompt.ts';
import { LLM_CLASSIFIER_VERSION, type LlmReviewer, type LlmRunStats, type ReviewOutcome } from './llm/review.ts';
import { sleep } from './llm/retry.ts';

export interface ClassifyDbOptions {
  /** Servers read per batch. @default 100 */
  batchSize?: number;
  /** Reclassify every current tool version, not only those lacking a classification. @default false */
  all?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Reviews the heuristic verdicts with an LLM (classifier/llm/setup.ts). @default undefined: heuristics only */
  llm?: LlmReviewer;
  /**
   * The version stored with new verdicts. A version that reaches the verdict an older one stored writes no new
   * row; it marks the old one confirmed. @default CLASSIFIER_VERSION (tests and benchmarks pass another to act as a new version)
   */
  classifierVersion?: string;
}

export interface ClassifyDbResult {
  servers: number;
  /** New rows stored: the tool version had no verdict yet, or this version's verdict differs from the last one. */
  classified: number;
  /** Re-checked by this version with the same verdict as the last stored one: marked confirmed, nothing stored. */
  confirmed: number;
  /** Already done by this version (classified or confirmed): not looked at again. */
  unchanged: number;
  durationMs: number;
  /** With an LLM reviewer: its counts, and how many rows were stored under LLM_CLASSIFIER_VERSION. */
  llm?: LlmRunStats & { model: string; mode: string; stored: number };
}

export async function classifyDatabase(db: Db, options: ClassifyDbOptions = {}): Promise<ClassifyDbResult> {
  const { batchSize = 100, all = false, onProgress, llm, classifierVersion: version = CLASSIFIER_VERSION } = options;
  const started = Date.now();
  const filter: ReviewedFilter | undefined = llm && { classifierVersion: LLM_CLASSIFIER_VERSION, model: llm.model, includeSkipped: llm.mode === 'auto' };
  const ids = all ? await serversWithTools(db) : await serversToVisit(db, filter, version);
  const result: ClassifyDbResult = { servers: ids.length, classified: 0, confirmed: 0, unchanged: 0, durationMs: 0 };
  // every tool name of the catalogue, to judge shadowing across servers
  const catalogue = ids.length ? buildCatalogue(await catalogueToolNames(db)) : undefined;
  let stored = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const contexts = await serverContexts(db, batch);
    const rows = await currentTools(db, batch);
    const before = await previousDefinitions(db, batch);
    const versionIds = rows.map((r) => r.versionId);
    const done = all ? new Set<number>() : await classifiedVersionIds(db, versionIds, version);
    const last = await latestHeuristicVerdicts(db, versionIds.filter((id) => !done.has(id)));
    const confirm: number[] = [];
    const reviewed = all || !filter ? new Set<number>() : await reviewedVersionIds(db, versionIds, filter);
    const reviews: Promise<{ versionId: number; outcome: ReviewOutcome }[]>[] = [];
    for (const server of contexts) {
      const serverRows = rows.filter((r) => r.serverId === server.id);
      const ctx = { name: server.title ?? server.name, description: server.description ?? undefined, tools: serverRows.map((r) => r.definition as ToolDefinition) };
      const previous = new Map(serverRows.flatMap((r) => {
        const old = before.get(`${server.id}/${r.name}`);
        return old ? [[r.name, old] as const] : [];
      }));
      const verdicts = classifyTools(ctx, { previous, catalogue });
      for (const [k, row] of serverRows.entries()) {
        if (done.has(row.versionId)) { result.unchanged++; continue; }
        const before = last.get(row.versionId);
        if (before && sameVerdict(before, verdicts[k])) {
          confirm.push(before.id);
          result.confirmed++;
          continue;
        }
        await saveClassification(db, row.versionId, verdicts[k], { classifierVersion: version, method: 'heuristic' });
        result.classified++;
      }
      const include = serverRows.map((r) => !reviewed.has(r.versionId));
      if (llm && include.some(Boolean)) {
        reviews.push(llm.reviewServer(ctx, verdicts, { hashes: serverRows.map((r) => r.hash), include })
          .then((outcomes) => outcomes.flatMap((outcome, k) => (outcome ? [{ versionId: serverRows[k].versionId, outcome }] : []))));
      }
    }
    await confirmClassifications(db, confirm, version);
    const heuristicsSavedAt = Date.now();
    const outcomes = (await Promise.all(reviews)).flat();
    if (Date.now() <= heuristicsSavedAt) await sleep(2); // reviewed rows must be strictly newer
    for (const { versionId, outcome } of outcomes) {
      if (outcome.status === 'capped') continue; // retried by the next run
      await saveClassification(db, versionId, outcome.classification, {
        classifierVersion: LLM_CLASSIFIER_VERSION, method: outcome.method, promptVersion: PROMPT_VERSION,
        model: outcome.status === 'skipped' ? null : llm!.model,
      });
      stored++;
    }
    onProgress?.(Math.min(i + batchSize, ids.length), ids.length);
  }
  if (llm) result.llm = { ...llm.stats(), model: llm.model, mode: llm.mode, stored };
  result.durationMs = Date.now() - started;
  return result;
}

/** Whether a new verdict says exactly what a stored one says (JSON compared in canonical form: jsonb reorders keys). */
function sameVerdict(stored: StoredClassification, fresh: ToolClassification): boolean {
  return stored.category === fresh.category && stored.risk === fresh.risk && stored.confidence === fresh.confidence
    && stored.rationale === fresh.rationale && canonicalJson(stored.evidence) === canonicalJson(fresh.evidence)
    && canonicalJson(stored.findings) === canonicalJson(fresh.findings) && canonicalJson(stored.policy) === canonicalJson(fresh.policy);
}

/** Servers with a tool version lacking a heuristic classification, or (with an LLM) a finished review. */
async function serversToVisit(db: Db, filter: ReviewedFilter | undefined, version: string): Promise<number[]> {
  const ids = await serversNeedingClassification(db, version);
  if (!filter) return ids;
  const more = await serversNeedingReview(db, filter);
  return [...new Set([...ids, ...more])].sort((a, b) => a - b);
}
