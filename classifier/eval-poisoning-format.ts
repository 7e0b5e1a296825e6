// The text form of a poisoning report (`mcp-risk eval --poisoning`).
import type { Flagged, PoisoningReport } from './eval-poisoning.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function finding(f: Flagged): string {
  const top = f.findings[0];
  if (!top) return `  [${f.attack}] ${f.name} (line ${f.line}): no finding`;
  return `  [${f.set === 'clean' ? f.server : f.attack}] ${f.name} (line ${f.line}): ${top.kind} ${top.severity}${top.rule ? ` ${top.rule}` : ''}: ${top.excerpt ?? top.message}`;
}

export interface FormatOptions {
  /** List at most this many missed and falsely flagged definitions. @default 20 */
  show?: number;
}

export function formatPoisoningReport(r: PoisoningReport, options: FormatOptions = {}): string {
  const { show = 20 } = options;
  const out = [
    `poisoning suite ${r.file}: ${r.poisoned.detected}/${r.poisoned.total} poisoned definitions detected (${pct(r.poisoned.rate)}) at severity medium or more`,
    '',
    'per attack kind:',
    ...r.byAttack.map((a) => `  ${a.attack.padEnd(26)} ${String(a.detected).padStart(4)}/${String(a.total).padEnd(4)} ${pct(a.rate).padStart(6)}`),
    '',
    'clean definitions flagged:',
    ...r.clean.map((c) => `  ${c.set.padEnd(40)} ${String(c.flagged).padStart(4)}/${String(c.tools).padEnd(5)} ${pct(c.rate).padStart(6)}`),
    '',
    'rules (definitions they fired on at medium or more: poisoned / clean):',
    ...r.rules.map((s) => `  ${s.rule.padEnd(36)} ${String(s.poisoned).padStart(4)} / ${s.clean}`),
  ];
  if (r.missed.length) out.push('', `missed (${r.missed.length}${r.missed.length > show ? `, first ${show}` : ''}):`, ...r.missed.slice(0, show).map(finding));
  if (r.falsePositives.length) {
    out.push('', `clean definitions flagged (${r.falsePositives.length}${r.falsePositives.length > show ? `, first ${show}` : ''}):`,
      ...r.falsePositives.slice(0, show).map((f) => `  [${f.set}] ${f.server}/${f.name}: ${f.findings.map((x) => `${x.kind} ${x.severity} ${x.rule ?? ''}`).join(', ')}: ${f.findings[0].excerpt ?? f.findings[0].message}`));
  }
  return `${out.join('\n')}\n`;
}
