// Crawl failures as classes with stable codes: callers branch on `code`/`kind`, never on message text.
import { constants } from 'node:os';
import { clip } from './clip.ts';
import { matchRules, tellingLines } from './stderr-rules.ts';

/** Why listing a server's tools failed; a fixed set, stored in crawl_attempts.error_kind. */
export type ListToolsErrorKind = 'timeout' | 'crashed' | 'protocol_error' | 'output_limit' | 'spawn_failed';

/** Base of every crawler error. `retryable` is false when the server is broken by its own fault. */
export abstract class CrawlError extends Error {
  abstract readonly code: string;
  abstract readonly kind: string;
  abstract readonly retryable: boolean;
}

/** Raised before spawning: bubblewrap is missing or does not work on this machine. */
export class SandboxUnavailableError extends CrawlError {
  readonly code = 'E_NO_SANDBOX';
  readonly kind = 'sandbox_unavailable';
  readonly retryable = false;
  override name = 'SandboxUnavailableError';
  constructor(reason: string, options: { cause?: unknown; hint?: string } = {}) {
    const hint = options.hint ?? 'Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap), or pass the explicit unsafe option (--unsafe-no-sandbox) to run servers unsandboxed';
    super(`cannot sandbox stdio servers: ${reason}. ${hint}.`, { cause: options.cause });
  }
}

/** Diagnostics every listing failure carries. */
export interface ProcessDiagnostics {
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  /** The last bytes the server wrote to stderr. */
  stderrTail?: string;
  /** What it wrote on stdout that was not JSON-RPC (usage text, banners), up to 16 KiB. */
  stdoutText?: string;
}

/**
 * The stderr line that names the error, for a one-line message: one a diagnosis rule reads (stderr-rules.ts), else
 * the last thrown error's head (`TypeError: ...`), else the last line naming an error, else the last line; stack
 * frames, npm's log-file footer and bare punctuation are never chosen.
 */
export function stderrSummary(tail: string | undefined): string | undefined {
  const lines = tellingLines(tail);
  const line = matchRules([tail])?.line
    ?? lines.filter((l) => /^(?:\[cause\]: )?(?:Uncaught )?[A-Z][\w.]*(?:Error|Exception)\b:?/.test(l)).at(-1)
    ?? lines.filter((l) => /error|fatal|exception|panic|traceback|denied/i.test(l)).at(-1) ?? lines.at(-1);
  return line && clip(line, 300);
}

/** A failure while listing the tools of one stdio server. */
export abstract class ListToolsError extends CrawlError {
  abstract override readonly kind: ListToolsErrorKind;
  exitCode?: number | null;
  signal?: NodeJS.Signals | null;
  stderrTail?: string;
  stdoutText?: string;
  constructor(message: string, diagnostics: ProcessDiagnostics = {}, options?: { cause?: unknown }) {
    const summary = stderrSummary(diagnostics.stderrTail);
    super(summary ? `${message}; stderr: ${summary}` : message, options);
    Object.assign(this, diagnostics);
  }
}

export type ListToolsPhase = 'initialize' | 'tools/list';

/** The server did not finish within the wall-clock budget. Retryable: a slow machine can cause it. */
export class ListToolsTimeoutError extends ListToolsError {
  readonly code = 'E_TIMEOUT';
  readonly kind = 'timeout';
  readonly retryable = true;
  override name = 'ListToolsTimeoutError';
  constructor(readonly phase: ListToolsPhase, readonly timeoutMs: number, diagnostics?: ProcessDiagnostics) {
    super(`server did not finish ${phase} within ${timeoutMs} ms`, diagnostics);
  }
}

