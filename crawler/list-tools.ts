// Lists the tools of one stdio MCP server: spawned in the sandbox, initialize, tools/list page by page, process tree always killed.
import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError, type Implementation } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ToolDefinition } from '../db/tool-definition.ts';
import { ChildTransport, type ChildTransportOptions } from './child-transport.ts';
import { CrawlError, ListToolsTimeoutError, ProtocolError, SpawnFailedError, type ListToolsPhase } from './errors.ts';
import type { ToolIssue } from './parse-tools.ts';
import { paginateTools } from './paginate-tools.ts';
import { initializeRejectedAsModern, listModernTools } from './discover.ts';
import { assertReachable, prepareWritableDir, probeSandbox } from './sandbox-check.ts';
import { findExecutable, sandboxCommand, sandboxEnv, type SandboxOptions } from './sandbox.ts';

export interface ListToolsOptions {
  command: string;
  /** @default [] */
  args?: string[];
  /** Variables for the server (placeholders), added to the sandbox's minimal environment. @default {} */
  env?: Record<string, string>;
  /** The server's only writable host dir, also its working dir. @default a fresh dir under os.tmpdir(), removed afterwards */
  writableDir?: string;
  /** Wall-clock budget for everything: spawn, initialize, every tools/list page. @default 60000 */
  timeoutMs?: number;
  /** tools/list pages followed before stopping with an issue. @default 50 */
  maxPages?: number;
  /** Tools kept before stopping with an issue. @default 5000 */
  maxTools?: number;
  /** @default the sandbox defaults: no network, bubblewrap required */
  sandbox?: SandboxOptions;
  /** Output caps and kill grace, see ChildTransportOptions. @default 8 MiB stdout, 256 KiB stderr tail, 10 garbage lines, 250 ms */
  output?: Pick<ChildTransportOptions, 'maxStdoutBytes' | 'maxStderrBytes' | 'maxGarbageLines' | 'killGraceMs'>;
}

export interface ListToolsResult {
  tools: ToolDefinition[];
  /** Problems with single tools (`tool` set) or with the listing (pages, cursors, capabilities). */
  issues: ToolIssue[];
  /** Every tools/list entry exactly as the server sent it, dropped ones included. */
  rawTools: unknown[];
  serverInfo?: Implementation;
  protocolVersion?: string;
  instructions?: string;
  pages: number;
  /** `initialize` (the handshake) or `discover` (the 2026-07-28 era, `server/discover`). */
  era: 'initialize' | 'discover';
  durationMs: number;
}

interface ListState {
  phase: ListToolsPhase;
  /** The live child (a second one when the first rejected initialize as a modern-era server). */
  transport?: ChildTransport;
  /** Every child spawned, all closed (and their process trees gone) before listTools returns. */
  spawned: ChildTransport[];
  respawn(): ChildTransport;
}

/**
 * Without the network, an npm the server starts (`npx -y pkg`) fails at its first DNS error, naming it, instead of
 * retrying for minutes until the listing times out.
 */
const OFFLINE_HINTS: Record<string, string> = { npm_config_fetch_retries: '0' };

const PageSchema = z.object({ tools: z.unknown(), nextCursor: z.unknown() }).passthrough();
type Listing = Omit<ListToolsResult, 'durationMs'>;

