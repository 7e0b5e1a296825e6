// mcp-risk serve: serve a built site on localhost until interrupted.
import { serveStatic } from '../site/static-server.ts';
import { type Io, parseCommandArgs, positiveInt, UsageError } from './io.ts';
import { existsSync } from 'node:fs';

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
  const dir = values.dir ?? 'dist';
  if (!existsSync(`${dir}/index.html`)) throw new UsageError(`serve: ${dir}/index.html does not exist; run mcp-risk build first`, 1);
  const port = values.port === '0' ? 0 : positiveInt('serve', 'port', values.port, 4321);
  await serveUntilInterrupted(dir, { port, host: values.host }, io);
  return 0;
}

export async function serveUntilInterrupted(dir: string, options: { port: number; host?: string }, io: Io): Promise<void> {
  const running = await serveStatic(dir, options);
  io.stdout.write(`serving ${dir} at ${running.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void running.close().then(resolve); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
