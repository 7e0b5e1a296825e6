// One server's attempt within a run, start to finish: list it (attemptServer), store its tools, record the
// attempt row. A plain function of (database, run, server, options), so that a job queue can run it as one job.
// Whatever the server sent, the row ends final: a tool the database refuses costs that tool (details.storeFailures),
// a listing it refuses costs this attempt (store_failed), and an attempt that cannot be recorded as it is is
// recorded again with its status and error alone.
import type { Db } from '../db/client.ts';
import { recordAttempt } from '../db/queries/crawl-runs.ts';
import { recordToolListing } from '../db/queries/tool-listing.ts';
import { attemptServer, type AttemptOptions, type AttemptResult } from './attempt-server.ts';
import type { Launch } from './launch.ts';

export interface AttemptTarget {
  /** servers.id */
  id: number;
  name: string;
  launch: Launch | null | undefined;
}

/**
 * What was recorded in crawl_attempts, plus the counts a progress line shows, and whether trying again may help:
 * the failure's error class says so (crawler/errors.ts, attempt-errors.ts, install-error.ts), and a listing that
 * could not be stored (the database, not the server, failed) may too.
 */
export type RecordedAttempt = Omit<AttemptResult, 'tools' | 'issues' | 'failure'> & { toolCount: number; durationMs: number; retryable: boolean };

const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export async function runAttempt(db: Db, runId: number, server: AttemptTarget, options: AttemptOptions): Promise<RecordedAttempt> {
  const t0 = Date.now();
  let result: AttemptResult;
  try {
    result = await attemptServer(server.launch, options);
  } catch (error) {
    result = { status: 'crashed', errorKind: 'E_ATTEMPT', error: `the attempt failed unexpectedly: ${message(error)}` };
  }
  let stored = result.tools?.length ?? 0;
  if (result.tools) {
    try {
      const listing = await recordToolListing(db, server.id, result.tools, { issues: result.issues, declaredVersion: result.declaredVersion, listedVersion: result.listedVersion });
      stored -= listing.failed.length;
      if (listing.failed.length) result = { ...result, details: { ...result.details, storeFailures: listing.failed.slice(0, 50) } };
      if (listing.failed.length && stored === 0) {
        result = { ...result, status: 'store_failed', errorKind: 'E_STORE', error: `no tool could be stored: ${listing.failed[0].tool.slice(0, 100)}: ${listing.failed[0].reason}` };
      }
    } catch (error) {
      result = { ...result, status: 'store_failed', errorKind: 'E_STORE', error: `listing could not be stored: ${(error as Error).message}` };
    }
  }
  const { tools: _tools, issues: _issues, failure, ...outcome } = result;
  const toolCount = result.status === 'ok' ? stored : 0;
  const retryable = result.status === 'store_failed' || (failure as { retryable?: unknown } | undefined)?.retryable === true;
  const recorded: RecordedAttempt = { ...outcome, toolCount, durationMs: Date.now() - t0, retryable };
  try {
    await recordAttempt(db, runId, server.id, recorded);
  } catch (error) {
    // the details (or another column) were refused: keep the outcome, say why the rest is missing
    const fallback = { status: recorded.status, errorKind: recorded.errorKind ?? null, error: recorded.error ?? null, toolCount, durationMs: recorded.durationMs,
      details: { recordFailed: message(error).slice(0, 500) } };
    await recordAttempt(db, runId, server.id, fallback);
  }
  return recorded;
}
