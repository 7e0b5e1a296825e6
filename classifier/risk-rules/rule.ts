// One row of the grading table (DESIGN §4 "Rules as data"): an id, the category it grades, what it
// matches, the level it sets and the evidence line it writes. `mcp-risk eval` reports per rule how often it
// fired and how often the reviewers agreed.
import type { Category, Risk } from '../types.ts';
import type { RiskFacts } from '../risk-facts.ts';

/**
 * How a rule moves risk:
 * - `base`: sets the starting level (the first matching base rule wins; the category's baseline otherwise);
 * - `raise`: lifts risk to at least `to`;
 * - `bump`: one level up (scope: bulk, all, cascade), applied once whatever the number of bump rules;
 * - `lower`: caps risk at `to`, only when no raise rule fired (a harmless kind of action with no dangerous
 *   input; a wide scope does not block it, a hard signal does).
 */
export type RuleEffect = 'base' | 'raise' | 'bump' | 'lower';

export interface RiskRule {
  /** Stable id: `<category>.<what>`, e.g. `read.any-url`. */
  id: string;
  category: Category;
  effect: RuleEffect;
  /** The level set, raised to or capped at (not used by `bump`). */
  to?: Risk;
  /** What it matches, in a few words (for the eval report and the accuracy page). */
  summary: string;
  /** What a runaway or manipulated agent could do with a tool this rule decides, for rationales. */
  consequence: string;
  /** The evidence line when the rule applies to this tool, otherwise undefined. */
  test(f: RiskFacts): string | undefined;
}

export interface FiredRule { id: string; effect: RuleEffect; to?: Risk; evidence: string; consequence: string }
