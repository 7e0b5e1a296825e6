// Follows tools/list pages whatever the transport or protocol era: a page cap, repeated-cursor detection,
// a tool cap, and lenient parsing, so that one bad page or tool keeps what came before.
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolDefinition } from '../db/tool-definition.ts';
import { ProtocolError, type ProcessDiagnostics } from './errors.ts';
import { collectTools, type ToolIssue } from './parse-tools.ts';

export interface PaginateOptions {
  /** tools/list pages followed before stopping with an issue. @default 50 */
  maxPages?: number;
  /** Tools kept before stopping with an issue. @default 5000 */
  maxTools?: number;
  /** Whether the server declared the tools capability; if not, method-not-found on the first page means no tools. @default true */
  declared?: boolean;
  /** Attached to a ProtocolError (stdio servers). @default {} */
  diagnostics?: ProcessDiagnostics;
}

export interface ToolPages {
  tools: ToolDefinition[];
  issues: ToolIssue[];
  /** Every tools/list entry exactly as the server sent it, dropped ones included. */
  rawTools: unknown[];
  pages: number;
}

/** Calls `fetchPage` with each cursor in turn; `fetchPage` returns a tools/list result as the server sent it. */
export async function paginateTools(fetchPage: (cursor: string | undefined) => Promise<unknown>, opts: PaginateOptions = {}): Promise<ToolPages> {
  const { maxPages = 50, maxTools = 5000, declared = true, diagnostics = {} } = opts;
  const tools = new Map<string, ToolDefinition>();
  const issues: ToolIssue[] = [];
  const rawTools: unknown[] = [];
  if (!declared) issues.push({ problem: 'the server does not declare the tools capability' });
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    if (pages >= maxPages) {
      issues.push({ problem: `stopped after ${maxPages} pages: the server still returned a nextCursor` });
      break;
    }
    let page: { tools?: unknown; nextCursor?: unknown };
    try {
      page = ((await fetchPage(cursor)) ?? {}) as typeof page;
    } catch (error) {
      if (!declared && pages === 0 && error instanceof McpError && error.code === ErrorCode.MethodNotFound) break;
      throw error;
    }
    pages += 1;
    if (!Array.isArray(page.tools)) throw new ProtocolError(`tools/list page ${pages} has no tools array`, diagnostics);
    const room = maxTools - tools.size;
    collectTools(page.tools.slice(0, room), tools, issues, rawTools.length);
    rawTools.push(...page.tools);
    if (page.tools.length > room) {
      issues.push({ problem: `stopped at ${maxTools} tools; the server listed more` });
      break;
    }
    const next = page.nextCursor;
    if (next === undefined || next === null || next === '') break;
    if (typeof next !== 'string') {
      issues.push({ problem: `nextCursor is ${JSON.stringify(next).slice(0, 100)}, not a string; stopped after page ${pages}` });
      break;
    }
    if (seen.has(next)) {
      issues.push({ problem: `nextCursor ${JSON.stringify(next.slice(0, 100))} repeated; stopped after page ${pages}` });
      break;
    }
    seen.add(next);
    cursor = next;
  }
  return { tools: [...tools.values()], issues, rawTools, pages };
}
