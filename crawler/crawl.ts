// A crawl run: enumerate sources into the database and list each selected server's tools with
// bounded concurrency, as entries arrive. Every selected server gets a `pending` attempt row at once,
// and the enumeration cursor is checkpointed after each page, so a killed run resumes where it stopped.
import PQueue from 'p-queue';
import type { Db } from '../db/client.ts';
import { attemptCounts, finishRun, recordAttempt, saveCheckpoint } from '../db/queries/crawl-runs.ts';
import type { AttemptOptions } from './attempt-types.ts';
import { runAttempt } from './run-attempt.ts';
import type { Launch } from './launch.ts';
import { openRun, rejectionReason } from './open-run.ts';
import { prepareListing } from './prepare-listing.ts';
import { storeEntry } from './store-entry.ts';
import type { ServerSource, SourceEntry } from './sources/source.ts';
import { normalizeText } from '../db/normalize-text.ts';

export interface CrawlOptions extends AttemptOptions {
  db: Db;
  source: ServerSource;
  /** Stop after selecting this many servers. @default Infinity */
  limit?: number;
  /** Only servers whose runtime is one of these (npm, pypi, oci, remote, ...). @default all */
  runtimes?: string[];
  /** Servers listed at once. @default 2 */
  concurrency?: number;
  /** Resume the newest unfinished run with the same options. @default true */
  resume?: boolean;
  /** Identifies the sources' configuration in the run key (e.g. their URLs). @default source.name */
  sourceLabel?: string;
  onEvent?: (event: CrawlEvent) => void;
}

export type CrawlEvent =
  | { type: 'run'; runId: number; resumed: boolean; alreadyDone: number; pending: number }
  | { type: 'selected'; selected: number; toList: number; enumerationDone: boolean }
  | { type: 'attempt'; server: string; status: string; toolCount: number; durationMs: number; error?: string; evidence?: string; done: number; total: number; toolsFound: number; failures: number }
  | { type: 'rejected'; reason: string };

export interface CrawlSummary {
  runId: number;
  resumed: boolean;
  selected: number;
  attempted: number;
  skippedAlreadyDone: number;
  rejectedRecords: number;
  toolsFound: number;
  byStatus: Record<string, number>;
  durationMs: number;
}

interface Work { id: number; name: string; launch: Launch }
type Checkpoint = { cursor?: string; exhausted?: boolean };

export async function crawl(options: CrawlOptions): Promise<CrawlSummary> {
  const { db, source, limit = Infinity, runtimes, concurrency = 2, resume = true, onEvent = () => {} } = options;
  const started = Date.now();
  await prepareListing(options);
  const { run, resumed, earlier, seen, pending } = await openRun(db, { source, sourceLabel: options.sourceLabel, limit, runtimes, resume, recorded: { concurrency } });
  onEvent({ type: 'run', runId: run.id, resumed, alreadyDone: earlier.length - pending.length, pending: pending.length });

  const state = { selected: earlier.length, total: pending.length, attempted: 0, toolsFound: 0, failures: 0, rejected: 0 };
  const queue = new PQueue({ concurrency });
  const failures: unknown[] = [];
  const schedule = (work: Work) => {
    queue.add(() => listOne(work)).catch((error) => failures.push(error));
  };
  const listOne = async (work: Work) => {
    const result = await runAttempt(db, run.id, { id: work.id, name: work.name, launch: work.launch }, options);
    state.attempted++;
    state.toolsFound += result.toolCount;
    if (result.status !== 'ok') state.failures++;
    onEvent({ type: 'attempt', server: work.name, status: result.status, toolCount: result.toolCount, durationMs: result.durationMs, error: result.error, evidence: result.evidence, done: state.attempted, total: state.total, toolsFound: state.toolsFound, failures: state.failures });
  };

  try {
    for (const p of pending) schedule({ id: p.serverId, name: p.name, launch: p.launch as Launch });
    const checkpoint = (run.checkpoint ?? {}) as Checkpoint;
    if (!checkpoint.exhausted && state.selected < limit) {
      const select = async (sent: SourceEntry): Promise<Work | undefined> => {
        if (runtimes && !runtimes.includes(sent.server.runtime)) return undefined;
        const { id, entry } = await storeEntry(db, sent);
        if (seen.has(id)) return undefined;
        seen.add(id);
        await recordAttempt(db, run.id, id, { status: 'pending' });
        return { id, name: entry.server.name, launch: entry.server.launch as Launch };
      };
      let exhausted = true;
      outer: for await (const page of source.pages(checkpoint.cursor)) {
        state.rejected += page.rejected.length;
        for (const r of page.rejected) onEvent({ type: 'rejected', reason: r.reason });
        for (const entry of page.entries) {
          if (state.selected >= limit) { exhausted = false; break outer; }
          let work: Work | undefined;
          try {
            work = await select(entry);
          } catch (error) {
            // one record the database refuses (say, a name too long to index) costs that record, never the run
            state.rejected++;
            onEvent({ type: 'rejected', reason: rejectionReason(entry.sourceKey, error) });
            continue;
          }
          if (!work) continue;
          state.selected++;
          state.total++;
          schedule(work);
        }
        await saveCheckpoint(db, run.id, { cursor: page.nextCursor === undefined ? undefined : normalizeText(page.nextCursor), exhausted: page.nextCursor === undefined });
        onEvent({ type: 'selected', selected: state.selected, toList: state.total, enumerationDone: false });
        // Back-pressure: do not enumerate far ahead of the listing.
        await queue.onSizeLessThan(concurrency * 8);
      }
      if (exhausted) await saveCheckpoint(db, run.id, { exhausted: true });
    }
    onEvent({ type: 'selected', selected: state.selected, toList: state.total, enumerationDone: true });
    await queue.onIdle();
    if (failures.length) throw failures[0];
  } catch (error) {
    queue.clear();
    await queue.onIdle();
    await finishRun(db, run.id, 'failed', { error: (error as Error).message });
    throw error;
  }
  const byStatus = await attemptCounts(db, run.id);
  const summary: CrawlSummary = {
    runId: run.id, resumed, selected: state.selected, attempted: state.attempted,
    skippedAlreadyDone: earlier.length - pending.length, rejectedRecords: state.rejected, toolsFound: state.toolsFound,
    byStatus, durationMs: Date.now() - started,
  };
  await finishRun(db, run.id, 'completed', summary);
  return summary;
}
