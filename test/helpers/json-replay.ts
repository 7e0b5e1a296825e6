// A local HTTP server (127.0.0.1, random port) answering from a route function, for source tests.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route answers: JSON (any value) or raw text (`text`, for malformed bodies); undefined is a 404. */
export type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | undefined;
export type Route = (url: URL, req: IncomingMessage, requestNumber: number) => Reply | Promise<Reply>;

export interface JsonReplay {
  url: string;
  /** Path and query of every request, in order. */
  requests: string[];
  /** Request headers of every request, in order. */
  headers: IncomingMessage['headers'][];
  close(): Promise<void>;
}

export async function startJsonReplay(route: Route): Promise<JsonReplay> {
  const requests: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    headers.push(req.headers);
    const reply = await route(new URL(req.url ?? '/', 'http://127.0.0.1'), req, requests.length);
    if (!reply) { res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not Found"}'); return; }
    const body = reply.text ?? JSON.stringify(reply.json);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    headers,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
