// When to retry a failed request and how long to wait: 429 and 5xx (and unreachable endpoints) are
// retried with exponential backoff and jitter; a Retry-After (or retry-after-ms) header is honoured.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

/** Statuses that no retry can fix and that every later request would meet too (bad key, unknown model). */
const FATAL_STATUS = new Set([401, 403, 404]);

export type Outcome = 'retry' | 'fail' | 'fatal' | 'timeout';

/** What to do after `error`. */
export function classifyFailure(error: unknown): Outcome {
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'retry';
  if (!(error instanceof APIError) || error.status === undefined) return 'fail';
  if (error.status === 429) return error.code === 'insufficient_quota' ? 'fatal' : 'retry';
  if (error.status >= 500) return 'retry';
  return FATAL_STATUS.has(error.status) ? 'fatal' : 'fail';
}

/** The wait a response asks for, in ms: retry-after-ms, else Retry-After (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface BackoffOptions {
  /** Wait before the first retry, doubled for each later one. @default 1000 */
  backoffMs?: number;
  /** Longest wait between two attempts, Retry-After included. @default 60000 */
  maxBackoffMs?: number;
}

/** The wait before retry number `attempt` (1-based) after `error`. */
export function retryDelay(attempt: number, error: unknown, options: BackoffOptions = {}): number {
  const { backoffMs = 1000, maxBackoffMs = 60_000 } = options;
  const asked = error instanceof APIError ? retryAfterMs(error.headers) : undefined;
  if (asked !== undefined) return Math.min(asked, maxBackoffMs);
  const base = backoffMs * 2 ** (attempt - 1);
  return Math.min(maxBackoffMs, Math.round(base * (0.75 + Math.random() * 0.5)));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
