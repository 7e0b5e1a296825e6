// The classifier's vocabulary (DESIGN §4) and output shape, shared by the db, the CLI and the site.
import type { ToolDefinition } from '../db/tool-definition.ts';

export const CATEGORIES = ['Financial', 'Destructive', 'Execute', 'Write', 'Read'] as const;
/** Precedence order: when several apply, the first in this list wins. */
export type Category = (typeof CATEGORIES)[number];

export const RISKS = ['Low', 'Medium', 'High', 'Critical'] as const;
export type Risk = (typeof RISKS)[number];

/**
 * Every finding kind, the single source for the site, eval and SARIF (titles and help text:
 * `classifier/finding-kinds.ts`). Codes are stable: stored rows keep them; add, never rename.
 * `tool_poisoning` is the code of hidden instructions to the model.
 */
export const FINDING_KINDS = [
  'tool_poisoning', 'data_exfiltration', 'shadowing', 'preference_manipulation', 'capability_mismatch',
  'invisible_characters', 'secret_in_definition', 'annotation_conflict', 'definition_drift',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** One plain sentence: what was found and why it matters. */
  message: string;
  /** The offending text, escaped/truncated for display (never raw control characters). */
  excerpt?: string;
  /** The suspicious span within `excerpt`, as [start, end) UTF-16 offsets. */
  mark?: [number, number];
  /** Where the text was found: `description`, `title`, `parameter \`x\``, `name`. */
  field?: string;
  /** The id of the rule that fired (`classifier/findings/registry.ts`). */
  rule?: string;
  /** Who found it: the heuristics (absent) or an LLM review. */
  source?: 'llm';
}

/** PolicyLayer policy.json (DESIGN §5). */
export type ConditionOp = 'eq' | 'neq' | 'in' | 'not_in' | 'lt' | 'lte' | 'gt' | 'gte' | 'regex' | 'contains' | 'exists';
export interface PolicyCondition { path: string; op: ConditionOp; value?: unknown }
export interface PolicyLimit { counter: string; window: 'minute' | 'hour' | 'day'; max: number; scope: string }
export interface ToolPolicy { limits?: PolicyLimit[]; require?: PolicyCondition[]; deny_if?: PolicyCondition[] }
export interface Policy {
  version: '1';
  default: 'allow' | 'deny';
  hide?: string[];
  tools: Record<string, ToolPolicy>;
}

/** What the classifier says about one tool. */
export interface ToolClassification {
  name: string;
  category: Category;
  risk: Risk;
  /** 0..1 */
  confidence: number;
  /** Two to four plain sentences specific to this tool and server. */
  rationale: string;
  /** Short, checkable lines. */
  evidence: string[];
  findings: Finding[];
  /** The recommended policy.json for this tool alone. */
  policy: Policy;
  /** Ids of the grading rules that fired (classifier/risk-rules/), for eval; not stored. */
  rules?: string[];
}

/** Context the classifier reads a tool in. */
export interface ServerContext {
  /** The server's display name (registry name or package). */
  name?: string;
  description?: string;
  /** All tools of the server, the classified one included: its siblings. */
  tools: ToolDefinition[];
}
