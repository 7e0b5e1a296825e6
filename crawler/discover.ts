// The 2026-07-28 protocol era (SEP-2575, "stateless MCP"): no `initialize` handshake; every request carries its
// protocol version, client info and capabilities in `params._meta`, and `server/discover` returns the server's
// supported versions, capabilities and instructions (its identity in `_meta`). Works over any SDK Transport.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, ImplementationSchema, McpError, type Implementation } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ProtocolError } from './errors.ts';
import { JsonRpcPeer } from './json-rpc-peer.ts';
import { paginateTools, type ToolPages } from './paginate-tools.ts';

/** Modern protocol versions mcp-risk speaks, newest first. */
export const MODERN_VERSIONS: readonly string[] = ['2026-07-28'];
/** Error codes only a modern server sends: HeaderMismatch, MissingRequiredClientCapability, UnsupportedProtocolVersion. */
export const MODERN_ERROR_CODES: readonly number[] = [-32020, -32021, -32022];
const UNSUPPORTED_PROTOCOL_VERSION = -32022;
const META = 'io.modelcontextprotocol/';

export interface ModernListOptions {
  signal: AbortSignal;
  /** @default 50 */
  maxPages?: number;
  /** @default 5000 */
  maxTools?: number;
  /** @default { name: 'mcp-risk', version: '0.1.0' } */
  clientInfo?: Implementation;
  /** Turns a failed send into the JSON-RPC error it carried (an HTTP error body). @default none */
  rpcErrorOf?: (error: unknown) => McpError | undefined;
  /** Told when the listing moves from discovery to tools/list (for timeout messages). */
  onPhase?: (phase: 'tools/list') => void;
}

export interface ModernListing extends ToolPages {
  era: 'discover';
  protocolVersion: string;
  supportedVersions: string[];
  serverInfo?: Implementation;
  instructions?: string;
}

/** Whether a JSON-RPC error proves that the server speaks the modern era: a modern-only code, or a `supported` list naming a modern version. */
export function isModernError(error: { code: number; data?: unknown }): boolean {
  const supported = (error.data as { supported?: unknown } | undefined)?.supported;
  return MODERN_ERROR_CODES.includes(error.code) || (Array.isArray(supported) && supported.some((v) => MODERN_VERSIONS.includes(v)));
}

const DiscoverResultSchema = z.object({
  supportedVersions: z.array(z.string()),
  capabilities: z.record(z.unknown()),
  instructions: z.string().optional(),
  resultType: z.string().optional(),
  _meta: z.record(z.unknown()).optional(),
}).passthrough();

const pickVersion = (offered: unknown) => MODERN_VERSIONS.find((v) => Array.isArray(offered) && offered.includes(v));

/** server/discover, then tools/list page by page, each request stamped with the negotiated version. */
export async function listModernTools(transport: Transport, opts: ModernListOptions): Promise<ModernListing> {
  const clientInfo = opts.clientInfo ?? { name: 'mcp-risk', version: '0.1.0' };
  const peer = new JsonRpcPeer(transport, { signal: opts.signal, rpcErrorOf: opts.rpcErrorOf });
  await peer.start();
  let version = MODERN_VERSIONS[0];
  const call = async (method: string, params: Record<string, unknown>) => {
    transport.setProtocolVersion?.(version); // the MCP-Protocol-Version header must match `_meta` on HTTP
    const _meta = { [`${META}protocolVersion`]: version, [`${META}clientInfo`]: clientInfo, [`${META}clientCapabilities`]: {} };
    const result = (await peer.request(method, { ...params, _meta })) as { resultType?: unknown } | undefined;
    if (result?.resultType !== undefined && result.resultType !== 'complete') {
      throw new ProtocolError(`server answered ${method} with resultType ${JSON.stringify(result.resultType)}; mcp-risk supplies no input`);
    }
    return result;
  };
  let raw: unknown;
  try {
    raw = await call('server/discover', {});
  } catch (error) {
    const retryWith = error instanceof McpError && error.code === UNSUPPORTED_PROTOCOL_VERSION && pickVersion((error.data as { supported?: unknown })?.supported);
    if (!retryWith) throw error;
    version = retryWith;
    raw = await call('server/discover', {});
  }
  const parsed = DiscoverResultSchema.safeParse(raw);
  if (!parsed.success) throw new ProtocolError(`invalid server/discover result: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300)}`);
  const discovered = parsed.data;
  const chosen = pickVersion(discovered.supportedVersions);
  if (!chosen) {
    throw new ProtocolError(`server supports protocol versions ${JSON.stringify(discovered.supportedVersions).slice(0, 200)}; mcp-risk speaks ${MODERN_VERSIONS.join(', ')} in this era`);
  }
  version = chosen;
  const info = ImplementationSchema.safeParse(discovered._meta?.[`${META}serverInfo`]);
  opts.onPhase?.('tools/list');
  const listing = await paginateTools((cursor) => call('tools/list', cursor === undefined ? {} : { cursor }), {
    maxPages: opts.maxPages, maxTools: opts.maxTools, declared: discovered.capabilities.tools !== undefined,
  });
  return {
    ...listing, era: 'discover', protocolVersion: version, supportedVersions: discovered.supportedVersions,
    serverInfo: info.success ? info.data : undefined, instructions: discovered.instructions,
  };
}

/** Whether an error from `initialize` means the server may speak the modern era: method-not-found, or a modern error. */
export function initializeRejectedAsModern(error: { code: number; data?: unknown }): boolean {
  return error.code === ErrorCode.MethodNotFound || isModernError(error);
}
