// A server's grade, A (safest) to F, from its tools' highest risk, how many tools are High or
// Critical, and serious findings. It summarises; the per-tool risks are what a policy acts on.
import { RISKS } from '../../../classifier/types.ts';
import { isPoisoningKind } from '../../../classifier/finding-kinds.ts';

export type Letter = 'A' | 'B' | 'C' | 'D' | 'F';

export interface Grade {
  /** Null when no tool is classified. */
  letter: Letter | null;
  /** Plain sentences saying why. */
  reasons: string[];
}

export interface GradeInput {
  /** Classified tools by risk. */
  byRisk: Partial<Record<string, number>>;
  /** Current tools, classified or not. */
  tools: number;
  /** Findings of severity high or critical, of kinds other than poisoning (secrets, conflicts). */
  seriousFindings: number;
  /** Tools whose definitions work on the model (poisoning kinds), by the worst severity. @default none */
  poisoning?: { severe: number; medium: number };
}

/** Tools with a poisoning finding of severity high or more, and of medium only. */
export function countPoisoning(findings: readonly { kind: string; severity: string; tool: string }[]): { severe: number; medium: number } {
  const severe = new Set<string>();
  const medium = new Set<string>();
  for (const f of findings) {
    if (!isPoisoningKind(f.kind)) continue;
    if (f.severity === 'high' || f.severity === 'critical') severe.add(f.tool);
    else if (f.severity === 'medium') medium.add(f.tool);
  }
  for (const t of severe) medium.delete(t);
  return { severe: severe.size, medium: medium.size };
}

const LETTERS: Letter[] = ['A', 'B', 'C', 'D', 'F'];
const BASE: Record<string, number> = { Low: 0, Medium: 1, High: 2, Critical: 3 };

export function gradeServer({ byRisk, tools, seriousFindings, poisoning }: GradeInput): Grade {
  const classified = RISKS.reduce((n, r) => n + (byRisk[r] ?? 0), 0);
  if (!classified) return { letter: null, reasons: [tools ? 'No tool is classified yet.' : 'The server lists no tools.'] };
  const highest = [...RISKS].reverse().find((r) => (byRisk[r] ?? 0) > 0)!;
  const reasons: string[] = [];
  // text aimed at the model comes first: such a server is not to be trusted whatever its tools do
  const severe = poisoning?.severe ?? 0;
  const medium = poisoning?.medium ?? 0;
  if (severe) reasons.push(`${severe} tool${severe === 1 ? '' : 's'} carr${severe === 1 ? 'ies' : 'y'} text aimed at the model (hidden instructions, exfiltration or shadowing).`);
  if (medium) reasons.push(`${medium} tool${medium === 1 ? '' : 's'} carr${medium === 1 ? 'ies' : 'y'} text that steers the model (self-promotion, look-alike names or hidden text).`);
  reasons.push(`The riskiest tool is ${highest}.`);
  let step = BASE[highest] + (medium && !severe ? 1 : 0);
  if (severe) step = LETTERS.length - 1;
  const dangerous = (byRisk.High ?? 0) + (byRisk.Critical ?? 0);
  if (dangerous * 2 >= classified && dangerous > 1) {
    step++;
    reasons.push(`${dangerous} of ${classified} classified tools are High or Critical.`);
  }
  if (seriousFindings > 0) {
    step++;
    reasons.push(`${seriousFindings} serious finding${seriousFindings === 1 ? '' : 's'} (secrets, annotation conflicts).`);
  }
  if (classified < tools) reasons.push(`${tools - classified} tool${tools - classified === 1 ? ' is' : 's are'} not classified yet and stay denied.`);
  return { letter: LETTERS[Math.min(step, LETTERS.length - 1)], reasons };
}