/** The server process exited or was killed (by a limit, for instance) before listing finished. */
export class ServerCrashedError extends ListToolsError {
  readonly code = 'E_CRASHED';
  readonly kind = 'crashed';
  readonly retryable = false;
  override name = 'ServerCrashedError';
  constructor(diagnostics: ProcessDiagnostics) {
    const { exitCode, signal } = diagnostics;
    // bwrap (like a shell) reports a child's death by signal N as exit code 128+N.
    const byName = Object.entries(constants.signals).find(([, n]) => exitCode != null && exitCode > 128 && n === exitCode - 128)?.[0];
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}${byName ? ` (128+${exitCode! - 128}: probably killed by ${byName}, e.g. a limit)` : ''}`;
    super(`server process ${how} before listing its tools`, diagnostics);
  }
}

/** The server spoke something other than MCP: garbage lines, invalid JSON-RPC, error responses. */
export class ProtocolError extends ListToolsError {
  readonly code = 'E_PROTOCOL';
  readonly kind = 'protocol_error';
  readonly retryable = false;
  override name = 'ProtocolError';
}

/** The server wrote more than the byte cap on stdout. */
export class OutputLimitError extends ListToolsError {
  readonly code = 'E_OUTPUT_LIMIT';
  readonly kind = 'output_limit';
  readonly retryable = false;
  override name = 'OutputLimitError';
  constructor(readonly limitBytes: number, diagnostics?: ProcessDiagnostics) {
    super(`server wrote more than ${limitBytes} bytes on stdout`, diagnostics);
  }
}

/** The process could not be started at all (command not found, not executable, out of resources). */
export class SpawnFailedError extends ListToolsError {
  readonly code = 'E_SPAWN_FAILED';
  readonly kind = 'spawn_failed';
  override name = 'SpawnFailedError';
  readonly retryable: boolean;
  constructor(command: string, cause: NodeJS.ErrnoException) {
    super(`cannot start ${JSON.stringify(command)}: ${cause.code ?? cause.message}`, {}, { cause });
    this.retryable = cause.code === 'EAGAIN' || cause.code === 'EMFILE' || cause.code === 'ENFILE';
  }
}

/**
 * A remote server wants credentials: HTTP 401/403, a `WWW-Authenticate` challenge, or the SDK's UnauthorizedError.
 * Not a failure of the server: it is listed once someone supplies credentials.
 */
export class AuthRequiredError extends CrawlError {
  readonly code = 'E_AUTH_REQUIRED';
  readonly kind = 'auth_required';
  readonly retryable = false;
  override name = 'AuthRequiredError';
  constructor(readonly url: string, readonly status?: number, readonly wwwAuthenticate?: string, options?: { cause?: unknown }) {
    const challenge = wwwAuthenticate ? `; challenge: ${wwwAuthenticate.slice(0, 200)}` : '';
    super(`${url} requires authorization${status ? ` (HTTP ${status})` : ''}${challenge}`, options);
  }
}

/** No connection to a remote server: refused, reset, DNS or TLS failure. Retryable: it may be back later. */
export class ServerUnreachableError extends CrawlError {
  readonly code = 'E_UNREACHABLE';
  readonly kind = 'unreachable';
  readonly retryable = true;
  override name = 'ServerUnreachableError';
  constructor(readonly url: string, readonly reason: string, options?: { cause?: unknown }) {
    super(`${url} could not be reached (${reason})`, options);
  }
}

/** A remote server answered with an HTTP error that is not about auth, on every transport tried. */
export class RemoteHttpError extends CrawlError {
  readonly code = 'E_HTTP';
  readonly kind = 'http_error';
  override name = 'RemoteHttpError';
  /** 408, 429 and 5xx may pass; a 404 or 405 on every transport means there is no MCP endpoint at that URL. */
  readonly retryable: boolean;
  /** The wait the server's Retry-After asked for, in ms. */
  readonly retryAfterMs?: number;
  constructor(message: string, readonly status: number, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.retryable = status === 408 || status === 429 || status >= 500;
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** A remote server sent more bytes than the listing allows. */
export class ResponseLimitError extends ListToolsError {
  readonly code = 'E_RESPONSE_LIMIT';
  readonly kind = 'output_limit';
  readonly retryable = false;
  override name = 'ResponseLimitError';
  constructor(readonly limitBytes: number) {
    super(`server sent more than ${limitBytes} bytes over HTTP`);
  }
}
