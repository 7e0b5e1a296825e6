// Real tool definitions, grouped by server, for tests that check every verdict of a sample: the reviewers'
// and authors' development sets and every fourth server of the unlabelled corpus.
import { readFileSync } from 'node:fs';
import { classifyTools } from '../../classifier/classify.ts';
import type { ToolClassification } from '../../classifier/types.ts';
import { pickDefinition, type ToolDefinition } from '../../db/tool-definition.ts';

const FILES = ['eval/gold-dev.jsonl', 'eval/annotated-dev.jsonl', 'corpus/tools-unlabeled.jsonl'];

export interface Classified { server: string; tool: ToolDefinition; c: ToolClassification }

function clean(row: Record<string, unknown>): ToolDefinition {
  const d = pickDefinition(row) as unknown as Record<string, unknown>;
  for (const k of ['inputSchema', 'outputSchema', 'annotations', 'description', 'title']) if (d[k] === null) delete d[k];
  return d as unknown as ToolDefinition;
}

let cache: Classified[] | undefined;

/** Every tool of the sample with its classification, each server classified with its siblings. */
export function realTools(): Classified[] {
  if (cache) return cache;
  const out: Classified[] = [];
  for (const file of FILES) {
    const rows = readFileSync(new URL(`../../../shared/${file}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    const servers = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) {
      const key = String(r.server);
      const list = servers.get(key);
      if (list) list.push(r); else servers.set(key, [r]);
    }
    let i = 0;
    for (const [server, group] of servers) {
      if (file.startsWith('corpus') && i++ % 4 !== 0) continue;
      const tools = group.map(clean);
      classifyTools({ name: server, tools }).forEach((c, k) => out.push({ server, tool: tools[k], c }));
    }
  }
  cache = out;
  return out;
}
