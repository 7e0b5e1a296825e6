// A server's grade, A (safest) to F, from its tools' highest risk, how many tools are High or
// Critical, and serious findings. It summarises; the per-tool risks are what a policy acts on.
import { RISKS } from '../../../classifier/types.ts';

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
  /** Findings of severity high or critical. */
  seriousFindings: number;
}

const LETTERS: Letter[] = ['A', 'B', 'C', 'D', 'F'];
const BASE: Record<string, number> = { Low: 0, Medium: 1, High: 2, Critical: 3 };

export function gradeServer({ byRisk, tools, seriousFindings }: GradeInput): Grade {
  const classified = RISKS.reduce((n, r) => n + (byRisk[r] ?? 0), 0);
  if (!classified) return { letter: null, reasons: [tools ? 'No tool is classified yet.' : 'The server lists no tools.'] };
  const highest = [...RISKS].reverse().find((r) => (byRisk[r] ?? 0) > 0)!;
  const reasons = [`The riskiest tool is ${highest}.`];
  let step = BASE[highest];
  const severe = (byRisk.High ?? 0) + (byRisk.Critical ?? 0);
  if (severe * 2 >= classified && severe > 1) {
    step++;
    reasons.push(`${severe} of ${classified} classified tools are High or Critical.`);
  }
  if (seriousFindings > 0) {
    step++;
    reasons.push(`${seriousFindings} serious finding${seriousFindings === 1 ? '' : 's'} (hidden instructions, secrets, conflicts).`);
  }
  if (classified < tools) reasons.push(`${tools - classified} tool${tools - classified === 1 ? ' is' : 's are'} not classified yet and stay denied.`);
  return { letter: LETTERS[Math.min(step, LETTERS.length - 1)], reasons };
}
