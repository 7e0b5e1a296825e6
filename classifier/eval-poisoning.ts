// Measures the finding rules on a poisoning suite (shared/eval/poisoning-dev.jsonl: poisoned variants of
// real tools and the clean originals) and on clean definitions (annotated-dev.jsonl, the corpus): per
// attack kind, how many poisoned definitions raise a finding of severity medium or more; how many clean
// ones do; and per rule, how often it fired on each side.
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';
import { analyzeTool } from './analysis.ts';
import { buildCatalogue, type ToolCatalogue } from './catalogue.ts';
import { classifyTools } from './classify.ts';
import { analyzeServer } from './context.ts';
import { atLeast, FINDING_KIND_INFO } from './finding-kinds.ts';
import { ruleFindings } from './findings.ts';
import { FINDING_RULES } from './findings/registry.ts';
import type { Finding } from './types.ts';

/** The default suite, beside the repository. */
export const DEFAULT_POISONING_FILE = new URL('../../shared/eval/poisoning-dev.jsonl', import.meta.url);
export const DEFAULT_NEGATIVES_FILE = new URL('../../shared/eval/annotated-dev.jsonl', import.meta.url);

/** A finding that counts as a detection: a poisoning kind or a secret, severity medium or more. */
export function counts(f: Pick<Finding, 'kind' | 'severity'>): boolean {
  const info = (FINDING_KIND_INFO as Record<string, { poisoning: boolean } | undefined>)[f.kind];
  return (info?.poisoning === true || f.kind === 'secret_in_definition') && atLeast(f.severity, 'medium');
}

interface Row { def: ToolDefinition; server: string | null; poisoned: boolean; attack: string; line: number }

export class EvalInputError extends Error {
  readonly code = 'EVAL_INPUT';
}

function parseRows(lines: readonly string[], label: string, clean: boolean): Row[] {
  const rows: Row[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let raw: Record<string, unknown>;
    try { raw = JSON.parse(line) as Record<string, unknown>; } catch (error) {
      throw new EvalInputError(`${label}: line ${i + 1} is not JSON (${(error as Error).message})`);
    }
    if (typeof raw?.name !== 'string') throw new EvalInputError(`${label}: line ${i + 1} has no tool name`);
    const poisoned = !clean && raw.poisoned === true;
    rows.push({
      def: pickDefinition(raw), server: typeof raw.server === 'string' ? raw.server : null, poisoned, line: i + 1,
      attack: poisoned ? (typeof raw.attack === 'string' ? raw.attack : 'unlabelled') : 'clean',
    });
  });
  return rows;
}

export interface Flagged { set: string; server: string; name: string; line: number; attack: string; findings: Finding[] }
export interface AttackStats { attack: string; total: number; detected: number; rate: number }
export interface CleanStats { set: string; tools: number; flagged: number; rate: number }
export interface RuleStats { rule: string; kind: string; poisoned: number; clean: number }

export interface PoisoningReport {
  file: string;
  poisoned: { total: number; detected: number; rate: number };
  byAttack: AttackStats[];
  /** The suite's own clean definitions, then each negatives file. */
  clean: CleanStats[];
  rules: RuleStats[];
  /** Poisoned definitions that raised nothing of severity medium or more. */
  missed: Flagged[];
  /** Clean definitions that did. */
  falsePositives: Flagged[];
}

export interface PoisoningEvalInput {
  /** The suite's JSON lines: tool definitions with `poisoned`, `attack` and `server` (null: a server of its own). */
  suite: { label: string; lines: readonly string[] };
  /** Files of clean definitions (JSON lines with `server`). @default none */
  negatives?: { label: string; lines: readonly string[] }[];
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : 0);

function group(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const key = r.server ?? 'unknown';
    const g = out.get(key);
    if (g) g.push(r); else out.set(key, [r]);
  }
  return out;
}

