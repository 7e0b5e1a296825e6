// The `initialize` era over HTTP: the SDK's Client over its Streamable HTTP or (deprecated) HTTP+SSE client transport,
// every byte through the listing's RemoteFetch. Also the transports' factory, which the modern era reuses.
import { setMaxListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Implementation, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ListToolsPhase } from './errors.ts';
import { paginateTools, type ToolPages } from './paginate-tools.ts';
import type { RemoteFetch } from './remote-fetch.ts';

export type HttpTransportKind = 'streamable-http' | 'sse';

/** What one listing attempt shares with the next: where, through what, until when, and what it opened. */
export interface RemoteContext {
  url: URL;
  http: RemoteFetch;
  signal: AbortSignal;
  maxPages: number;
  maxTools: number;
  timeoutMs: number;
  phase: ListToolsPhase;
  /** Every transport opened, closed when the listing ends however it ends. */
  opened: Transport[];
  /** The protocolVersion of an initialize result, seen even when the SDK rejects it. */
  initializeVersion?: string;
}

export interface LegacyListing extends ToolPages {
  era: 'initialize';
  protocolVersion?: string;
  serverInfo?: Implementation;
  instructions?: string;
}

const PageSchema = z.object({ tools: z.unknown(), nextCursor: z.unknown() }).passthrough();

/** A client transport of the given kind that reads and writes through `ctx.http` and never reconnects on its own. */
export function openTransport(kind: HttpTransportKind, ctx: RemoteContext): Transport {
  const fetch = ctx.http.fetch;
  const transport = kind === 'sse'
    ? new SSEClientTransport(ctx.url, { fetch })
    : new StreamableHTTPClientTransport(ctx.url, { fetch, reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 } });
  ctx.opened.push(transport);
  return transport;
}

/** initialize, then tools/list page by page. */
export async function listLegacy(kind: HttpTransportKind, ctx: RemoteContext): Promise<LegacyListing> {
  ctx.initializeVersion = undefined;
  const transport = new Observed(openTransport(kind, ctx), (version) => (ctx.initializeVersion ??= version));
  setMaxListeners(ctx.maxPages + 10, ctx.signal); // the SDK adds one abort listener per request
  const options = { signal: ctx.signal, timeout: ctx.timeoutMs + 1000 }; // the wall-clock deadline governs, not the SDK's
  const client = new Client({ name: 'mcp-risk', version: '0.1.0' }, { capabilities: {} });
  ctx.phase = 'initialize';
  await client.connect(transport, options);
  ctx.phase = 'tools/list';
  const listing = await paginateTools(
    (cursor) => client.request({ method: 'tools/list', params: cursor === undefined ? {} : { cursor } }, PageSchema, options),
    { maxPages: ctx.maxPages, maxTools: ctx.maxTools, declared: client.getServerCapabilities()?.tools !== undefined },
  );
  return { ...listing, era: 'initialize', protocolVersion: ctx.initializeVersion, serverInfo: client.getServerVersion(), instructions: client.getInstructions() };
}

/** Passes everything through, and reports the protocolVersion of the first initialize result it carries. */
class Observed implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  constructor(private readonly inner: Transport, see: (version: string) => void) {
    inner.onmessage = (message) => {
      const version = (message as { result?: { protocolVersion?: unknown } }).result?.protocolVersion;
      if (typeof version === 'string') see(version);
      this.onmessage?.(message);
    };
    inner.onerror = (error) => this.onerror?.(error);
    inner.onclose = () => this.onclose?.();
  }

  get sessionId() {
    return this.inner.sessionId;
  }
  start = () => this.inner.start();
  send: Transport['send'] = (message, options) => this.inner.send(message, options);
  close = () => this.inner.close();
  setProtocolVersion = (version: string) => this.inner.setProtocolVersion?.(version);
}
