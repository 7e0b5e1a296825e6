// Lenient reading of tools/list entries: keep every usable tool, drop only what cannot be a tool, flag the rest.
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';
import { changed, describeRecord, emptyRecord, normalizeJson, type NormalizationRecord } from '../db/normalize-text.ts';

export interface ToolIssue {
  /** The tool's name (normalized), when it has one. */
  tool?: string;
  problem: string;
  /** Set on the issue that reports what normalize-text.ts changed in this entry. */
  normalization?: NormalizationRecord;
  /** Set when the entry was dropped because it could not be read at all (e.g. nested too deep to walk). */
  dropped?: boolean;
}

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/**
 * One raw entry as a ToolDefinition with non-conforming fields dropped, or undefined when it has no usable name.
 * Every string and key is normalized first (db/normalize-text.ts), and what that changed is reported as an issue.
 */
export function parseTool(entry: unknown, index: number, issues: ToolIssue[]): ToolDefinition | undefined {
  const record = emptyRecord();
  const raw = normalizeJson(entry, record);
  if (changed(record) && isObject(raw) && typeof raw.name === 'string') {
    issues.push({ tool: raw.name, problem: describeRecord(record), normalization: record });
  } else if (changed(record)) issues.push({ problem: `tools[${index}]: ${describeRecord(record)}`, normalization: record });
  if (!isObject(raw)) {
    issues.push({ problem: `tools[${index}] is ${describe(raw)}, not an object; dropped` });
    return undefined;
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    issues.push({ problem: `tools[${index}] has no string name (name is ${JSON.stringify(raw.name) ?? 'missing'}); dropped` });
    return undefined;
  }
  const tool: Record<string, unknown> = { ...raw }; // spread defines keys: `__proto__` stays an own key
  const flag = (problem: string) => issues.push({ tool: raw.name as string, problem });
  if (/[\u0000-\u001f\u007f\s]/.test(raw.name)) flag('name contains whitespace or control characters');
  for (const key of ['title', 'description'] as const) {
    if (tool[key] !== undefined && typeof tool[key] !== 'string') {
      flag(`${key} is ${describe(tool[key])}, not a string; dropped`);
      delete tool[key];
    }
  }
  if (tool.inputSchema === undefined) flag('inputSchema is missing');
  for (const key of ['inputSchema', 'outputSchema'] as const) {
    if (tool[key] === undefined) continue;
    if (!isObject(tool[key])) {
      flag(`${key} is ${describe(tool[key])}, not an object; dropped`);
      delete tool[key];
    } else if (tool[key].type !== 'object') {
      flag(`${key}.type is ${JSON.stringify(tool[key].type) ?? 'missing'}, not "object"`);
    }
  }
  if (tool.annotations !== undefined && !isObject(tool.annotations)) {
    flag(`annotations is ${describe(tool.annotations)}, not an object; dropped`);
    delete tool.annotations;
  } else if (isObject(tool.annotations)) {
    const annotations: Record<string, unknown> = { ...tool.annotations };
    for (const hint of HINTS) {
      if (annotations[hint] !== undefined && typeof annotations[hint] !== 'boolean') {
        flag(`annotations.${hint} is ${JSON.stringify(annotations[hint])}, not a boolean; dropped`);
        delete annotations[hint];
      }
    }
    tool.annotations = annotations;
  }
  return pickDefinition(tool);
}

/** Parses a page of raw entries into `into`, keeping the first definition of a repeated name. */
export function collectTools(raws: unknown[], into: Map<string, ToolDefinition>, issues: ToolIssue[], offset = 0): void {
  raws.forEach((raw, i) => {
    let tool: ToolDefinition | undefined;
    try {
      tool = parseTool(raw, offset + i, issues);
    } catch (error) {
      // e.g. a schema nested deeper than the stack: this entry is lost, never the others
      const name = isObject(raw) && typeof raw.name === 'string' ? raw.name : undefined;
      issues.push({ ...(name === undefined ? {} : { tool: normalizeJson(name) }), problem: `tools[${offset + i}] could not be read (${(error as Error).name}: ${normalizeJson(String((error as Error).message)).slice(0, 200)}); dropped`, dropped: true });
      return;
    }
    if (!tool) return;
    if (into.has(tool.name)) issues.push({ tool: tool.name, problem: `duplicate name at tools[${offset + i}]; kept the first definition` });
    else into.set(tool.name, tool);
  });
}
