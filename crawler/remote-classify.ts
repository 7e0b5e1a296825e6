// Turns whatever a remote listing threw into one CrawlError, from what RemoteFetch recorded rather than message text.
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import {
  AuthRequiredError, CrawlError, ProtocolError, RemoteHttpError, ServerUnreachableError, type ListToolsPhase,
} from './errors.ts';
import type { HttpFailure, RemoteFetch } from './remote-fetch.ts';

/** The JSON-RPC error in an HTTP error body, if the body is one. */
export function rpcErrorIn(failure: HttpFailure | undefined): McpError | undefined {
  if (!failure) return undefined;
  try {
    const body = JSON.parse(failure.body) as { error?: { code?: unknown; message?: unknown; data?: unknown } };
    const { code, message, data } = body.error ?? {};
    return typeof code === 'number' ? new McpError(code, typeof message === 'string' ? message : '', data) : undefined;
  } catch {
    return undefined;
  }
}

/** The SDK transports' HTTP errors carry the status as `code` (StreamableHTTPError, SseError); -1 and undefined mean none. */
export function httpStatusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

export function describeFailure(failure: HttpFailure): string {
  const rpc = rpcErrorIn(failure);
  const body = rpc ? ` (JSON-RPC error ${rpc.code})` : '';
  return `HTTP ${failure.status} on ${failure.method}${body}`;
}

/** Auth first (it explains any later failure), then the transport's findings, then protocol-level problems. */
export function classifyRemote(error: unknown, url: string, http: RemoteFetch, phase: ListToolsPhase): CrawlError {
  if (http.limitError) return http.limitError;
  if (http.challenge || error instanceof UnauthorizedError) {
    return new AuthRequiredError(url, http.challenge?.status, http.challenge?.wwwAuthenticate, { cause: error });
  }
  if (error instanceof CrawlError) return error;
  if (http.networkError) return new ServerUnreachableError(url, http.networkError, { cause: error });
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 300) {
    // 3xx: a redirect the SDK would not follow (to another origin); the SDK's message names its target.
    const tried = http.failures.map(describeFailure).join(', then ') || (error as Error).message;
    const retryAfterMs = [...http.failures].reverse().find((f) => f.status === status)?.retryAfterMs;
    return new RemoteHttpError(`${url} has no MCP endpoint that answers: ${tried}`, status, { cause: error, retryAfterMs });
  }
  if (error instanceof McpError) return new ProtocolError(`server answered ${phase} with error ${error.code}: ${error.message}`, {}, { cause: error });
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);
  return new ProtocolError(`invalid ${phase} response: ${message}`, {}, { cause: error });
}
