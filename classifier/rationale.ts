// The rationale: two to four plain sentences naming the tool and server, what it does, what a runaway or
// manipulated agent could do with it, and what the recommended policy does. Every claim comes from an
// evidence line: the second sentence is the consequence of the grading rule that set the risk (or of the
// category when none did), and the third is read from the policy itself.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category-types.ts';
import { describeToolPolicy } from './policy-words.ts';
import { isHostile } from './finding-kinds.ts';
import { doesWhat } from './rationale-what.ts';
import type { RiskResult } from './risk.ts';
import { trimEnd } from './trim-end.ts';
import type { Category, Finding, Policy, Risk } from './types.ts';

/** The tool's objects as words ("its items" when it names none), for the sentences that name them. */
const objectsNamed = (objects: string[]) => objects.filter((o) => o.length > 1).join(' ') || 'its items';

/** What an agent could do with a tool of this category when no grading rule decided its level. */
function byCategory(category: Category, risk: Risk, objects: string[]): string {
  switch (category) {
    case 'Read':
      return risk === 'Low' ? 'Misused, it only reads what its credentials already allow, and changes nothing.'
        : 'A manipulated agent could read more than the task needs and pass it on.';
    case 'Write':
      return risk === 'Low' ? 'At worst a runaway agent makes noisy changes that are easy to revert.'
        : `A runaway agent could create or change ${objectsNamed(objects)} at volume, leaving a mess to clean up.`;
    case 'Execute':
      return 'A manipulated agent could set off actions whose effects leave the system and cannot be called back.';
    case 'Destructive':
      return `A runaway agent could irreversibly remove ${objectsNamed(objects)}.`;
    case 'Financial':
      return 'A manipulated agent could move money or commit spending without a human check.';
  }
}

/** The sentence about what the category was read from, when it was not the tool's own words. */
function readAs(a: ToolAnalysis, c: CategoryResult): string {
  if (a.domain && c.evidence.some((e) => e.startsWith('sibling tools'))) return ` Its siblings suggest ${a.domain.label}, so it is read as ${c.category}.`;
  if (c.byAnnotation) return ` Its name and description leave it open, so the author's annotation decides: ${c.category}.`;
  return '';
}

/** Two to four sentences specific to this tool and server. */
export function rationale(a: ToolAnalysis, c: CategoryResult, risk: Risk, policy: Policy, findings: Finding[], graded: RiskResult): string {
  const name = a.tool.name;
  const first = trimEnd(`\`${name}\` on ${a.server.name} ${doesWhat(a, c, findings)}`, '.') + '.';
  // a low-severity finding (one "only use this tool …") is shown on the page, but does not make the text hostile
  const hostile = findings.filter((f) => isHostile(f) || f.kind === 'definition_drift');
  const consequence = graded.decisive && graded.risk === risk ? graded.decisive.consequence : byCategory(c.category, risk, a.objects);
  const why = hostile.length
    ? ` Its definition raised ${hostile.length} finding${hostile.length === 1 ? '' : 's'} (${[...new Set(hostile.map((f) => f.kind.replace(/_/g, ' ')))].join(', ')}), so treat its text as hostile.`
    : readAs(a, c);
  return `${first}${why} ${consequence} ${describeToolPolicy(name, policy)}`;
}
