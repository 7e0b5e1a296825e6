// JSON over HTTP for sources: timeouts, bounded retries with backoff, Retry-After, BOM-tolerant parsing.
import { setTimeout as sleep } from 'node:timers/promises';

export class HttpError extends Error {
  readonly code: string;
  /** Whether trying again later may succeed (timeouts, 429, 5xx, network errors). */
  readonly retryable: boolean;
  constructor(message: string, code: string, retryable: boolean, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.retryable = retryable;
  }
}

export interface FetchJsonOptions {
  /** Per-request timeout. @default 30000 */
  timeoutMs?: number;
  /** Retries after the first try, for retryable failures only. @default 4 */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter. @default 500 */
  backoffMs?: number;
  /** Upper bound for any single wait, Retry-After included. @default 60000 */
  maxWaitMs?: number;
  headers?: Record<string, string>;
  /** Called before each retry (for logging). */
  onRetry?: (error: HttpError, attempt: number, waitMs: number) => void;
}

/** A Retry-After header (seconds or an HTTP date) in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Parses JSON text, tolerating a UTF-8 byte order mark. */
export function parseJsonText(text: string, url: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(`${url} returned malformed JSON (${(error as Error).message}; ${body.length} bytes)`, 'E_BAD_JSON', true);
  }
}

async function fetchOnce(url: string, options: FetchJsonOptions): Promise<unknown> {
  const { timeoutMs = 30_000, headers = {} } = options;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new HttpError(`${url} did not answer within ${timeoutMs} ms`, 'E_TIMEOUT', true);
    throw new HttpError(`${url} could not be reached (${e.cause?.code ?? e.message})`, 'E_UNREACHABLE', true);
  }
  if (response.status === 429 || response.status >= 500) {
    throw new HttpError(`${url} answered HTTP ${response.status}`, `E_HTTP_${response.status}`, true, response.status, parseRetryAfter(response.headers.get('retry-after')));
  }
  if (!response.ok) throw new HttpError(`${url} answered HTTP ${response.status}: ${text.slice(0, 200)}`, `E_HTTP_${response.status}`, false, response.status);
  return parseJsonText(text, url);
}

/** GETs JSON, retrying retryable failures with exponential backoff and honouring Retry-After. */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const { retries = 4, backoffMs = 500, maxWaitMs = 60_000 } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, options);
    } catch (error) {
      if (!(error instanceof HttpError) || !error.retryable || attempt >= retries) throw error;
      const backoff = backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      const wait = Math.min(maxWaitMs, error.retryAfterMs ?? backoff);
      options.onRetry?.(error, attempt + 1, wait);
      await sleep(wait);
    }
  }
}
