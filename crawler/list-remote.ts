// Lists the tools of one remote MCP server: Streamable HTTP, falling back to the deprecated HTTP+SSE transport on a
// 4xx to POST initialize; the `initialize` era, or the 2026-07-28 `server/discover` era when initialize is rejected
// in a way only a modern server rejects it. One wall-clock deadline and one byte budget cover every attempt.
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { initializeRejectedAsModern, listModernTools, type ModernListing } from './discover.ts';
import { ListToolsTimeoutError } from './errors.ts';
import type { ListToolsResult } from './list-tools.ts';
import { classifyRemote, describeFailure, httpStatusOf, rpcErrorIn } from './remote-classify.ts';
import { RemoteFetch } from './remote-fetch.ts';
import { listLegacy, openTransport, type HttpTransportKind, type LegacyListing, type RemoteContext } from './remote-legacy.ts';

export interface ListRemoteOptions {
  /** The MCP endpoint, URL variables already substituted. */
  url: string;
  /** The transport the registry declares; `streamable-http` falls back to `sse` when the spec says to. */
  transport: HttpTransportKind;
  /** Sent with every request: the declared headers, placeholders for the required ones. @default {} */
  headers?: Record<string, string>;
  /** Wall-clock budget for the whole listing: every transport and era tried, every page. @default 30000 */
  timeoutMs?: number;
  /** tools/list pages followed before stopping with an issue. @default 50 */
  maxPages?: number;
  /** Tools kept before stopping with an issue. @default 5000 */
  maxTools?: number;
  /** Bytes read from the server over the whole listing, all responses and streams together. @default 16 MiB */
  maxResponseBytes?: number;
}

export interface RemoteListResult extends ListToolsResult {
  /** How the tools were listed: the `initialize` handshake, or the 2026-07-28 `server/discover`. */
  era: 'initialize' | 'discover';
  /** The transport that answered. */
  transport: HttpTransportKind;
  /** Modern era only: the versions `server/discover` listed. */
  supportedVersions?: string[];
  /** Attempts that did not work before the one that did, e.g. "streamable-http: HTTP 405 on POST". */
  fallbacks: string[];
}

/** Lists a remote server's tools; throws a CrawlError (AuthRequiredError, ServerUnreachableError, ListToolsError, ...). */
export async function listRemoteTools(opts: ListRemoteOptions): Promise<RemoteListResult> {
  const url = parseUrl(opts.url);
  const { timeoutMs = 30_000, maxPages = 50, maxTools = 5000 } = opts;
  const started = performance.now();
  const controller = new AbortController();
  const http = new RemoteFetch({ headers: opts.headers, signal: controller.signal, maxResponseBytes: opts.maxResponseBytes, onLimit: (e) => controller.abort(e) });
  const ctx: RemoteContext = { url, http, signal: controller.signal, maxPages, maxTools, timeoutMs, phase: 'initialize', opened: [] };
  const timer = setTimeout(() => controller.abort(new ListToolsTimeoutError(ctx.phase, timeoutMs)), timeoutMs);
  const stopped = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
  const fallbacks: string[] = [];
  try {
    const listing = await Promise.race([listAny(opts.transport, ctx, fallbacks), stopped]);
    return { ...listing, fallbacks, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw classifyRemote(controller.signal.aborted ? controller.signal.reason : error, url.href, http, ctx.phase);
  } finally {
    clearTimeout(timer);
    controller.abort(); // ends SSE streams and requests still in flight
    await Promise.all(ctx.opened.map((t) => t.close().catch(() => {})));
  }
}

type Listing = (LegacyListing | ModernListing) & { transport: HttpTransportKind };

async function listAny(kind: HttpTransportKind, ctx: RemoteContext, fallbacks: string[]): Promise<Listing> {
  try {
    return { ...(await listLegacy(kind, ctx)), transport: kind };
  } catch (error) {
    // Only a rejected initialize says anything about eras and transports; auth and network failures end the listing.
    if (ctx.signal.aborted || ctx.phase !== 'initialize' || ctx.http.challenge || ctx.http.networkError) throw error;
    const rejection = ctx.http.failures.at(-1);
    const rpc = rpcErrorIn(rejection);
    const unknownVersion = ctx.initializeVersion !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(ctx.initializeVersion);
    if ((rpc && initializeRejectedAsModern(rpc)) || unknownVersion) {
      fallbacks.push(`${kind} initialize: ${rejection ? describeFailure(rejection) : `protocol version ${ctx.initializeVersion}`}`);
      return { ...(await listModern(ctx)), transport: 'streamable-http' };
    }
    const status = httpStatusOf(error);
    // A 4xx to POST means no Streamable HTTP endpoint, except 408 and 429, which say "not now".
    if (kind === 'streamable-http' && status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429 && rejection?.method === 'POST') {
      fallbacks.push(`streamable-http: ${describeFailure(rejection)}`);
      return { ...(await listLegacy('sse', ctx)), transport: 'sse' };
    }
    throw error;
  }
}

/** server/discover and tools/list over a fresh Streamable HTTP transport, `Mcp-Method` mirrored into a header. */
async function listModern(ctx: RemoteContext): Promise<ModernListing> {
  ctx.phase = 'initialize';
  ctx.http.mirrorMethod = true;
  const seen = ctx.http.failures.length;
  // A send that failed with an HTTP status left its body as the newest failure; a modern server puts its JSON-RPC error there.
  const rpcErrorOf = (error: unknown) => (httpStatusOf(error) && ctx.http.failures.length > seen ? rpcErrorIn(ctx.http.failures.at(-1)) : undefined);
  return listModernTools(openTransport('streamable-http', ctx), {
    signal: ctx.signal, maxPages: ctx.maxPages, maxTools: ctx.maxTools, rpcErrorOf, onPhase: (phase) => (ctx.phase = phase),
  });
}

function parseUrl(value: string): URL {
  const unfilled = /\{[A-Za-z0-9_.-]+\}/.exec(value);
  if (unfilled) throw new TypeError(`listRemoteTools: url ${JSON.stringify(value)} still holds the variable ${unfilled[0]}`);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`listRemoteTools: url must be an http(s) URL, got ${JSON.stringify(value)}`);
  }
  return url;
}
