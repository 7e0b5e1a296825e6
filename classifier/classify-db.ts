// The classification stage over the database: every current tool version without a classification
// by this classifier version is classified, reading each tool among its server's siblings. With an
// LLM reviewer, the selected tools are then reviewed and stored again under LLM_CLASSIFIER_VERSION
// (method 'llm', or 'heuristic' when the heuristics settled it or the review failed), so the newest
// classification of each tool version, which the site and stats read, is the reviewed one.
import type { Db } from '../db/client.ts';
import {
  classifiedVersionIds, saveClassification, serverContexts, serversNeedingClassification, serversWithTools, previousDefinitions,
} from '../db/queries/classifications.ts';
import { catalogueToolNames } from '../db/queries/catalogue.ts';
import { reviewedVersionIds, serversNeedingReview, type ReviewedFilter } from '../db/queries/llm-reviews.ts';
import { currentTools } from '../db/queries/tool-listing.ts';
import type { ToolDefinition } from '../db/tool-definition.ts';
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
}

export interface ClassifyDbResult {
  servers: number;
  classified: number;
  unchanged: number;
  durationMs: number;
  /** With an LLM reviewer: its counts, and how many rows were stored under LLM_CLASSIFIER_VERSION. */
  llm?: LlmRunStats & { model: string; mode: string; stored: number };
}

export async function classifyDatabase(db: Db, options: ClassifyDbOptions = {}): Promise<ClassifyDbResult> {
  const { batchSize = 100, all = false, onProgress, llm } = options;
  const started = Date.now();
  const filter: ReviewedFilter | undefined = llm && { classifierVersion: LLM_CLASSIFIER_VERSION, model: llm.model, includeSkipped: llm.mode === 'auto' };
  const ids = all ? await serversWithTools(db) : await serversToVisit(db, filter);
  const result: ClassifyDbResult = { servers: ids.length, classified: 0, unchanged: 0, durationMs: 0 };
  // every tool name of the catalogue, to judge shadowing across servers
  const catalogue = ids.length ? buildCatalogue(await catalogueToolNames(db)) : undefined;
  let stored = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const contexts = await serverContexts(db, batch);
    const rows = await currentTools(db, batch);
    const before = await previousDefinitions(db, batch);
    const versionIds = rows.map((r) => r.versionId);
    const done = all ? new Set<number>() : await classifiedVersionIds(db, versionIds, CLASSIFIER_VERSION);
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
        await saveClassification(db, row.versionId, verdicts[k], { classifierVersion: CLASSIFIER_VERSION, method: 'heuristic' });
        result.classified++;
      }
      const include = serverRows.map((r) => !reviewed.has(r.versionId));
      if (llm && include.some(Boolean)) {
        reviews.push(llm.reviewServer(ctx, verdicts, { hashes: serverRows.map((r) => r.hash), include })
          .then((outcomes) => outcomes.flatMap((outcome, k) => (outcome ? [{ versionId: serverRows[k].versionId, outcome }] : []))));
      }
    }
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

/** Servers with a tool version lacking a heuristic classification, or (with an LLM) a finished review. */
async function serversToVisit(db: Db, filter: ReviewedFilter | undefined): Promise<number[]> {
  const ids = await serversNeedingClassification(db, CLASSIFIER_VERSION);
  if (!filter) return ids;
  const more = await serversNeedingReview(db, filter);
  return [...new Set([...ids, ...more])].sort((a, b) => a - b);
}
