// Findings (DESIGN §4), separate from the category: the content rules of `findings/registry.ts` (hidden
// instructions, exfiltration, shadowing, preference manipulation, undisclosed capability, invisible
// text, secrets), annotation conflicts and definition drift. A finding can raise risk only.
import { canonicalJson, type ToolDefinition } from '../db/tool-definition.ts';
import type { ToolAnalysis } from './analysis.ts';
import type { ToolCatalogue } from './catalogue.ts';
import { CATEGORY_OF, type CategoryResult } from './category-types.ts';
import { definitionText, excerpt } from './definition-text.ts';
import { findingOrder, isPoisoningKind } from './finding-kinds.ts';
import { buildDoc } from './findings/doc.ts';
import { runRules, strongestPerKind, type RuleFinding } from './findings/registry.ts';
import type { Finding, Risk, Severity } from './types.ts';

/** ", but its name says 'delete'": what shows the behaviour the annotation denies. */
function reason(c: CategoryResult): string {
  const v = c.verb;
  if (v && v.cls !== 'weak' && CATEGORY_OF[v.cls] === c.behaviour) {
    return `, but ${v.source === 'schema' ? 'its schema offers' : `its ${v.source} says`} '${v.word}'`;
  }
  const line = c.evidence.find((e) => e.startsWith('parameter') || e.startsWith('description'));
  return line ? `, but ${line}` : '';
}

/** Annotations that contradict what the tool plainly does. */
export function annotationFindings(a: ToolAnalysis, c: CategoryResult): Finding[] {
  const out: Finding[] = [];
  const { readOnly, destructive } = a.ann;
  const b = c.behaviour;
  if (readOnly === true && b && b !== 'Read' && c.strength === 'strong') {
    out.push({
      kind: 'annotation_conflict',
      severity: b === 'Destructive' || b === 'Financial' ? 'high' : 'medium',
      message: `The author marks this tool readOnlyHint=true${reason(c)}; it is classified by behaviour as ${b}.`,
    });
  }
  if (destructive === false && b === 'Destructive' && c.strength === 'strong') {
    out.push({ kind: 'annotation_conflict', severity: 'medium', message: `The author marks this tool destructiveHint=false${reason(c)}; it is classified by behaviour as Destructive.` });
  }
  if (readOnly === true && destructive === true) {
    out.push({ kind: 'annotation_conflict', severity: 'low', message: 'The author marks this tool both readOnlyHint=true and destructiveHint=true, which contradict each other.' });
  }
  return out;
}

/** A definition that changed since the last crawl (a possible rug pull). */
export function driftFindings(tool: ToolDefinition, previous: ToolDefinition | undefined): Finding[] {
  if (!previous) return [];
  if (canonicalJson(previous) === canonicalJson(tool)) return [];
  const before = previous.description ?? '';
  const after = tool.description ?? '';
  const what = before !== after ? 'description' : canonicalJson(previous.inputSchema) !== canonicalJson(tool.inputSchema) ? 'input schema' : 'definition';
  let at = 0;
  while (at < before.length && at < after.length && before[at] === after[at]) at++;
  return [{
    kind: 'definition_drift',
    severity: 'medium',
    message: `The tool's ${what} changed since the last crawl; review the change before trusting it again.`,
    ...(what === 'description' ? { excerpt: excerpt(after, at, 0, 60) } : {}),
  }];
}

/** Every content rule that fires on one tool, read among its siblings (eval reports them per rule). */
export function ruleFindings(a: ToolAnalysis, catalogue?: ToolCatalogue): RuleFinding[] {
  return runRules(buildDoc({
    tool: a.tool, text: definitionText(a.tool), siblingKeys: a.server.siblingKeys, siblingNames: a.server.siblingNames,
    params: a.schema.params, server: a.server.name, catalogue,
  }));
}

/** The content findings of one tool: one per kind, the most severe. */
export function contentFindings(a: ToolAnalysis, catalogue?: ToolCatalogue): Finding[] {
  return strongestPerKind(ruleFindings(a, catalogue));
}

/** Findings in display order: poisoning kinds first, then by severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(findingOrder);
}

const RAISES: Record<Severity, Risk | undefined> = { low: undefined, medium: 'Medium', high: 'High', critical: 'Critical' };

/** The risk a finding forces at least: poisoning kinds raise it; conflicts, drift and secrets inform. */
export function findingFloor(f: Finding): Risk | undefined {
  if (!isPoisoningKind(f.kind)) return undefined;
  return RAISES[f.severity];
}
