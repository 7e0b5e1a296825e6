// The LLM review of one server's heuristic verdicts: picks the tools to send, answers from the cache
// when it can, keeps to the per-run call cap, merges each verdict over the heuristic floor, and falls
// back to the heuristic verdict (with the reason in its evidence) when a review fails.
import { definitionHash, type ToolDefinition } from '../../db/tool-definition.ts';
import { CLASSIFIER_VERSION } from '../classify.ts';
import type { ServerContext, ToolClassification } from '../types.ts';
import { MemoryReviewCache, type ReviewCache, type ReviewKey } from './cache.ts';
import type { LlmClient } from './client.ts';
import { LlmCapReachedError, LlmError } from './errors.ts';
import { mergeReview } from './merge.ts';
import { PROMPT_VERSION } from './prompt.ts';
import { DEFAULT_THRESHOLD, HardSignals, shouldReview, type LlmMode } from './select.ts';
import type { LlmVerdict } from './verdict.ts';

/** reviewed: a fresh answer; cached: from the cache; skipped: not sent; capped: over the call cap; failed: no valid answer. */
export type ReviewStatus = 'reviewed' | 'cached' | 'skipped' | 'capped' | 'failed';

export interface ReviewOutcome {
  classification: ToolClassification;
  method: 'heuristic' | 'llm';
  status: ReviewStatus;
  /** For `failed`: the error's code and message. */
  reason?: string;
}

export interface LlmRunStats {
  /** Reviews sent to the model (at most the cap). */
  calls: number;
  /** HTTP requests, retries included. */
  requests: number;
  cached: number;
  capped: number;
  failed: number;
  /** Tools the heuristics settled without the LLM. */
  skipped: number;
  /** Failures by error code. */
  failures: Record<string, number>;
}

export interface LlmReviewOptions {
  client: LlmClient;
  /** Which tools to send. @default 'auto' */
  mode?: LlmMode;
  /** Heuristic confidence under which `auto` sends a tool. @default 0.7 */
  threshold?: number;
  /** @default a new MemoryReviewCache */
  cache?: ReviewCache;
}

export interface ServerReviewOptions {
  /** Each tool's definition hash (tool_versions.hash). @default computed with definitionHash */
  hashes?: string[];
  /** Which tools to consider at all. @default every tool */
  include?: boolean[];
}

/** The classifier version LLM-reviewed classifications are stored under. */
export const LLM_CLASSIFIER_VERSION = `${CLASSIFIER_VERSION}+llm-${PROMPT_VERSION}`;

/** One run of reviews: its cache, its call budget (on the client) and its counts. */
export class LlmReviewer {
  readonly mode: LlmMode;
  readonly key: ReviewKey;
  readonly cache: ReviewCache;
  private readonly counts = { cached: 0, capped: 0, failed: 0, skipped: 0, failures: {} as Record<string, number> };
  private readonly inflight = new Map<string, Promise<LlmVerdict>>();

  constructor(private readonly options: LlmReviewOptions) {
    this.mode = options.mode ?? 'auto';
    this.cache = options.cache ?? new MemoryReviewCache();
    this.key = { classifierVersion: CLASSIFIER_VERSION, model: options.client.model, promptVersion: PROMPT_VERSION };
  }

  get model(): string {
    return this.options.client.model;
  }

  /** Whether this heuristic verdict is sent in this run's mode. */
  selects(c: ToolClassification): boolean {
    return shouldReview(c, this.mode, this.options.threshold ?? DEFAULT_THRESHOLD);
  }

  /**
   * Reviews the selected tools of one server; `heuristics[i]` is the verdict on `ctx.tools[i]`.
   * Tools excluded by `include` get no outcome (undefined) and are not counted.
   */
  async reviewServer(ctx: ServerContext, heuristics: ToolClassification[], options: ServerReviewOptions = {}): Promise<(ReviewOutcome | undefined)[]> {
    const { hashes, include } = options;
    const hard = new HardSignals(ctx, this.options.threshold ?? DEFAULT_THRESHOLD);
    const siblings = ctx.tools.map((t) => t.name);
    const picked = heuristics.map((c, i) => include?.[i] !== false && this.selects(c));
    const allHashes = ctx.tools.map((t, i) => hashes?.[i] ?? (picked[i] ? definitionHash(t) : ''));
    await this.cache.preload?.(allHashes.filter((h, i) => picked[i] && h), this.key);
    return Promise.all(heuristics.map(async (c, i): Promise<ReviewOutcome | undefined> => {
      if (include?.[i] === false) return undefined;
      if (!picked[i]) { this.counts.skipped++; return { classification: c, method: 'heuristic', status: 'skipped' }; }
      const tool = ctx.tools[i];
      const hash = allHashes[i];
      let verdict = await this.cache.get(hash, this.key);
      let status: ReviewStatus = 'cached';
      if (!verdict) {
        const pending = this.inflight.get(hash);
        if (pending) verdict = await pending.catch(() => undefined);
      }
      if (!verdict) {
        status = 'reviewed';
        try {
          verdict = await this.ask(hash, tool, { name: ctx.name, description: ctx.description, siblings });
        } catch (error) {
          if (!(error instanceof LlmCapReachedError)) return this.failed(c, error);
          this.counts.capped++;
          return { classification: c, method: 'heuristic', status: 'capped' };
        }
      }
      if (status === 'cached') this.counts.cached++;
      const categoryFloor = hard.categoryFloor(tool, c);
      return { classification: mergeReview({ heuristic: c, verdict, tool, model: this.model, categoryFloor }), method: 'llm', status };
    }));
  }

  private async ask(hash: string, tool: ToolDefinition, ctx: Parameters<LlmClient['review']>[1]): Promise<LlmVerdict> {
    const pending = this.options.client.review(tool, ctx);
    this.inflight.set(hash, pending);
    try {
      const verdict = await pending;
      await this.cache.set(hash, this.key, verdict);
      return verdict;
    } finally {
      this.inflight.delete(hash);
    }
  }

  private failed(c: ToolClassification, error: unknown): ReviewOutcome {
    if (!(error instanceof LlmError)) throw error;
    this.counts.failed++;
    this.counts.failures[error.code] = (this.counts.failures[error.code] ?? 0) + 1;
    const reason = `${error.code}: ${error.message}`;
    const line = `LLM review (model ${this.model}) failed (${reason}); heuristic verdict kept`;
    return { classification: { ...c, evidence: [...c.evidence, line] }, method: 'heuristic', status: 'failed', reason };
  }

  stats(): LlmRunStats {
    const { calls, requests } = this.options.client.stats;
    return { calls, requests, ...this.counts, failures: { ...this.counts.failures } };
  }
}

