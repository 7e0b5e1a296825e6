// Turns a listing failure (crashed, protocol_error, timeout) into the cause the server's own output proves:
// needs_network, needs_credentials, not_an_mcp_server or unsupported_runtime (also: an import that differs from the
// shipped file only in letter case), with the matched line as evidence.
// A failure no rule explains is returned unchanged.
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { NeedsCredentialsError, NeedsNetworkError, NotAnMcpServerError, UnsupportedRuntimeError, type EvidencedError, type EvidenceOptions } from './attempt-errors.ts';
import { ListToolsError, ProtocolError, ServerCrashedError, ListToolsTimeoutError } from './errors.ts';
import { caseMismatchedImport } from './case-mismatch.ts';
import { matchRules, type DiagnosisKind } from './stderr-rules.ts';

const CLASSES: Record<DiagnosisKind, new (message: string, options: EvidenceOptions) => EvidencedError> = {
  needs_network: NeedsNetworkError,
  needs_credentials: NeedsCredentialsError,
  not_an_mcp_server: NotAnMcpServerError,
  unsupported_runtime: UnsupportedRuntimeError,
};

/** What the server itself wrote: its stderr, its non-JSON stdout, and the text of a JSON-RPC error it answered. */
export function serverTexts(error: ListToolsError): string[] {
  const texts = [error.stderrTail ?? '', error.stdoutText ?? ''];
  if (error.cause instanceof McpError) texts.unshift(error.cause.message.replace(/^MCP error -?\d+: /, ''));
  return texts;
}

/** The diagnosed error, or `error` itself when nothing the server wrote explains it. */
export function diagnose(error: unknown): unknown {
  if (!(error instanceof ServerCrashedError || error instanceof ProtocolError || error instanceof ListToolsTimeoutError)) return error;
  const texts = serverTexts(error);
  const mismatch = caseMismatchedImport(texts);
  if (mismatch) {
    const says = `it imports ${mismatch.wanted} but ships ${mismatch.present}: it was built on a case-insensitive file system and runs only on one (macOS, Windows), not on Linux`;
    return new UnsupportedRuntimeError(`${says}: ${mismatch.line}`, { evidence: mismatch.line, rule: 'case-mismatched-import', summary: says, cause: error });
  }
  const match = matchRules(texts);
  if (match) {
    const Kind = CLASSES[match.rule.kind];
    return new Kind(`${match.says}: ${match.line}`, { evidence: match.line, rule: match.rule.id, summary: match.says, subject: match.subject, cause: error });
  }
  // A stdio server never ends on its own before answering initialize; exit 0 means the program is not one.
  if (error instanceof ServerCrashedError && error.exitCode === 0 && !error.signal) {
    const first = texts.flatMap((t) => t.split('\n')).map((l) => l.trim()).find(Boolean);
    const evidence = first ? `exited with code 0 after writing: ${first}` : 'exited with code 0 without writing anything';
    return new NotAnMcpServerError(`its executable ended without speaking MCP (${evidence})`, { evidence, rule: 'exited-without-mcp', summary: 'its executable ended without speaking MCP', cause: error });
  }
  return error;
}

/** Exit code, signal and phase of the failure underneath a diagnosis, for the attempt's details. */
export function failureFacts(error: unknown): Record<string, unknown> | undefined {
  const inner = (error as { cause?: unknown }).cause;
  const failure = error instanceof ListToolsError ? error : inner instanceof ListToolsError ? inner : undefined;
  if (!failure) return undefined;
  return {
    failure: failure.kind,
    ...(failure.exitCode !== undefined && failure.exitCode !== null ? { exitCode: failure.exitCode } : {}),
    ...(failure.signal ? { signal: failure.signal } : {}),
    ...(failure instanceof ListToolsTimeoutError ? { phase: failure.phase } : {}),
  };
}
