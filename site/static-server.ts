// A small static file server for a built site: loopback by default, no directory escapes, 404 page.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
};

export interface StaticServerOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
}

export interface RunningServer { url: string; server: Server; close(): Promise<void> }

async function findFile(root: string, pathname: string): Promise<string | undefined> {
  const path = resolve(root, `.${normalize(decodeURIComponent(pathname))}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, 'index.html'), `${path}.html`]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<RunningServer> {
  const { host = '127.0.0.1', port = 0 } = options;
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const file = await findFile(root, pathname);
      const status = file ? 200 : 404;
      const body = file ?? (await findFile(root, '/404.html'));
      res.writeHead(status, {
        'content-type': body ? TYPES[extname(body)] ?? 'application/octet-stream' : 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      if (!body) { res.end('Not found'); return; }
      createReadStream(body).pipe(res);
    } catch {
      res.writeHead(400).end('Bad request');
    }
  });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(port, host, ok); });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shown}:${address.port}/`, server, close: () => new Promise((ok) => server.close(() => ok())) };
}
