// listRemoteTools against real HTTP servers on 127.0.0.1: SDK servers of both transports, a modern-era-only server,
// and hostile ones.
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { listModernTools } from '../../crawler/discover.ts';
import { CrawlError } from '../../crawler/errors.ts';
import { listRemoteTools, type ListRemoteOptions } from '../../crawler/list-remote.ts';
import { MODERN, type SeenRequest } from '../fixtures/remote/modern-era.mjs';
import { jsonRpcServer, modernOnlyServer, serve, sseOnlyServer, streamableServer, type TestServer } from '../fixtures/remote/servers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const list = (options: Partial<ListRemoteOptions> = {}) => listRemoteTools({ url: server!.url, transport: 'streamable-http', timeoutMs: 5000, ...options });

async function failure(promise: Promise<unknown>): Promise<CrawlError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CrawlError);
  return error as CrawlError;
}

describe('listRemoteTools over real SDK servers', () => {
  it('lists a Streamable HTTP server with its annotations, sending the given headers', async () => {
    server = await streamableServer();
    const result = await list({ headers: { 'X-Api-Key': 'mcp-risk-placeholder' } });
    expect(result).toMatchObject({ era: 'initialize', transport: 'streamable-http', protocolVersion: '2025-11-25', fallbacks: [], issues: [], pages: 1 });
    expect(result.serverInfo).toMatchObject({ name: 'streamable-notes', version: '1.2.3' });
    expect(result.instructions).toBe('streamable-notes instructions');
    const byName = new Map(result.tools.map((t) => [t.name, t]));
    expect([...byName.keys()]).toEqual(['read_note', 'delete_note']);
    expect(byName.get('read_note')?.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(byName.get('delete_note')?.annotations).toEqual({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get('delete_note')?.inputSchema).toMatchObject({ type: 'object', required: ['id'] });
    expect(server.requests.filter((r) => r.method === 'POST').every((r) => r.headers['x-api-key'] === 'mcp-risk-placeholder')).toBe(true);
  });

  it('reaches an SSE-only server through the fallback after a 404 to POST', async () => {
    server = await sseOnlyServer();
    const result = await list({ headers: { Authorization: 'Bearer mcp-risk-placeholder' } });
    expect(result).toMatchObject({ era: 'initialize', transport: 'sse', protocolVersion: '2025-11-25' });
    expect(result.fallbacks).toEqual(['streamable-http: HTTP 404 on POST']);
    expect(result.tools.map((t) => t.name)).toEqual(['read_note', 'delete_note']);
    expect(result.serverInfo?.name).toBe('sse-notes');
    expect(server.requests.filter((r) => r.method === 'GET').every((r) => r.headers.authorization === 'Bearer mcp-risk-placeholder')).toBe(true);
  });

  it('uses SSE directly when the registry declares sse', async () => {
    server = await sseOnlyServer();
    const result = await list({ transport: 'sse' });
    expect(result).toMatchObject({ transport: 'sse', fallbacks: [] });
    expect(server.requests[0].method).toBe('GET');
  });
});

describe('listRemoteTools in the 2026-07-28 era', () => {
  it('lists a modern-only server through server/discover after it rejects initialize, and records the era', async () => {
    const seen: SeenRequest[] = [];
    server = await modernOnlyServer(seen);
    const result = await list();
    expect(result).toMatchObject({ era: 'discover', transport: 'streamable-http', protocolVersion: MODERN, supportedVersions: [MODERN], pages: 2 });
    expect(result.fallbacks).toEqual(['streamable-http initialize: HTTP 400 on POST (JSON-RPC error -32020)']);
    expect(result.serverInfo).toEqual({ name: 'modern-notes', version: '2.0.0' });
    expect(result.instructions).toBe('Notes, kept modern.');
    expect(result.tools.map((t) => t.name)).toEqual(['search_notes', 'delete_note']);
    expect(result.tools[1].annotations).toEqual({ destructiveHint: true, readOnlyHint: false });
    expect(seen.map((s) => s.method)).toEqual(['initialize', 'server/discover', 'tools/list', 'tools/list']);
    for (const request of seen.slice(1)) {
      expect(request.meta).toMatchObject({ 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': {} });
      expect(request.headers).toMatchObject({ 'mcp-protocol-version': MODERN, 'mcp-method': request.method });
    }
  });

  it('tries server/discover when initialize returns a protocol version the SDK does not know', async () => {
    server = await jsonRpcServer({ initialize: () => ({ protocolVersion: MODERN, capabilities: {}, serverInfo: { name: 'x', version: '1' } }) });
    const error = await failure(list());
    // The hand-written server knows no server/discover: a protocol error, after trying it.
    expect(error).toMatchObject({ kind: 'protocol_error' });
    expect(error.message).toContain('-32601');
    expect(server.requests.map((r) => `${r.method} ${r.rpc}`)).toEqual(['POST initialize', 'POST server/discover']);
  });
});

describe('listModernTools over stdio', () => {
  const fixture = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const overStdio = async (script: string) => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [fixture(script)], stderr: 'ignore' });
    try {
      return await listModernTools(transport, { signal: AbortSignal.timeout(5000) });
    } finally {
      await transport.close();
    }
  };

  it('lists a modern-only stdio server through server/discover', async () => {
    const result = await overStdio('../fixtures/remote/modern-stdio.mjs');
    expect(result).toMatchObject({ era: 'discover', protocolVersion: MODERN, pages: 2, serverInfo: { name: 'modern-notes' } });
    expect(result.tools.map((t) => t.name)).toEqual(['search_notes', 'delete_note']);
  });

  it('gets method-not-found from an initialize-era stdio server: the probe a dual-era client falls back on', async () => {
    const error = await overStdio('../fixtures/hostile/duplicates.mjs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error).toMatchObject({ code: -32601 });
  });
});

describe('listRemoteTools on hostile servers', () => {
  it('reports a 401 with WWW-Authenticate as auth_required, not a failure, without trying SSE', async () => {
    const challenge = 'Bearer resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource", scope="notes"';
    server = await serve((_req, res) => res.writeHead(401, { 'www-authenticate': challenge }).end());
    const error = await failure(list());
    expect(error).toMatchObject({ kind: 'auth_required', code: 'E_AUTH_REQUIRED', status: 401, wwwAuthenticate: challenge, retryable: false });
    expect(server.requests.map((r) => `${r.method} ${r.rpc}`)).toEqual(['POST initialize']);
  });

  it('reports a 403 without a challenge as auth_required', async () => {
    server = await serve((_req, res) => res.writeHead(403).end('forbidden'));
    expect(await failure(list())).toMatchObject({ kind: 'auth_required', status: 403 });
  });

  it('times out, as a whole, on a server that never answers', async () => {
    server = await serve(() => new Promise(() => {}));
    const started = Date.now();
    const error = await failure(list({ timeoutMs: 1500 }));
    expect(error).toMatchObject({ kind: 'timeout', code: 'E_TIMEOUT', phase: 'initialize', retryable: true });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out in tools/list when only initialize is answered', async () => {
    server = await serve((req, res, body) => {
      const message = JSON.parse(body || '{}') as { id?: number; method?: string };
      if (req.method !== 'POST' || message.method === 'tools/list') return new Promise(() => {}); // hang
      if (message.id === undefined) return res.writeHead(202).end();
      const result = { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'h', version: '0' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    });
    expect(await failure(list({ timeoutMs: 1500 }))).toMatchObject({ kind: 'timeout', phase: 'tools/list' });
  });

  it('reports garbage as protocol_error', async () => {
    server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>Welcome to nginx!</html>'));
    const error = await failure(list());
    expect(error).toMatchObject({ kind: 'protocol_error', code: 'E_PROTOCOL', retryable: false });
    expect(error.message).toMatch(/^invalid initialize response/);
  });

  it('reports an HTML page as protocol_error', async () => {
    server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome to nginx!</html>'));
    const error = await failure(list());
    expect(error).toMatchObject({ kind: 'protocol_error' });
    expect(error.message).toContain('text/html');
  });

  it('stops an endless nextCursor at the page cap and keeps the tools', async () => {
    server = await jsonRpcServer({
      'tools/list': ({ cursor }) => {
        const page = typeof cursor === 'string' ? Number(cursor.slice(5)) : 0;
        return { tools: [{ name: `tool_${page}`, inputSchema: { type: 'object' } }], nextCursor: `page-${page + 1}` };
      },
    });
    const result = await list({ maxPages: 20 });
    expect(result.pages).toBe(20);
    expect(result.tools).toHaveLength(20);
    expect(result.tools[19].name).toBe('tool_19');
    expect(result.issues).toEqual([{ problem: expect.stringContaining('stopped after 20 pages') }]);
  });

  it('stops a repeated cursor', async () => {
    server = await jsonRpcServer({ 'tools/list': () => ({ tools: [{ name: 'same', inputSchema: { type: 'object' } }], nextCursor: 'again' }) });
    const result = await list();
    expect(result.pages).toBe(2);
    expect(result.issues.map((i) => i.problem)).toEqual([expect.stringContaining('duplicate'), expect.stringContaining('repeated')]);
  });

  it('stops a response larger than the byte budget', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    server = await jsonRpcServer({ 'tools/list': () => ({ tools: [{ name: 'big', description: huge, inputSchema: { type: 'object' } }] }) });
    const error = await failure(list({ maxResponseBytes: 256 * 1024 }));
    expect(error).toMatchObject({ kind: 'output_limit', code: 'E_RESPONSE_LIMIT' });
  });

  it('reports a server with no MCP endpoint on either transport as http_error', async () => {
    server = await serve((_req, res) => res.writeHead(404).end('Not Found'));
    const error = await failure(list());
    expect(error).toMatchObject({ kind: 'http_error', code: 'E_HTTP', status: 404, retryable: false });
    expect(error.message).toContain('HTTP 404 on POST, then HTTP 404 on GET');
  });

  it('reports connection refused as unreachable', async () => {
    server = await serve(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await failure(listRemoteTools({ url, transport: 'streamable-http', timeoutMs: 5000 }));
    expect(error).toMatchObject({ kind: 'unreachable', code: 'E_UNREACHABLE', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('rejects a URL that is not http(s), repeating it', async () => {
    await expect(listRemoteTools({ url: 'ftp://example.com/mcp', transport: 'sse' })).rejects.toThrow('"ftp://example.com/mcp"');
  });
});
