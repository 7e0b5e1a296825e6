// The fetch every remote transport uses: extra headers, one abort signal, a byte budget over the whole listing,
// and a record of HTTP failures, auth challenges and network errors, which the SDK would reduce to message text.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ResponseLimitError } from './errors.ts';
import { parseRetryAfter } from './http.ts';

export interface RemoteFetchOptions {
  /** Sent with every request (the SDK's own headers win on conflict). @default {} */
  headers?: Record<string, string>;
  /** Aborts every request in flight and every one after. */
  signal: AbortSignal;
  /** Bytes read from the server over the whole listing, all responses and streams together. @default 16 MiB */
  maxResponseBytes?: number;
  /** Bytes of an HTTP error body kept for inspection. @default 64 KiB */
  maxErrorBodyBytes?: number;
  /** Called once when the byte budget is exceeded, so that the caller can stop at once. */
  onLimit?: (error: ResponseLimitError) => void;
}

export interface HttpFailure {
  method: string;
  status: number;
  /** The start of the body, for a JSON-RPC error a modern server puts there. */
  body: string;
  /** The wait a Retry-After header asked for, in ms. */
  retryAfterMs?: number;
}

export class RemoteFetch {
  /** Bytes read so far. */
  bytes = 0;
  /** Every response with status >= 400, oldest first. */
  readonly failures: HttpFailure[] = [];
  /** The first 401/403 or `WWW-Authenticate` challenge. */
  challenge?: { status: number; wwwAuthenticate?: string };
  /** The first connection failure (ECONNREFUSED, ENOTFOUND, a TLS error). */
  networkError?: string;
  limitError?: ResponseLimitError;
  /** Mirror each POSTed request's JSON-RPC method into `Mcp-Method`, as 2026-07-28 Streamable HTTP requires. @default false */
  mirrorMethod = false;
  private readonly maxBytes: number;

  constructor(private readonly opts: RemoteFetchOptions) {
    this.maxBytes = opts.maxResponseBytes ?? 16 * 1024 ** 2;
  }

  readonly fetch: FetchLike = async (url, init = {}) => {
    const headers = new Headers(this.opts.headers);
    new Headers(init.headers).forEach((value, key) => headers.set(key, value));
    if (this.mirrorMethod && typeof init.body === 'string') {
      const method = methodOf(init.body);
      if (method) headers.set('Mcp-Method', method);
    }
    const signal = init.signal ? AbortSignal.any([init.signal, this.opts.signal]) : this.opts.signal;
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, signal });
    } catch (error) {
      // An abort (ours, or the SDK closing its transport) says nothing about the server.
      if (!signal.aborted) this.networkError ??= networkReason(error);
      throw error;
    }
    const wwwAuthenticate = response.headers.get('www-authenticate') ?? undefined;
    if (response.status === 401 || response.status === 403 || (wwwAuthenticate && response.status >= 400)) {
      this.challenge ??= { status: response.status, wwwAuthenticate };
    }
    if (response.status >= 400) {
      const body = await this.readStart(response, this.opts.maxErrorBodyBytes ?? 64 * 1024);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      this.failures.push({ method: init.method ?? 'GET', status: response.status, body, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    if (!response.body) return response;
    const counted = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => this.count(chunk, out) }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  private count(chunk: Uint8Array, out: TransformStreamDefaultController<Uint8Array>): void {
    this.bytes += chunk.byteLength;
    if (this.bytes <= this.maxBytes) return out.enqueue(chunk);
    if (!this.limitError) {
      this.limitError = new ResponseLimitError(this.maxBytes);
      this.opts.onLimit?.(this.limitError);
    }
    out.error(this.limitError);
  }

  /** Up to `limit` bytes of the body as text; the rest is discarded unread. */
  private async readStart(response: Response, limit: number): Promise<string> {
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      while (size < limit) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.byteLength;
        this.bytes += value.byteLength;
      }
    } catch {
      // a body cut short is still worth its start
    } finally {
      await reader.cancel().catch(() => {});
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
  }
}

function methodOf(body: string): string | undefined {
  try {
    const message = JSON.parse(body) as { method?: unknown };
    return typeof message.method === 'string' ? message.method : undefined;
  } catch {
    return undefined;
  }
}

/** The most specific code in undici's `fetch failed` (its cause, or the first of an AggregateError's errors). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
