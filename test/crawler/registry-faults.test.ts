// Registry faults against the replay server: throttling, server errors, timeouts, truncated bodies.
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../../crawler/http.ts';
import { registrySource } from '../../crawler/sources/registry.ts';
import type { SourcePage } from '../../crawler/sources/source.ts';
import { loadDump, startRegistryReplay, type ReplayOptions } from '../helpers/registry-replay.ts';

const OFFICIAL = 'io.modelcontextprotocol.registry/official';
const latest = () => loadDump().filter((i) => i._meta[OFFICIAL]?.isLatest).slice(0, 25);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => { while (closers.length) await closers.pop()!(); });

async function replay(intercept: ReplayOptions['intercept']) {
  const r = await startRegistryReplay({ items: latest() as never, intercept });
  closers.push(r.close);
  return r;
}

async function collect(url: string, http = {}): Promise<{ pages: SourcePage[]; error?: unknown }> {
  const pages: SourcePage[] = [];
  try {
    for await (const page of registrySource({ baseUrl: url, pageSize: 10, http: { backoffMs: 20, ...http } }).pages()) pages.push(page);
  } catch (error) {
    return { pages, error };
  }
  return { pages };
}

describe('registry faults', () => {
  it('honours Retry-After on 429 and then reads every page', async () => {
    const times: number[] = [];
    const r = await replay((req, res, n) => {
      times.push(Date.now());
      if (n === 2) { res.writeHead(429, { 'retry-after': '1' }).end('{"title":"Too Many Requests"}'); return true; }
      return false;
    });
    const { pages, error } = await collect(r.url);
    expect(error).toBeUndefined();
    expect(pages.flatMap((p) => p.entries)).toHaveLength(25);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(950);
    expect(r.requests[1]).toBe(r.requests[2]);
  });

  it('retries 500 and 503 with backoff, a bounded number of times', async () => {
    const r = await replay((req, res, n) => {
      if (n <= 2) { res.writeHead(n === 1 ? 500 : 503).end('{}'); return true; }
      return false;
    });
    const { pages, error } = await collect(r.url);
    expect(error).toBeUndefined();
    expect(pages.flatMap((p) => p.entries)).toHaveLength(25);

    const down = await replay((req, res) => { res.writeHead(503).end('{}'); return true; });
    const failed = await collect(down.url, { retries: 2 });
    expect(failed.error).toBeInstanceOf(HttpError);
    expect((failed.error as HttpError).code).toBe('E_HTTP_503');
    expect(down.requests).toHaveLength(3);
  });

  it('times out a registry that never answers, retries, then says so', async () => {
    const r = await replay(() => true); // never responds
    const started = Date.now();
    const { error } = await collect(r.url, { timeoutMs: 300, retries: 1 });
    expect((error as HttpError).code).toBe('E_TIMEOUT');
    expect(r.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails clearly on truncated JSON after retrying, keeping the pages read before it', async () => {
    const r = await replay((req, res, n) => {
      if (n >= 2) { res.writeHead(200, { 'content-type': 'application/json' }).end('{"servers":[{"server":{"name":"trunc'); return true; }
      return false;
    });
    const { pages, error } = await collect(r.url, { retries: 1 });
    expect(pages).toHaveLength(1);
    expect(pages[0].entries).toHaveLength(10);
    expect((error as HttpError).code).toBe('E_BAD_JSON');
    expect((error as Error).message).toMatch(/malformed JSON/);
  });

  it('does not retry a 404: it is the caller\'s mistake', async () => {
    const r = await replay((req, res) => { res.writeHead(404).end('{"title":"Not Found"}'); return true; });
    const { error } = await collect(r.url);
    expect((error as HttpError).code).toBe('E_HTTP_404');
    expect((error as HttpError).retryable).toBe(false);
    expect(r.requests).toHaveLength(1);
  });
});
