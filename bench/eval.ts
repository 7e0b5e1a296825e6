// Prints the classifier's agreement with author annotations: npx tsx bench/eval.ts [FILE] [--blind] [--all]
import { readFileSync } from 'node:fs';
import { evaluate } from '../classifier/eval.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '../shared/eval/annotated-dev.jsonl';
const report = evaluate(readFileSync(file, 'utf8').split('\n'), { blind: args.includes('--blind') });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const line = (label: string, s: typeof report.readOnly) =>
  `${label}: agreement ${pct(s.agreement)} (n=${s.n}), precision ${pct(s.precision)}, recall ${pct(s.recall)} [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]`;
console.log(`${report.tools} tools, ${report.servers} servers`);
console.log(line('read-only (category Read vs readOnlyHint)', report.readOnly));
console.log(line('destructive (category Destructive vs destructiveHint, not read-only)', report.destructive));
console.log(`destructiveHint=true rated Low: ${report.destructiveRatedLow.length}`, report.destructiveRatedLow);
console.log('categories', report.categories, 'risks', report.risks, 'findings', report.findings);
console.log('\nper server (read-only agreement, destructive agreement):');
for (const s of [...report.perServer].sort((a, b) => a.readOnly.agreement - b.readOnly.agreement)) {
  console.log(`  ${s.server.padEnd(36)} ${String(s.tools).padStart(4)}  ro ${pct(s.readOnly.agreement).padStart(6)} (n=${s.readOnly.n})  de ${pct(s.destructive.agreement).padStart(6)} (n=${s.destructive.n})`);
}
const show = args.includes('--all') ? report.disagreements : report.disagreements.filter((d) => d.hint === 'readOnlyHint');
console.log(`\n${show.length} disagreements:`);
for (const d of show) console.log(`  [${d.server}] ${d.name}: ${d.hint}=${d.annotated} but ${d.category}/${d.risk} — ${d.evidence.join('; ')}`);
