// Small lenient readers shared by the sources: untyped JSON in, typed values or nothing out.
import { pickDefinition, type ToolDefinition } from '../../db/tool-definition.ts';
import { SourceError } from './source.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A non-blank trimmed string, else undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Tools as a directory publishes them: keeps every item with a string name, drops the rest with an
 * issue each, so one non-conforming tool never loses the others.
 */
export function readTools(list: unknown, where: string): { tools: ToolDefinition[]; issues: string[] } {
  const tools: ToolDefinition[] = [];
  const issues: string[] = [];
  if (list === undefined || list === null) return { tools, issues };
  if (!Array.isArray(list)) return { tools, issues: [`${where}: tools is not an array`] };
  list.forEach((item, i) => {
    if (!isObj(item) || !str(item.name)) { issues.push(`${where}: tool #${i} has no name; skipped`); return; }
    const tool = pickDefinition({ ...item, name: str(item.name) });
    if (tool.description === null) delete tool.description;
    if (tool.title === null) delete tool.title;
    if (tool.inputSchema !== undefined && !isObj(tool.inputSchema)) {
      issues.push(`${where}: tool ${tool.name} has a non-object inputSchema; dropped it`);
      delete tool.inputSchema;
    }
    if (tool.annotations !== undefined && !isObj(tool.annotations)) delete tool.annotations;
    tools.push(tool);
  });
  return { tools, issues };
}

/** An offset cursor: a non-negative integer written as text. */
export function readOffsetCursor(cursor: string | undefined, source: string): number {
  if (cursor === undefined || cursor === '') return 0;
  const n = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(n)) {
    throw new SourceError(`${source}: cursor "${cursor}" is not an offset this source wrote (expected a non-negative integer)`, 'E_CURSOR');
  }
  return n;
}

/** Checks an integer option, repeating the bad input in the error (p-queue style). */
export function checkInteger(source: string, name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SourceError(`${source}: ${name} must be an integer from ${min} to ${max}, got ${value}`, 'E_OPTIONS');
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight, keeping the order of results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
