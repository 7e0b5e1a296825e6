// One server's attempt within a run, start to finish: list it (attemptServer), store its tools, record the
// attempt row. A plain function of (database, run, server, options), so that a job queue can run it as one job.
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

export async function runAttempt(db: Db, runId: number, server: AttemptTarget, options: AttemptOptions): Promise<RecordedAttempt> {
  const t0 = Date.now();
  let result = await attemptServer(server.launch, options);
  if (result.tools) {
    try {
      await recordToolListing(db, server.id, result.tools, { issues: result.issues, declaredVersion: result.declaredVersion, listedVersion: result.listedVersion });
    } catch (error) {
      result = { ...result, status: 'store_failed', errorKind: 'E_STORE', error: `listing could not be stored: ${(error as Error).message}` };
    }
  }
  const { tools, issues: _issues, failure, ...outcome } = result;
  const toolCount = result.status === 'ok' ? tools?.length ?? 0 : 0;
  const retryable = result.status === 'store_failed' || (failure as { retryable?: unknown } | undefined)?.retryable === true;
  const recorded: RecordedAttempt = { ...outcome, toolCount, durationMs: Date.now() - t0, retryable };
  await recordAttempt(db, runId, server.id, recorded);
  return recorded;
}