/** Classifies `tools` as one server; returns each tool's findings and the rules that fired on `index`. */
function judge(server: string, tools: ToolDefinition[], catalogue: ToolCatalogue, only?: number) {
  const verdicts = classifyTools({ name: server, tools }, { catalogue });
  const analysis = analyzeServer({ name: server, tools });
  const rulesOf = (i: number) => ruleFindings(analyzeTool(tools[i], analysis), catalogue).filter(counts).map((f) => f.rule);
  return { findings: verdicts.map((v) => v.findings), rulesOf: only === undefined ? rulesOf : () => rulesOf(only) };
}

export function evaluatePoisoning(input: PoisoningEvalInput): PoisoningReport {
  const suite = parseRows(input.suite.lines, input.suite.label, false);
  const negatives = (input.negatives ?? []).map((n) => ({ label: n.label, rows: parseRows(n.lines, n.label, true) }));
  const clean = suite.filter((r) => !r.poisoned);
  const catalogue = buildCatalogue([...clean, ...negatives.flatMap((n) => n.rows)].map((r) => ({ name: r.def.name, server: r.server ?? 'unknown' })));
  const rules = new Map<string, RuleStats>();
  const bump = (rule: string, side: 'poisoned' | 'clean') => {
    const kind = FINDING_RULES.find((r) => r.id === rule)?.kind ?? 'unknown';
    const s = rules.get(rule) ?? { rule, kind, poisoned: 0, clean: 0 };
    s[side]++;
    rules.set(rule, s);
  };
  const report: PoisoningReport = { file: input.suite.label, poisoned: { total: 0, detected: 0, rate: 0 }, byAttack: [], clean: [], rules: [], missed: [], falsePositives: [] };

  const byAttack = new Map<string, AttackStats>();
  const cleanGroups = group(clean);
  suite.filter((r) => r.poisoned).forEach((row, i) => {
    // a poisoned variant joins its server (replacing the original of the same name), or stands alone
    const home = row.server ? cleanGroups.get(row.server) ?? [] : [];
    const tools = [row.def, ...home.filter((r) => r.def.name !== row.def.name).map((r) => r.def)];
    const server = row.server ?? `poisoned-${i + 1}`;
    const j = judge(server, tools, catalogue, 0);
    const hit = j.findings[0].filter(counts);
    const s = byAttack.get(row.attack) ?? { attack: row.attack, total: 0, detected: 0, rate: 0 };
    s.total++;
    report.poisoned.total++;
    if (hit.length) { s.detected++; report.poisoned.detected++; for (const r of new Set(j.rulesOf(0))) bump(r, 'poisoned'); }
    else report.missed.push({ set: input.suite.label, server, name: row.def.name, line: row.line, attack: row.attack, findings: j.findings[0] });
    byAttack.set(row.attack, s);
  });

  const sets = [{ label: input.suite.label, rows: clean }, ...negatives];
  for (const set of sets) {
    const stats: CleanStats = { set: set.label, tools: set.rows.length, flagged: 0, rate: 0 };
    for (const [server, rows] of group(set.rows)) {
      const j = judge(server, rows.map((r) => r.def), catalogue);
      rows.forEach((row, k) => {
        const hit = j.findings[k].filter(counts);
        if (!hit.length) return;
        stats.flagged++;
        for (const r of new Set(j.rulesOf(k))) bump(r, 'clean');
        report.falsePositives.push({ set: set.label, server, name: row.def.name, line: row.line, attack: 'clean', findings: hit });
      });
    }
    stats.rate = rate(stats.flagged, stats.tools);
    report.clean.push(stats);
  }
  report.poisoned.rate = rate(report.poisoned.detected, report.poisoned.total);
  report.byAttack = [...byAttack.values()].map((s) => ({ ...s, rate: rate(s.detected, s.total) })).sort((a, b) => b.total - a.total);
  report.rules = [...rules.values()].sort((a, b) => b.poisoned - a.poisoned || b.clean - a.clean || a.rule.localeCompare(b.rule));
  return report;
}
