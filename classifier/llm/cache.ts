// Where reviews are cached, keyed by (definition hash, classifier version, model, prompt version): in
// memory for `mcp-risk classify`, in the llm_reviews table for `classify-db`. Cached answers are
// validated again on the way out, so a stale or hand-edited row cannot inject an unchecked verdict.
import type { Db } from '../../db/client.ts';
import { cachedReviews, saveReview, type ReviewKey } from '../../db/queries/llm-reviews.ts';
import { checkVerdict, type LlmVerdict } from './verdict.ts';

export type { ReviewKey };

export interface ReviewCache {
  /** The cached verdict, or undefined on a miss (or an invalid cached answer). */
  get(hash: string, key: ReviewKey): Promise<LlmVerdict | undefined>;
  set(hash: string, key: ReviewKey, verdict: LlmVerdict): Promise<void>;
  /** Optional: fetch many hashes at once before `get`s. */
  preload?(hashes: string[], key: ReviewKey): Promise<void>;
}

const keyString = (hash: string, k: ReviewKey) => `${hash}\u0000${k.classifierVersion}\u0000${k.model}\u0000${k.promptVersion}`;

function valid(response: unknown): LlmVerdict | undefined {
  try {
    return checkVerdict(response);
  } catch {
    return undefined;
  }
}

/** A cache that lives as long as the process. */
export class MemoryReviewCache implements ReviewCache {
  private readonly map = new Map<string, LlmVerdict>();
  async get(hash: string, key: ReviewKey): Promise<LlmVerdict | undefined> {
    return this.map.get(keyString(hash, key));
  }
  async set(hash: string, key: ReviewKey, verdict: LlmVerdict): Promise<void> {
    this.map.set(keyString(hash, key), verdict);
  }
  get size(): number {
    return this.map.size;
  }
}

/** The llm_reviews table, with a per-run read-through map filled by `preload`. */
export class DbReviewCache implements ReviewCache {
  private readonly loaded = new Map<string, unknown>();
  private readonly known = new Set<string>();
  constructor(private readonly db: Db) {}

  async preload(hashes: string[], key: ReviewKey): Promise<void> {
    const todo = hashes.filter((h) => !this.known.has(keyString(h, key)));
    const found = await cachedReviews(this.db, todo, key);
    for (const h of todo) {
      this.known.add(keyString(h, key));
      if (found.has(h)) this.loaded.set(keyString(h, key), found.get(h));
    }
  }

  async get(hash: string, key: ReviewKey): Promise<LlmVerdict | undefined> {
    const k = keyString(hash, key);
    if (!this.known.has(k)) await this.preload([hash], key);
    return this.loaded.has(k) ? valid(this.loaded.get(k)) : undefined;
  }

  async set(hash: string, key: ReviewKey, verdict: LlmVerdict): Promise<void> {
    await saveReview(this.db, hash, key, verdict);
    this.known.add(keyString(hash, key));
    this.loaded.set(keyString(hash, key), verdict);
  }
}