/** Lists a server's tools; throws a ListToolsError (or SandboxUnavailableError) and never leaves a process behind. */
export async function listTools(opts: ListToolsOptions): Promise<ListToolsResult> {
  const started = performance.now();
  const { timeoutMs = 60_000, sandbox = {} } = opts;
  await probeSandbox(sandbox);
  const ownDir = opts.writableDir === undefined ? await mkdtemp(path.join(os.tmpdir(), 'mcp-risk-server-')) : undefined;
  const writableDir = path.resolve(opts.writableDir ?? ownDir!);
  const state: ListState = { phase: 'initialize', spawned: [], respawn: () => { throw new Error('not spawned yet'); } };
  const controller = new AbortController();
  setMaxListeners((opts.maxPages ?? 50) + 10, controller.signal); // the SDK adds one abort listener per request
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!sandbox.unsafe) {
      await prepareWritableDir(writableDir, sandbox.runAs);
      for (const dir of sandbox.readOnlyDirs ?? []) await assertReachable(dir, sandbox.runAs);
    }
    const env = { ...(sandbox.allowNetwork ? {} : OFFLINE_HINTS), ...sandbox.env, ...opts.env };
    assertCommandExists(opts.command, writableDir, sandboxEnv({ ...sandbox, env }).PATH);
    const spec = sandboxCommand({ ...sandbox, env, writableDir, command: opts.command, args: opts.args });
    state.respawn = () => {
      const child = new ChildTransport({ ...opts.output, ...spec, cwd: writableDir, supervisor: !sandbox.unsafe });
      state.spawned.push(child);
      return child;
    };
    const transport = (state.transport = state.respawn());
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new ListToolsTimeoutError(state.phase, timeoutMs, (state.transport ?? transport).diagnostics);
        controller.abort(error);
        reject(error);
      }, Math.max(0, timeoutMs - (performance.now() - started)));
    });
    const listing = await Promise.race([list(transport, opts, state, controller.signal), deadline]);
    return { ...listing, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    throw classify(error, state.transport, state.phase);
  } finally {
    clearTimeout(timer);
    await Promise.all(state.spawned.map((t) => t.close()));
    if (ownDir) await rm(ownDir, { recursive: true, force: true });
  }
}

async function list(transport: ChildTransport, opts: ListToolsOptions, state: ListState, signal: AbortSignal): Promise<Listing> {
  const { maxPages = 50, maxTools = 5000, timeoutMs = 60_000 } = opts;
  const requestOptions = { signal, timeout: timeoutMs + 1000 }; // the wall-clock deadline governs, not the SDK's
  const client = new Client({ name: 'mcp-risk', version: '0.1.0' }, { capabilities: {} });
  try {
    await client.connect(transport, requestOptions);
  } catch (error) {
    // A server of the 2026-07-28 era has no initialize: the SDK closed the child, so start a fresh one.
    if (!(error instanceof McpError) || !initializeRejectedAsModern(error) || transport.failure) throw error;
    const fresh = (state.transport = state.respawn());
    const modern = await listModernTools(fresh, { signal, maxPages, maxTools, onPhase: (phase) => { state.phase = phase; } });
    const { era, protocolVersion, serverInfo, instructions, tools, issues, rawTools, pages } = modern;
    return { era, protocolVersion, serverInfo, instructions, tools, issues, rawTools, pages };
  }
  state.phase = 'tools/list';
  const listing = await paginateTools(
    (cursor) => client.request({ method: 'tools/list', params: cursor === undefined ? {} : { cursor } }, PageSchema, requestOptions),
    { maxPages, maxTools, declared: client.getServerCapabilities()?.tools !== undefined, diagnostics: transport.diagnostics },
  );
  return { ...listing, era: 'initialize', serverInfo: client.getServerVersion(), protocolVersion: transport.protocolVersion, instructions: client.getInstructions() };
}

/** Under bwrap a missing command would look like a crash; find it first (the sandbox sees the host's files read-only). */
function assertCommandExists(command: string, cwd: string, searchPath: string): void {
  const found = command.includes('/') ? findExecutable(path.basename(command), path.resolve(cwd, path.dirname(command))) : findExecutable(command, searchPath);
  if (!found) throw new SpawnFailedError(command, Object.assign(new Error(`${command} not found`), { code: 'ENOENT' }));
}

/** The transport's own finding (flood, garbage, crash) wins; SDK errors mean the server broke the protocol. */
function classify(error: unknown, transport: ChildTransport | undefined, phase: ListToolsPhase): unknown {
  if (transport?.failure) return transport.failure;
  if (!transport || error instanceof CrawlError) return error; // failed before spawning (bad options, no sandbox), or ours
  const diagnostics = transport.diagnostics;
  if (error instanceof McpError) return new ProtocolError(`server answered ${phase} with error ${error.code}: ${error.message}`, diagnostics, { cause: error });
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);
  return new ProtocolError(`invalid ${phase} response: ${message}`, diagnostics, { cause: error });
}
