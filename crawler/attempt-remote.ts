// attemptServer for a remote server: declared headers filled with placeholders, listed over HTTP.
import type { AttemptOptions, AttemptResult } from './attempt-server.ts';
import { failedAttempt, listedAttempt } from './attempt-common.ts';
import type { Launch } from './launch.ts';
import { listRemoteTools } from './list-remote.ts';
import { placeholderFor, SCRATCH_TOKEN } from './placeholders.ts';

export type RemoteLaunch = Extract<Launch, { kind: 'remote' }>;

const PLACEHOLDER = 'mcp-risk-placeholder';

/** Values for the headers the registry marks required; optional ones are left out. */
export function remoteHeaders(declared: RemoteLaunch['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { name, required } of declared) {
    if (!required) continue;
    if (/^authorization$/i.test(name)) headers[name] = `Bearer ${PLACEHOLDER}`;
    else {
      const value = placeholderFor({ name });
      headers[name] = value === SCRATCH_TOKEN ? PLACEHOLDER : value; // no scratch dir on someone else's server
    }
  }
  return headers;
}

export async function attemptRemote(launch: RemoteLaunch, options: AttemptOptions): Promise<AttemptResult> {
  const context = { url: launch.url, declaredTransport: launch.transport };
  try {
    const result = await listRemoteTools({ url: launch.url, transport: launch.transport, headers: remoteHeaders(launch.headers), timeoutMs: options.timeoutMs ?? 60_000 });
    return listedAttempt(result, {
      ...context, transport: result.transport, era: result.era, supportedVersions: result.supportedVersions,
      fallbacks: result.fallbacks, instructions: result.instructions,
    });
  } catch (error) {
    if (error instanceof TypeError) return { status: 'unsupported_runtime', errorKind: 'E_BAD_URL', error: error.message, details: context };
    return failedAttempt(error, context);
  }
}
