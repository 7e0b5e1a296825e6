// Measures the classifier against author annotations (shared/eval/annotated-dev.jsonl): tools are
// grouped by server (so siblings are context), classified, and compared with readOnlyHint and
// destructiveHint where the author set them. Annotations are evidence of intent, not ground truth.
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';
import { classifyTools } from './classify.ts';
import type { ToolClassification } from './types.ts';

export interface BinaryStats {
  /** Tools where the annotation key is present. */
  n: number;
  tp: number; fp: number; fn: number; tn: number;
  agreement: number; precision: number; recall: number;
}

export interface Disagreement {
  server: string;
  name: string;
  hint: 'readOnlyHint' | 'destructiveHint';
  annotated: boolean;
  category: string;
  risk: string;
  evidence: string[];
}

export interface ServerStats { server: string; tools: number; readOnly: BinaryStats; destructive: BinaryStats }

export interface EvalReport {
  tools: number;
  servers: number;
  /** "category is Read" against readOnlyHint. */
  readOnly: BinaryStats;
  /** Among tools not marked read-only: "category is Destructive" against destructiveHint. */
  destructive: BinaryStats;
  /** Tools the author marks destructiveHint=true that were rated Low (the target is none). */
  destructiveRatedLow: { server: string; name: string; category: string }[];
  perServer: ServerStats[];
  disagreements: Disagreement[];
  categories: Record<string, number>;
  risks: Record<string, number>;
  findings: Record<string, number>;
}

export interface EvaluateOptions {
  /** Classify with annotations removed, to measure behaviour alone. @default false */
  blind?: boolean;
}

type Row = ToolDefinition & { server?: string };

function stats(): BinaryStats {
  return { n: 0, tp: 0, fp: 0, fn: 0, tn: 0, agreement: 0, precision: 0, recall: 0 };
}
function add(s: BinaryStats, predicted: boolean, actual: boolean): void {
  s.n++;
  if (predicted && actual) s.tp++; else if (predicted) s.fp++; else if (actual) s.fn++; else s.tn++;
}
function finish(s: BinaryStats): BinaryStats {
  const r = (x: number, y: number) => (y ? Math.round((x / y) * 10000) / 10000 : 0);
  return { ...s, agreement: r(s.tp + s.tn, s.n), precision: r(s.tp, s.tp + s.fp), recall: r(s.tp, s.tp + s.fn) };
}

function toRow(line: string | Record<string, unknown>, i: number): Row {
  const raw = typeof line === 'string' ? (JSON.parse(line) as Record<string, unknown>) : line;
  if (typeof raw.name !== 'string') throw new Error(`evaluate: row ${i + 1} has no name`);
  return { ...pickDefinition(raw), server: typeof raw.server === 'string' ? raw.server : 'unknown' };
}

/** Classifies eval rows (JSON lines or parsed objects) server by server and compares with annotations. */
export function evaluate(lines: (string | Record<string, unknown>)[], options: EvaluateOptions = {}): EvalReport {
  const rows = lines.filter((l) => typeof l !== 'string' || l.trim()).map(toRow);
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const g = groups.get(r.server!);
    if (g) g.push(r); else groups.set(r.server!, [r]);
  }
  const report: EvalReport = {
    tools: rows.length, servers: groups.size, readOnly: stats(), destructive: stats(), destructiveRatedLow: [],
    perServer: [], disagreements: [], categories: {}, risks: {}, findings: {},
  };
  for (const [server, group] of groups) {
    const tools = group.map((r) => {
      const def = pickDefinition(r as unknown as Record<string, unknown>);
      if (options.blind) delete def.annotations;
      return def;
    });
    const results: ToolClassification[] = classifyTools({ name: server, tools });
    const ss: ServerStats = { server, tools: group.length, readOnly: stats(), destructive: stats() };
    group.forEach((row, i) => {
      const c = results[i];
      const ann = row.annotations ?? {};
      report.categories[c.category] = (report.categories[c.category] ?? 0) + 1;
      report.risks[c.risk] = (report.risks[c.risk] ?? 0) + 1;
      for (const f of c.findings) report.findings[f.kind] = (report.findings[f.kind] ?? 0) + 1;
      const miss = (hint: Disagreement['hint'], annotated: boolean) =>
        report.disagreements.push({ server, name: row.name, hint, annotated, category: c.category, risk: c.risk, evidence: c.evidence });
      if (typeof ann.readOnlyHint === 'boolean') {
        const predicted = c.category === 'Read';
        add(report.readOnly, predicted, ann.readOnlyHint);
        add(ss.readOnly, predicted, ann.readOnlyHint);
        if (predicted !== ann.readOnlyHint) miss('readOnlyHint', ann.readOnlyHint);
      }
      if (ann.readOnlyHint !== true && typeof ann.destructiveHint === 'boolean') {
        const predicted = c.category === 'Destructive';
        add(report.destructive, predicted, ann.destructiveHint);
        add(ss.destructive, predicted, ann.destructiveHint);
        if (predicted !== ann.destructiveHint) miss('destructiveHint', ann.destructiveHint);
      }
      if (ann.destructiveHint === true && c.risk === 'Low') report.destructiveRatedLow.push({ server, name: row.name, category: c.category });
    });
    report.perServer.push({ server, tools: group.length, readOnly: finish(ss.readOnly), destructive: finish(ss.destructive) });
  }
  report.readOnly = finish(report.readOnly);
  report.destructive = finish(report.destructive);
  return report;
}
