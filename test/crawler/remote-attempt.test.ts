// attemptServer for remote launches: placeholder headers, and every outcome of listRemoteTools as an attempt status.
import { describe, expect, it } from 'vitest';
import { remoteHeaders } from '../../crawler/attempt-remote.ts';
import { attemptServer, type AttemptOptions } from '../../crawler/attempt-server.ts';
import type { Launch } from '../../crawler/launch.ts';
import { MODERN } from '../fixtures/remote/modern-era.mjs';
import { modernOnlyServer, serve, streamableServer, type TestServer } from '../fixtures/remote/servers.ts';

const options: AttemptOptions = { cacheDir: '/nonexistent/cache', workDir: '/nonexistent/work', timeoutMs: 5000 };
const remote = (url: string, headers: { name: string; required: boolean }[] = []): Launch => ({ kind: 'remote', transport: 'streamable-http', url, headers });

async function attempt(server: TestServer, launch: Launch = remote(server.url), extra: Partial<AttemptOptions> = {}) {
  try {
    return await attemptServer(launch, { ...options, ...extra });
  } finally {
    await server.close();
  }
}

describe('attemptServer for remote servers', () => {
  it('fills required headers with placeholders and leaves optional ones out', () => {
    expect(remoteHeaders([
      { name: 'Authorization', required: true }, { name: 'X-Api-Key', required: true },
      { name: 'X-Region', required: true }, { name: 'X-Debug', required: false },
    ])).toEqual({ Authorization: 'Bearer mcp-risk-placeholder', 'X-Api-Key': 'mcp-risk-placeholder', 'X-Region': 'us-east-1' });
  });

  it('lists a Streamable HTTP server: ok, with era, transport and protocol version in details', async () => {
    const server = await streamableServer();
    const result = await attempt(server, remote(server.url, [{ name: 'X-Api-Key', required: true }, { name: 'X-Debug', required: false }]));
    expect(result).toMatchObject({
      status: 'ok', issues: {},
      details: { era: 'initialize', transport: 'streamable-http', protocolVersion: '2025-11-25', serverInfo: { name: 'streamable-notes' }, fallbacks: [], listingIssues: [] },
    });
    expect(result.tools?.map((t) => t.name)).toEqual(['read_note', 'delete_note']);
    expect(server.requests[0].headers['x-api-key']).toBe('mcp-risk-placeholder');
    expect(server.requests[0].headers['x-debug']).toBeUndefined();
  });

  it('records the discover era for a modern-only server', async () => {
    const result = await attempt(await modernOnlyServer());
    expect(result).toMatchObject({ status: 'ok', details: { era: 'discover', protocolVersion: MODERN, supportedVersions: [MODERN] } });
  });

  it('waits as Retry-After asks when a server answers 429, then lists it; the wait is in the details', async () => {
    let refused = 0;
    const server = await streamableServer((req, res) => {
      if (req.method !== 'POST' || refused++ > 0) return false;
      res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      return true;
    });
    const started = performance.now();
    const result = await attempt(server, undefined, { timeoutMs: 8000 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(result).toMatchObject({ status: 'ok', details: { transport: 'streamable-http', retries: [{ status: 429, waitedMs: 1000 }] } });
    expect(result.tools?.map((t) => t.name)).toEqual(['read_note', 'delete_note']);
    // A 429 is "not now", not "no Streamable HTTP here": no fall back to SSE; the retry posts initialize again.
    expect(result.details).toMatchObject({ fallbacks: [] });
    expect(server.requests.slice(0, 2).map((r) => `${r.method} ${r.rpc}`)).toEqual(['POST initialize', 'POST initialize']);
  });

  it('retries a 503 twice with a doubling backoff, then records http_error with the waits', async () => {
    const server = await serve((_req, res) => res.writeHead(503).end('maintenance'));
    const result = await attempt(server, undefined, { timeoutMs: 20_000 });
    expect(result).toMatchObject({ status: 'http_error', errorKind: 'E_HTTP', details: { retries: [{ status: 503, waitedMs: 1000 }, { status: 503, waitedMs: 2000 }] } });
  });

  it('does not retry a 404, nor a wait that would not leave time to list', async () => {
    const missing = await serve((_req, res) => res.writeHead(404).end());
    const notFound = await attempt(missing);
    expect(notFound).toMatchObject({ status: 'http_error' });
    expect(notFound.details).not.toHaveProperty('retries');
    const later = await serve((_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const busy = await attempt(later, undefined, { timeoutMs: 5000 });
    expect(busy).toMatchObject({ status: 'http_error', errorKind: 'E_HTTP' });
    expect(busy.details).not.toHaveProperty('retries');
    expect(later.requests.map((r) => `${r.method} ${r.rpc}`)).toEqual(['POST initialize']);
  });

  it('maps a 401 challenge to auth_required', async () => {
    const server = await serve((_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer realm="notes"' }).end());
    expect(await attempt(server)).toMatchObject({ status: 'auth_required', errorKind: 'E_AUTH_REQUIRED', details: { url: server.url } });
  });

  it('maps a server that never answers to timeout', async () => {
    const server = await serve(() => new Promise(() => {}));
    expect(await attempt(server, undefined, { timeoutMs: 1000 })).toMatchObject({ status: 'timeout', errorKind: 'E_TIMEOUT' });
  });

  it('maps garbage to protocol_error', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc": "2.0", "oops'));
    expect(await attempt(server)).toMatchObject({ status: 'protocol_error', errorKind: 'E_PROTOCOL' });
  });

  it('maps connection refused to unreachable', async () => {
    const server = await serve(() => {});
    await server.close();
    expect(await attemptServer(remote(server.url), options)).toMatchObject({ status: 'unreachable', errorKind: 'E_UNREACHABLE', error: expect.stringContaining('ECONNREFUSED') });
  });

  it('maps a URL whose variables were never substituted to unsupported_runtime', async () => {
    expect(await attemptServer(remote('https://{tenant}.example.com/mcp'), options)).toMatchObject({ status: 'unsupported_runtime', errorKind: 'E_BAD_URL' });
  });
});
