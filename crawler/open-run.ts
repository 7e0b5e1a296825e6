// Opening a crawl run, the same for the single-process crawl and for enqueuing: the run key from the options
// (so the same crawl resumes its unfinished run), the servers it already holds, and those still pending.
import type { Db } from '../db/client.ts';
import { normalizeText } from '../db/normalize-text.ts';
import { findUnfinishedRun, runSelection, startRun, type CrawlRun } from '../db/queries/crawl-runs.ts';
import type { ServerSource } from './sources/source.ts';

export interface OpenRunOptions {
  source: ServerSource;
  /** Identifies the sources' configuration in the run key. @default source.name */
  sourceLabel?: string;
  limit: number;
  runtimes?: string[];
  /** Resume the newest unfinished run with the same key. */
  resume: boolean;
  /** Run options that are part of the key (`{ queue: true }` keeps queued and single-process runs apart). @default {} */
  keyExtra?: Record<string, unknown>;
  /** Run options recorded but not part of the key. @default {} */
  recorded?: Record<string, unknown>;
}

export interface OpenedRun {
  run: CrawlRun;
  resumed: boolean;
  /** Every server the run selected before, with its attempt status. */
  earlier: Awaited<ReturnType<typeof runSelection>>;
  /** Their ids, to skip servers met again. */
  seen: Set<number>;
  /** Those whose attempt is still pending. */
  pending: Awaited<ReturnType<typeof runSelection>>;
}

export async function openRun(db: Db, options: OpenRunOptions): Promise<OpenedRun> {
  const { source, limit, runtimes, resume, keyExtra = {}, recorded = {} } = options;
  const sourceLabel = options.sourceLabel ?? source.name;
  const finite = Number.isFinite(limit) ? limit : null;
  const key = JSON.stringify({ source: sourceLabel, limit: finite, runtimes: runtimes ?? null, ...keyExtra });
  const previous = resume ? await findUnfinishedRun(db, key) : undefined;
  const run = previous ?? (await startRun(db, { key, source: source.name, sourceLabel, limit: finite, runtimes, ...keyExtra, ...recorded }));
  const earlier = previous ? await runSelection(db, run.id) : [];
  return { run, resumed: !!previous, earlier, seen: new Set(earlier.map((r) => r.serverId)), pending: earlier.filter((r) => r.status === 'pending') };
}

/** Why a source record could not be stored, safe to store and print itself (the driver's cause when drizzle wraps it). */
export function rejectionReason(sourceKey: string, error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return `${normalizeText(sourceKey.slice(0, 200))} could not be stored: ${normalizeText((cause instanceof Error ? cause.message : String(cause)).slice(0, 300))}`;
}
