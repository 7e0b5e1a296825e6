// Lenient reading of tools/list entries: keep every usable tool, drop only what cannot be a tool, flag the rest.
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';

export interface ToolIssue {
  /** The tool's name, when it has one. */
  tool?: string;
  problem: string;
}

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** One raw entry as a ToolDefinition with non-conforming fields dropped, or undefined when it has no usable name. */
export function parseTool(raw: unknown, index: number, issues: ToolIssue[]): ToolDefinition | undefined {
  if (!isObject(raw)) {
    issues.push({ problem: `tools[${index}] is ${describe(raw)}, not an object; dropped` });
    return undefined;
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') {
    issues.push({ problem: `tools[${index}] has no string name (name is ${JSON.stringify(raw.name) ?? 'missing'}); dropped` });
    return undefined;
  }
  const tool = { ...raw } as Record<string, unknown>;
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
    const annotations = { ...tool.annotations };
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
    const tool = parseTool(raw, offset + i, issues);
    if (!tool) return;
    if (into.has(tool.name)) issues.push({ tool: tool.name, problem: `duplicate name at tools[${offset + i}]; kept the first definition` });
    else into.set(tool.name, tool);
  });
}
