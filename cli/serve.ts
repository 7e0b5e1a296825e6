// mcp-risk serve: serve a built site on localhost until interrupted.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../site/static-server.ts';
import type { Io } from './io.ts';
import { host, optionValues, parseCommandArgs, port, nonEmpty } from './options.ts';
import { UsageError } from './usage-error.ts';

export const SERVE_HELP = `Usage: mcp-risk serve [--dir DIR] [--port N] [--host HOST]

Serves a built site (see mcp-risk build) until interrupted.

Options:
  --dir DIR    the built site (default: dist)
  --port N     port (default: 4321; 0 picks a free one)
  --host HOST  address to listen on (default: 127.0.0.1)
  -h, --help   show this help
`;

export async function runServeCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('serve', argv, { dir: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  if (values.help) { io.stdout.write(SERVE_HELP); return 0; }
  const value = optionValues('serve', values);
  const dir = value('dir', nonEmpty, 'dist');
  const options = { port: value('port', port, 4321), host: value('host', host) };
  if (!existsSync(join(dir, 'index.html'))) {
    if (values.dir !== undefined) throw new UsageError(`serve: --dir ${dir} holds no built site (no index.html); build one with mcp-risk build --out ${dir}`);
    throw new UsageError(`serve: ${join(dir, 'index.html')} does not exist; run mcp-risk build first`, 1);
  }
  await serveUntilInterrupted(dir, options, io);
  return 0;
}

export async function serveUntilInterrupted(dir: string, options: { port: number; host?: string }, io: Io): Promise<void> {
  const running = await serveStatic(dir, options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`serve: port ${options.port} is in use; choose another with --port N (0 picks a free one)`, 1);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UsageError(`serve: cannot listen on ${options.host}: no such address on this machine`);
    throw error;
  });
  io.stdout.write(`serving ${dir} at ${running.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void running.close().then(resolve); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
