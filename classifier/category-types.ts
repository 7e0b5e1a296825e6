// The category decision's result type and the verb-class to category map, shared by the category rules
// (category.ts, category-schema.ts, category-prose.ts, annotations.ts) without an import circle.
import type { Verb } from './intent.ts';
import type { Category } from './types.ts';
import type { VerbClass } from './verbs.ts';

export type Strength = 'strong' | 'weak' | 'none';

export interface CategoryResult {
  category: Category;
  /** What behaviour alone says, before annotations; undefined when nothing in it names an action. */
  behaviour?: Category;
  strength: Strength;
  evidence: string[];
  /** The verb that decided, for rationales. */
  verb?: Verb;
  /** Independent signals that agree or disagree with the category (for confidence). */
  agree: number;
  disagree: number;
  /** Annotations, not behaviour, decided the category. */
  byAnnotation: boolean;
  /** It runs other tools of its server by name (`execute_sentry_tool`): as risky as the worst of them. */
  dispatcher?: boolean;
}

export const CATEGORY_OF: Record<Exclude<VerbClass, 'weak'>, Category> = {
  financial: 'Financial', destructive: 'Destructive', execute: 'Execute', write: 'Write', read: 'Read',
};
