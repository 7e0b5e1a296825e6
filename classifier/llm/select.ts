// Which tools go to the LLM, and which heuristic categories it may not move. By default only the
// tools the heuristics are unsure of: low confidence, or annotations that contradict behaviour.
import type { ToolDefinition } from '../../db/tool-definition.ts';
import { analyzeTool } from '../analysis.ts';
import { decideCategory } from '../category.ts';
import { analyzeServer, type ServerAnalysis } from '../context.ts';
import type { ServerContext, ToolClassification } from '../types.ts';
import { atLeast, isPoisoningKind } from '../finding-kinds.ts';

/** auto: only tools the heuristics are unsure of; all: every tool. */
export type LlmMode = 'auto' | 'all';
export const LLM_MODES = ['auto', 'all', 'off'] as const;

/** Below this heuristic confidence a tool is sent in `auto` mode. */
export const DEFAULT_THRESHOLD = 0.7;

/** Why the heuristics are unsure of this verdict, or undefined when they are confident. */
export function unsureReason(c: ToolClassification, threshold = DEFAULT_THRESHOLD): string | undefined {
  if (c.confidence < threshold) return `heuristic confidence ${c.confidence} is below ${threshold}`;
  if (c.findings.some((f) => f.kind === 'annotation_conflict')) return 'author annotations conflict with behaviour';
  return undefined;
}

export function shouldReview(c: ToolClassification, mode: LlmMode, threshold = DEFAULT_THRESHOLD): boolean {
  return mode === 'all' || unsureReason(c, threshold) !== undefined;
}


/**
 * Hard signals behind the heuristic category, which the LLM may raise but not lower: behaviour that
 * decided it strongly (a destructive verb in the name, a shell parameter), a confident verdict, the
 * author's own destructiveHint, or a definition that tries to manipulate its reader.
 */
export class HardSignals {
  private server?: ServerAnalysis;
  constructor(private readonly ctx: ServerContext, private readonly threshold = DEFAULT_THRESHOLD) {}

  /** Why the heuristic category of `c` is a floor, or undefined when the LLM may change it freely. */
  categoryFloor(tool: ToolDefinition, c: ToolClassification): string | undefined {
    if (c.findings.some((f) => isPoisoningKind(f.kind) && atLeast(f.severity, 'medium'))) return 'the definition carries manipulation findings';
    if (c.confidence >= this.threshold) return `the heuristics are confident (${c.confidence})`;
    if (c.category === 'Destructive' && tool.annotations?.destructiveHint === true) return 'the author marks it destructive';
    this.server ??= analyzeServer(this.ctx);
    const decided = decideCategory(analyzeTool(tool, this.server));
    if (decided.strength === 'strong' && !decided.byAnnotation && decided.behaviour === c.category) {
      return 'its behaviour (name, schema) decides the category';
    }
    return undefined;
  }
}
