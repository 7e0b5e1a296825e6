// The shape of an MCP tool as a server publishes it, and its content hash.
import { createHash } from 'node:crypto';

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
  [key: string]: unknown;
}

/** A tool definition: the fields that make its identity (DESIGN §3). */
export interface ToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: ToolAnnotations;
}

const HASHED_FIELDS = ['name', 'title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;

/** Keeps only the hashed fields of a tool, dropping undefined ones. */
export function pickDefinition(tool: Record<string, unknown>): ToolDefinition {
  const out: Record<string, unknown> = {};
  for (const key of HASHED_FIELDS) if (tool[key] !== undefined) out[key] = tool[key];
  return out as unknown as ToolDefinition;
}

/** JSON with object keys sorted at every depth, so equal definitions serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) of the canonical JSON of the tool's hashed fields. */
export function definitionHash(tool: ToolDefinition): string {
  return createHash('sha256').update(canonicalJson(pickDefinition(tool as never))).digest('hex');
}
