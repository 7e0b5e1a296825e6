// Author annotations and the server's siblings, applied to what behaviour said (DESIGN §4): annotations
// are evidence, never trusted alone, but they settle what name and description leave open.
import type { ToolAnalysis } from './analysis.ts';
import type { CategoryResult } from './category.ts';
import { domainEvidence } from './context.ts';
import type { Category } from './types.ts';

/** The author's annotation settles a category that name and description leave open. */
function decided(r: CategoryResult, category: Category, hint: string): CategoryResult {
  r.evidence.push(`name and description are ambiguous, so the author's ${hint} decides`);
  r.category = category;
  r.byAnnotation = true;
  return r;
}

/** Annotations and siblings, applied to what behaviour said. */
export function finish(a: ToolAnalysis, r: CategoryResult, moneyByObject: boolean): CategoryResult {
  const { readOnly, destructive } = a.ann;
  if (readOnly !== undefined) r.evidence.push(`author annotation readOnlyHint=${readOnly}`);
  if (destructive !== undefined) r.evidence.push(`author annotation destructiveHint=${destructive}`);
  const b = r.behaviour;
  if (b === undefined || r.strength === 'none') {
    if (readOnly === true) return decided(r, 'Read', 'readOnlyHint=true');
    if (destructive === true) return decided(r, 'Destructive', 'destructiveHint=true');
    if (readOnly === false) return decided(r, 'Write', 'readOnlyHint=false');
    const d = a.domain;
    if (d && (d.id === 'voice' || d.id === 'browser' || d.id === 'device' || d.id === 'shell')) {
      r.evidence.push(domainEvidence(d, a.tool.name));
      r.category = 'Execute';
      return r;
    }
    r.evidence.push('no verb in the name or description; read as a lookup');
    r.category = b ?? 'Read';
    return r;
  }
  if (r.strength === 'weak') {
    if (readOnly === true && b !== 'Read' && b !== 'Destructive' && (b !== 'Financial' || moneyByObject)) return decided(r, 'Read', 'readOnlyHint=true');
    if (destructive === true && (b === 'Write' || b === 'Read')) return decided(r, 'Destructive', 'destructiveHint=true');
  }
  if (readOnly === true) { if (b === 'Read') r.agree++; else r.disagree++; }
  if (readOnly === false) { if (b !== 'Read') r.agree++; else r.disagree++; }
  if (destructive === true && b === 'Destructive') r.agree++;
  if (destructive === false && b === 'Destructive') r.disagree++;
  const d = a.domain;
  if (d && r.category === 'Execute' && (d.id === 'voice' || d.id === 'device' || d.id === 'browser')) {
    r.evidence.push(domainEvidence(d, a.tool.name));
    r.agree++;
  }
  return r;
}
