// The one small interface every server source implements.
import type { ServerRecord } from '../../db/queries/servers.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';

/** One server as one source describes it. */
export interface SourceEntry {
  /** registry | snapshot | npm | pypi | smithery | glama | pulsemcp | config | list */
  source: string;
  /** The record's key within its source (e.g. `<name>@<version>`). */
  sourceKey: string;
  /** The record exactly as fetched. */
  raw: unknown;
  server: ServerRecord;
  /** Problems met while reading the record leniently (it is kept all the same). */
  issues: string[];
  /** Tools the source itself publishes for this server (e.g. Glama, Smithery), read leniently. */
  tools?: ToolDefinition[];
  /** Where `tools` was observed (e.g. 'glama', 'smithery'); set whenever `tools` is. */
  toolsObservedVia?: string;
}

/** A page of entries, plus the cursor to resume after it and records that could not be read at all. */
export interface SourcePage {
  entries: SourceEntry[];
  /** Opaque position after this page; undefined when the source is exhausted. */
  nextCursor?: string;
  rejected: { sourceKey?: string; reason: string }[];
}

export interface ServerSource {
  readonly name: string;
  /** Pages of entries from `cursor` (or the start) to the end of the source. */
  pages(cursor?: string): AsyncIterable<SourcePage>;
}

/** A source's configuration error or unrecoverable failure, with a stable code. */
export class SourceError extends Error {
  constructor(message: string, readonly code: string, readonly cause?: unknown) {
    super(message);
    this.name = 'SourceError';
  }
}
