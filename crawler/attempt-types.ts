// What listing one server takes and gives back: shared by attemptServer (crawler/attempt-server.ts) and
// the per-runtime attempts it dispatches to, which therefore import nothing from it.
import type { ToolDefinition } from '../db/tool-definition.ts';
import type { RuntimeOptions } from './runtimes.ts';
import type { SandboxOptions } from './sandbox.ts';

export interface AttemptOptions {
  /** Package cache root. */
  cacheDir: string;
  /** Where per-server scratch dirs are made (each removed afterwards). */
  workDir: string;
  /** Wall-clock limit for listing one server, start-up included. @default 60000 */
  timeoutMs?: number;
  /** Wall-clock limit for installing one package. @default 180000 */
  installTimeoutMs?: number;
  sandbox?: SandboxOptions;
  /** Where uvx and docker are, and how long `docker info` may take. @default found on PATH, 10 s */
  executables?: RuntimeOptions;
  /**
   * Header values sent to a remote server in place of placeholders: a user's own configured headers
   * (`mcp-risk scan`). Never stored. @default placeholders for the headers the launch marks required
   */
  remoteHeaders?: Record<string, string>;
}

export interface AttemptResult {
  status: string;
  errorKind?: string;
  error?: string;
  tools?: ToolDefinition[];
  issues?: Record<string, string[]>;
  /** Installed version, protocol version, server info, listing-level issues. */
  details?: Record<string, unknown>;
}
