// The classification stage over the database: every current tool version without a classification
// by this classifier version is classified, reading each tool among its server's siblings.
import type { Db } from '../db/client.ts';
import {
  classifiedVersionIds, saveClassification, serverContexts, serversNeedingClassification, serversWithTools,
} from '../db/queries/classifications.ts';
import { currentTools } from '../db/queries/tool-listing.ts';
import type { ToolDefinition } from '../db/tool-definition.ts';
import { CLASSIFIER_VERSION, classifyTools } from './classify.ts';

export interface ClassifyDbOptions {
  /** Servers read per batch. @default 100 */
  batchSize?: number;
  /** Reclassify every current tool version, not only those lacking a classification. @default false */
  all?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ClassifyDbResult { servers: number; classified: number; unchanged: number; durationMs: number }

export async function classifyDatabase(db: Db, options: ClassifyDbOptions = {}): Promise<ClassifyDbResult> {
  const { batchSize = 100, all = false, onProgress } = options;
  const started = Date.now();
  const ids = all ? await serversWithTools(db) : await serversNeedingClassification(db, CLASSIFIER_VERSION);
  const result: ClassifyDbResult = { servers: ids.length, classified: 0, unchanged: 0, durationMs: 0 };
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const contexts = await serverContexts(db, batch);
    const rows = await currentTools(db, batch);
    const done = all ? new Set<number>() : await classifiedVersionIds(db, rows.map((r) => r.versionId), CLASSIFIER_VERSION);
    for (const server of contexts) {
      const serverRows = rows.filter((r) => r.serverId === server.id);
      const tools = serverRows.map((r) => r.definition as ToolDefinition);
      const verdicts = classifyTools({ name: server.title ?? server.name, description: server.description ?? undefined, tools });
      for (const [k, row] of serverRows.entries()) {
        if (done.has(row.versionId)) { result.unchanged++; continue; }
        await saveClassification(db, row.versionId, verdicts[k], { classifierVersion: CLASSIFIER_VERSION, method: 'heuristic' });
        result.classified++;
      }
    }
    onProgress?.(Math.min(i + batchSize, ids.length), ids.length);
  }
  result.durationMs = Date.now() - started;
  return result;
}
