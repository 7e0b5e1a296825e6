// Plain JSON-RPC requests over any SDK Transport (stdio child, Streamable HTTP), for the 2026-07-28 era that the
// SDK's Client cannot speak: it always opens with `initialize`. Responses are matched by id; errors become McpError.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { McpError, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface JsonRpcPeerOptions {
  /** Rejects every pending and later request with its reason. */
  signal: AbortSignal;
  /** Turns a failed send into the JSON-RPC error it carried, e.g. in the body of an HTTP 400. @default none */
  rpcErrorOf?: (error: unknown) => McpError | undefined;
}

type Pending = { resolve: (result: unknown) => void; reject: (error: unknown) => void };

export class JsonRpcPeer {
  private nextId = 1;
  private readonly pending = new Map<string | number, Pending>();

  constructor(private readonly transport: Transport, private readonly opts: JsonRpcPeerOptions) {
    transport.onmessage = (message: JSONRPCMessage) => this.receive(message);
    transport.onclose = () => this.rejectAll(new Error('the connection closed before the server answered'));
    transport.onerror = () => {}; // not fatal by the Transport contract; a failed send or a close is what counts
    opts.signal.addEventListener('abort', () => this.rejectAll(opts.signal.reason), { once: true });
  }

  start(): Promise<void> {
    return this.transport.start();
  }

  /** Sends one request and resolves with its `result`, or rejects with an McpError for an `error` response. */
  request(method: string, params: Record<string, unknown>): Promise<unknown> {
    this.opts.signal.throwIfAborted();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.transport.send({ jsonrpc: '2.0', id, method, params }).catch((error: unknown) => {
        this.pending.delete(id);
        reject(this.opts.rpcErrorOf?.(error) ?? error);
      });
    });
  }

  private receive(message: JSONRPCMessage): void {
    if (!('id' in message) || message.id === undefined || 'method' in message) return; // notifications, server requests
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if ('error' in message) waiting.reject(new McpError(message.error.code, message.error.message, message.error.data));
    else waiting.resolve(message.result);
  }

  private rejectAll(reason: unknown): void {
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
  }
}
