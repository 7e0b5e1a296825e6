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
   * Let a server that failed for want of the network list again with it (still no host files, no loopback services,
   * no environment of ours). The first try is always without. @default false
   */
  allowNetwork?: boolean;
  /** npm registry for release lists and installs. @default the registry npm is configured with */
  npmRegistry?: string;
  /** How long a dependency from outside the npm registry (git, tarball URL) may take to install. @default 15000 */
  foreignDependencyTimeoutMs?: number;
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
  /** Parse problems per (normalized) tool name: a Map, since names are crawled text (`__proto__` included). */
  issues?: ReadonlyMap<string, string[]>;
  /** Installed version, protocol version, server info, listing-level issues, the tries made. */
  details?: Record<string, unknown>;
  /** The line of the server's stderr, or npm's or the registry's answer, that proves the status. */
  evidence?: string;
  /** The version the record declares, and the one actually listed (they differ when the declared one cannot be had). */
  declaredVersion?: string | null;
  listedVersion?: string | null;
  /** The executable and subcommand that listed (or last failed), e.g. `xcodebuildmcp mcp`. */
  entryPoint?: string;
  /** The command line run, placeholders marked, secrets never. */
  commandLine?: string;
  /** Whether the listing had the network: off (the default) or on (--allow-network, after a needs_network try). */
  networkMode?: 'off' | 'on';
  /** The error behind a failed status, for retry decisions; not stored. */
  failure?: unknown;
}
