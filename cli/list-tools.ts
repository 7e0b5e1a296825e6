// `mcp-risk list-tools -- COMMAND [ARGS...]`: lists one stdio server's tools in the sandbox and prints them as JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NeedsNetworkError } from '../crawler/attempt-errors.ts';
import { diagnose } from '../crawler/diagnose.ts';
import { CrawlError } from '../crawler/errors.ts';
import { listTools } from '../crawler/list-tools.ts';
import { envAssignment, optionValues, parseCommandArgs, seconds } from './options.ts';
import { UsageError } from './usage-error.ts';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const LIST_TOOLS_USAGE = `Usage: mcp-risk list-tools [options] -- COMMAND [ARGS...]

Starts a stdio MCP server in the sandbox (bubblewrap: no network, read-only filesystem, private /tmp and
HOME, cleared environment, rlimits), lists all its tools and prints them as JSON on stdout:
{"tools": [...], "issues": [...], "serverInfo": {...}, "protocolVersion": "...", "pages": N, "durationMs": N}
The server's working directory is a fresh temporary directory, its only writable place, removed afterwards.

Options:
  --timeout SECONDS     wall-clock limit for the whole listing (default 60)
  --env NAME=VALUE      set a variable for the server, e.g. a placeholder API key (repeatable)
  --allow-network       let the server use the network (its own network namespace through pasta: the
                        host's loopback services stay out of reach; still no host files or our env)
  --unsafe-no-sandbox   run without bubblewrap (environment still cleared); for machines without it
  -h, --help            show this help

Exit status: 0 listed, 1 the listing failed (the error's code is printed), 2 bad usage.
Example: mcp-risk list-tools -- npx -y @modelcontextprotocol/server-memory
`;

const OPTIONS = {
  timeout: { type: 'string' },
  env: { type: 'string', multiple: true },
  'allow-network': { type: 'boolean' },
  'unsafe-no-sandbox': { type: 'boolean' },
} as const;

function readArgs(argv: string[]) {
  const { values, positionals } = parseCommandArgs('list-tools', argv, OPTIONS, true);
  const value = optionValues('list-tools', values);
  const timeout = value('timeout', seconds, 60);
  const env = Object.fromEntries(value.each('env', envAssignment));
  if (!values.help && !positionals.length) throw new UsageError('list-tools: no server command given; put it after --, e.g. -- npx -y some-mcp-server');
  return { values, positionals, seconds: timeout, env };
}

/** Runs the command; returns the exit status. */
export async function runListTools(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`mcp-risk ${error.message}\n`);
    return error.exitCode;
  }
  const { values, positionals, seconds: timeout, env } = parsed;
  if (values.help) {
    io.stdout.write(LIST_TOOLS_USAGE);
    return 0;
  }
  const [command, ...args] = positionals;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-risk-list-tools-'));
  try {
    const result = await listTools({
      command,
      args,
      env,
      writableDir: dir,
      timeoutMs: Math.round(timeout * 1000),
      sandbox: { allowNetwork: values['allow-network'] ?? false, unsafe: values['unsafe-no-sandbox'] ?? false },
    });
    const { tools, issues, serverInfo, protocolVersion, pages, durationMs } = result;
    const network = values['allow-network'] ? 'on' : 'off';
    io.stdout.write(`${JSON.stringify({ tools, issues, serverInfo, protocolVersion, pages, durationMs, network }, null, 2)}\n`);
    return 0;
  } catch (caught) {
    // What the server wrote says why it failed (needs_network, needs_credentials, ...) when a rule reads it.
    const error = diagnose(caught);
    const e = error as Error;
    const code = error instanceof CrawlError ? `${error.code} ` : '';
    io.stderr.write(`mcp-risk list-tools: ${code}${e.message.replace(/\s+/g, ' ').trim()}\n`);
    if (error instanceof NeedsNetworkError && !values['allow-network']) io.stderr.write('mcp-risk list-tools: the sandbox has no network; --allow-network gives it some\n');
    return 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
