// Shared test data: the annotated eval file and the filesystem server's tools/list snapshot.
import { readFileSync } from 'node:fs';
import { pickDefinition, type ToolDefinition } from '../../db/tool-definition.ts';
import { classifyTools } from '../../classifier/classify.ts';
import type { ToolClassification } from '../../classifier/types.ts';

export const EVAL_FILE = new URL('../../../shared/eval/annotated-dev.jsonl', import.meta.url);

export function evalLines(): string[] {
  return readFileSync(EVAL_FILE, 'utf8').split('\n').filter((l) => l.trim());
}

let rows: Record<string, unknown>[] | undefined;
export function evalRows(): Record<string, unknown>[] {
  rows ??= evalLines().map((l) => JSON.parse(l) as Record<string, unknown>);
  return rows;
}

/** The tools of one server of the eval file, as ToolDefinitions. */
export function evalServer(server: string): ToolDefinition[] {
  const tools = evalRows().filter((r) => r.server === server).map((r) => pickDefinition(r));
  if (!tools.length) throw new Error(`no server ${server} in the eval file`);
  return tools;
}

/** `tools/list` of @modelcontextprotocol/server-filesystem, captured from the installed package. */
export function filesystemTools(): ToolDefinition[] {
  const doc = JSON.parse(readFileSync(new URL('./fixtures/server-filesystem.tools.json', import.meta.url), 'utf8')) as { tools: Record<string, unknown>[] };
  return doc.tools.map((t) => pickDefinition(t));
}

/** Classifies a server and returns a lookup by tool name. */
export function classifyByName(name: string, tools: ToolDefinition[], description?: string): (tool: string) => ToolClassification {
  const results = classifyTools({ name, description, tools });
  return (tool) => {
    const found = results.find((r) => r.name === tool);
    if (!found) throw new Error(`no tool ${tool} on ${name}`);
    return found;
  };
}
