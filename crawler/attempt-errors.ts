// Attempt failures whose cause is known, each with the evidence that proves it: a line of the server's stderr
// (matched by a named rule in stderr-rules.ts), npm's answer, or the package's own metadata. The class decides
// the attempt's status (`kind`) and its stable `code`; callers never read the message.
import { clip } from './clip.ts';
import { CrawlError } from './errors.ts';

export interface EvidenceOptions {
  /** The line of stderr, the registry's or npm's answer, or the metadata field that proves the kind. */
  evidence: string;
  /** Id of the named rule that read the evidence (stderr-rules.ts), when one did. */
  rule?: string;
  /** The cause in words, without the proof, e.g. "it needs Node.js >=22". @default the message */
  summary?: string;
  /** What the evidence names that a retry can act on, e.g. the variable the server asked for. */
  subject?: string;
  cause?: unknown;
}

/** Base of the failures that carry their proof. */
export abstract class EvidencedError extends CrawlError {
  readonly evidence: string;
  readonly rule?: string;
  readonly summary: string;
  readonly subject?: string;
  constructor(message: string, options: EvidenceOptions) {
    super(message, { cause: options.cause });
    this.evidence = clip(options.evidence.replace(/\s+/g, ' ').trim(), 400);
    this.summary = options.summary ?? message;
    if (options.rule) this.rule = options.rule;
    if (options.subject) this.subject = options.subject;
  }
}

/** The server reached for the network (DNS, connect, fetch, an npx download) inside a sandbox that has none. */
export class NeedsNetworkError extends EvidencedError {
  readonly code = 'E_NEEDS_NETWORK';
  readonly kind = 'needs_network';
  /** Listing again with `allowNetwork` may succeed. */
  readonly retryable = false;
  override name = 'NeedsNetworkError';
}

/** The server stopped asking for a variable, a token or a login that a placeholder could not stand in for. */
export class NeedsCredentialsError extends EvidencedError {
  readonly code = 'E_NEEDS_CREDENTIALS';
  readonly kind = 'needs_credentials';
  readonly retryable = false;
  override name = 'NeedsCredentialsError';
}

/** The package is not a stdio MCP server: no executable, a library, a CLI that never speaks MCP, an HTTP service. */
export class NotAnMcpServerError extends EvidencedError {
  readonly code = 'E_NOT_MCP_SERVER';
  readonly kind = 'not_an_mcp_server';
  readonly retryable = false;
  override name = 'NotAnMcpServerError';
}

/** This machine's runtime cannot run it (Node.js too old for the package's engines, a missing built-in); not run when known beforehand. */
export class UnsupportedRuntimeError extends EvidencedError {
  readonly code = 'E_UNSUPPORTED_RUNTIME';
  readonly kind = 'unsupported_runtime';
  readonly retryable = false;
  override name = 'UnsupportedRuntimeError';
  constructor(message: string, options: EvidenceOptions & { range?: string }) {
    super(message, options);
    if (options.range) this.range = options.range;
  }
  /** The engines range the runtime does not satisfy, when that is the reason. */
  readonly range?: string;
}

/** The package registry has no such package (or the mirror in use does not serve it). */
export class PackageNotFoundError extends EvidencedError {
  readonly code = 'E_PACKAGE_NOT_FOUND';
  readonly kind = 'package_not_found';
  readonly retryable = false;
  override name = 'PackageNotFoundError';
}

/** A dependency cannot be fetched: a git or tarball URL outside the registry, or a dependency the registry lacks. */
export class DependencyUnreachableError extends EvidencedError {
  readonly code = 'E_DEPENDENCY_UNREACHABLE';
  readonly kind = 'dependency_unreachable';
  readonly retryable = false;
  override name = 'DependencyUnreachableError';
}
