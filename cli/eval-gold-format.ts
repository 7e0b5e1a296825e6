// The text form of the gold-label report (mcp-risk eval): headline figures, both confusion tables, the
// grading rules that fired and the worst disagreements with both verdicts and the labellers' reasons.
import type { GoldReport } from '../classifier/eval-gold.ts';
import { CATEGORIES, RISKS } from '../classifier/types.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(title: string, keys: readonly string[], data: Record<string, Record<string, number>>): string[] {
  const w = Math.max(...keys.map((k) => k.length), 8);
  const out = [`${title} (rows: reviewers, columns: ours)`, `  ${''.padEnd(w)} ${keys.map((k) => k.padStart(w)).join(' ')}`];
  for (const row of keys) out.push(`  ${row.padEnd(w)} ${keys.map((col) => String(data[row][col]).padStart(w)).join(' ')}`);
  return out;
}

export function formatGoldReport(report: GoldReport, file: string, worst: number): string {
  const out = [
    `Reviewers' labels (${file}): ${report.tools} tools, ${report.servers} servers`,
    `  category agreement        ${pct(report.category)}`,
    `  exact risk                ${pct(report.risk)}`,
    `  risk within one level     ${pct(report.withinOne)}`,
    `  two or more levels too low: ${report.tooLow2}   (too high: ${report.tooHigh2})`,
    '',
    ...table('category confusion', CATEGORIES, report.confusion),
    '',
    ...table('risk confusion', RISKS, report.riskConfusion),
    '',
    'grading rules (fired on how many tools; of those, how many got the reviewers\' exact verdict):',
  ];
  for (const r of report.rules) out.push(`  ${r.id.padEnd(34)} fired ${String(r.fired).padStart(4)}   agreed ${pct(r.fired ? r.agreed / r.fired : 0).padStart(6)}`);
  const shown = report.disagreements.slice(0, worst);
  out.push('', `worst disagreements (${shown.length} of ${report.disagreements.length}):`);
  for (const d of shown) {
    out.push(`  [${d.server}] ${d.name}: reviewers ${d.gold.category}/${d.gold.risk}, ours ${d.ours.category}/${d.ours.risk}${d.unclear ? ' (marked unclear)' : ''}`);
    if (d.whyA) out.push(`    reviewer A: ${d.whyA}`);
    if (d.whyB) out.push(`    reviewer B: ${d.whyB}`);
    out.push(`    ours: ${d.evidence.join('; ')}`);
  }
  return `${out.join('\n')}\n`;
}
