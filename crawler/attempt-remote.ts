// attemptServer for a remote server: declared headers filled with placeholders, listed over HTTP,
// with a bounded retry when the server says "not now" (408, 429, 5xx; Retry-After honoured).
import { setTimeout as sleep } from 'node:timers/promises';
import type { AttemptOptions, AttemptResult } from './attempt-types.ts';
import { failedAttempt, listedAttempt } from './attempt-common.ts';
import type { Launch } from './launch.ts';
import { RemoteHttpError } from './errors.ts';
import { listRemoteTools } from './list-remote.ts';
import { placeholderFor, SCRATCH_TOKEN } from './placeholders.ts';

export type RemoteLaunch = Extract<Launch, { kind: 'remote' }>;

const PLACEHOLDER = 'mcp-risk-placeholder';

/** Values for the headers the registry marks required; optional ones are left out. */
export function remoteHeaders(declared: RemoteLaunch['headers']): Record<string, string> {
  const headers: Record<string, string> = Object.create(null); // keyed by names a registry chose
  for (const { name, required } of declared) {
    if (!required) continue;
    if (/^authorization$/i.test(name)) headers[name] = `Bearer ${PLACEHOLDER}`;
    else {
      const value = placeholderFor({ name });
      headers[name] = value === SCRATCH_TOKEN ? PLACEHOLDER : value; // no scratch dir on someone else's server
    }
  }
  return headers;
}

/** Retries of a listing that a remote server answered with 408, 429 or 5xx. */
export const REMOTE_RETRIES = 2;
/** Longest wait before a retry, whatever Retry-After asks. */
export const REMOTE_MAX_WAIT_MS = 10_000;
/** Wait before a retry when the server gives no Retry-After: 1 s, doubled each time. */
const REMOTE_BACKOFF_MS = 1000;

/**
 * Lists a remote server, retrying a 408, 429 or 5xx answer up to REMOTE_RETRIES times after the
 * wait its Retry-After asks for (capped) or a doubling backoff, as long as a retry still fits in
 * the attempt's time budget. The waits are kept in the attempt's details.
 */
export async function attemptRemote(launch: RemoteLaunch, options: AttemptOptions): Promise<AttemptResult> {
  const context: Record<string, unknown> = { url: launch.url, declaredTransport: launch.transport };
  const budgetMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + budgetMs;
  const retries: { status: number; waitedMs: number }[] = [];
  for (;;) {
    try {
      const timeoutMs = Math.max(1, deadline - Date.now());
      const result = await listRemoteTools({ url: launch.url, transport: launch.transport, headers: options.remoteHeaders ?? remoteHeaders(launch.headers), timeoutMs });
      return listedAttempt(result, {
        ...context, transport: result.transport, era: result.era, supportedVersions: result.supportedVersions,
        fallbacks: result.fallbacks, instructions: result.instructions, ...(retries.length ? { retries } : {}),
      });
    } catch (error) {
      if (error instanceof TypeError) return { status: 'unsupported_runtime', errorKind: 'E_BAD_URL', error: error.message, details: context };
      const wait = error instanceof RemoteHttpError && error.retryable && retries.length < REMOTE_RETRIES
        ? Math.min(REMOTE_MAX_WAIT_MS, error.retryAfterMs ?? REMOTE_BACKOFF_MS * 2 ** retries.length) : undefined;
      // Retry only when the wait leaves at least a quarter of the budget for the listing itself.
      if (wait === undefined || Date.now() + wait > deadline - budgetMs / 4) {
        return failedAttempt(error, retries.length ? { ...context, retries } : context);
      }
      retries.push({ status: (error as RemoteHttpError).status, waitedMs: Math.round(wait) });
      await sleep(wait);
    }
  }
}
