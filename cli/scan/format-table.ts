// The terminal report: servers grouped, worst first, each with its grade, where it is configured, a
// one-line reason per risky tool (and the diff of a drifted one), then the servers that could not be
// judged and the totals. Every string a server sent is shown with hidden characters made visible.
import { RISKS } from '../../classifier/types.ts';
import { visible } from '../../site/src/lib/text.ts';
import { level, type ScanReport, type ServerReport, type ToolReport } from './report.ts';
import type { ScanFinding } from './verdicts.ts';

/** Diff lines shown per drifted tool (the JSON and SARIF reports have all of them). */
const MAX_DIFF_LINES = 12;
const MAX_NAME = 32;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const where = (s: ServerReport) => `${s.client} ${s.file}${s.location ? `:${s.location.startLine}:${s.location.startColumn}` : ''}${s.scope ? ` (project ${s.scope})` : ''}`;

/** Risky: High or Critical, or a finding of medium severity or more. */
const risky = (t: ToolReport) => level(t.classification.risk) >= 2 || t.findings.some((f) => level(f.severity) >= 1);

/** The worst finding when it is serious, else what the rationale says a misuse could do. */
function reason(t: ToolReport): string {
  const worst = [...t.findings].sort((a, b) => level(b.severity) - level(a.severity))[0];
  if (worst && level(worst.severity) >= 2) return `${worst.kind} (${worst.severity}): ${worst.message}`;
  const sentences = t.classification.rationale.split(/(?<=[.!?])\s+/);
  const line = sentences[1] ?? sentences[0] ?? '';
  return worst ? `${line} [${worst.kind} (${worst.severity})]` : line;
}

function byRiskLine(counts: Partial<Record<string, number>>): string {
  return [...RISKS].reverse().filter((r) => counts[r]).map((r) => `${counts[r]} ${r}`).join(', ') || 'none';
}

function driftLines(f: ScanFinding): string[] {
  const diff = (f.diff ?? []).map((l) => `        ${visible(clip(l, 160))}`);
  return diff.length > MAX_DIFF_LINES ? [...diff.slice(0, MAX_DIFF_LINES), `        … ${diff.length - MAX_DIFF_LINES} more lines in the JSON report`] : diff;
}

function serverBlock(s: ServerReport, nameWidth: number): string[] {
  const lines = [`${s.grade?.letter ?? '-'}  ${visible(s.key)}  ${where(s)}`, `   ${visible(s.runs.command)}`];
  lines.push(`   ${s.source === 'catalogue' ? `from the catalogue (${s.catalogue?.name})` : 'listed'}: ${plural(s.tools.length, 'tool')} (${byRiskLine(s.byRisk)})`);
  const shown = s.tools.filter(risky).sort((a, b) => level(b.classification.risk) - level(a.classification.risk));
  for (const t of shown) {
    lines.push(`   ${t.classification.risk.padEnd(8)} ${t.classification.category.padEnd(11)} ${visible(clip(t.name, MAX_NAME)).padEnd(nameWidth)}  ${visible(reason(t))}`);
  }
  for (const f of s.findings.filter((x) => x.kind === 'definition_drift')) {
    lines.push(`   ${'drift'.padEnd(8)} ${String(f.change ?? '').padEnd(11)} ${visible(clip(f.tool, MAX_NAME)).padEnd(nameWidth)}  ${visible(f.message)}`);
    lines.push(...driftLines(f));
  }
  const rest = s.tools.length - shown.length;
  if (rest) lines.push(`   + ${plural(rest, 'more tool')} at ${[...new Set(s.tools.filter((t) => !risky(t)).map((t) => t.classification.risk))].join(' or ')} risk`);
  return lines;
}

export function formatTable(report: ScanReport): string {
  const judged = report.servers.filter((s) => s.status === 'judged');
  const others = report.servers.filter((s) => s.status !== 'judged');
  const nameWidth = Math.min(MAX_NAME, Math.max(4, ...judged.flatMap((s) => [...s.tools.filter(risky).map((t) => t.name.length), ...s.findings.map((f) => f.tool.length)])));
  const out: string[] = [];
  for (const s of judged) out.push(...serverBlock(s, nameWidth), '');
  if (others.length) {
    out.push(report.mode === 'no-run' ? 'Not judged (not in the catalogue, or cannot be listed):' : 'Not judged:');
    for (const s of others) out.push(`   ${visible(s.key)}  ${where(s)}: ${s.status === 'skipped' ? 'skipped, ' : ''}${visible(s.reason ?? 'unknown')}`);
    out.push('');
  }
  const t = report.totals;
  const findings = Object.entries(t.findings).sort((a, b) => level(b[0]) - level(a[0])).map(([k, n]) => `${k} ${n}`).join(', ');
  out.push(`Totals: ${plural(t.servers, 'server')} (${t.judged} judged${t.notJudged ? `, ${t.notJudged} not judged` : ''}${t.skipped ? `, ${t.skipped} skipped` : ''}), ${plural(t.tools, 'tool')}: ${byRiskLine(t.byRisk)}; ${plural(Object.values(t.findings).reduce((a, b) => a + b, 0), 'finding')}${findings ? ` (${findings})` : ''}`);
  if (report.pins) {
    const p = report.pins;
    out.push(p.created ? `Pins: recorded ${plural(p.pinnedServers, 'server')} in ${p.file}` : `Pins (${p.file}): ${p.added} added, ${p.removed} removed, ${p.changed} changed${p.written ? '; file updated' : ''}`);
  }
  if (report.failOn) {
    const f = report.failOn;
    out.push(f.failed ? `fail-on ${f.level.toLowerCase()}: FAILED, ${plural(f.reasons.length, 'reason')}: ${f.reasons.slice(0, 5).map(visible).join('; ')}${f.reasons.length > 5 ? '; …' : ''}` : `fail-on ${f.level.toLowerCase()}: passed`);
  }
  return `${out.join('\n')}\n`;
}
