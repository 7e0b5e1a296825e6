// The scan report: one record per config entry (worst first), with the same fields as the site's JSON
// API (classification, findings, policy, status, client settings, grade), the files read, the totals
// and the fail-on outcome. The table, JSON and SARIF formats all render this one object.
import { toolClientExports, type ClientExports } from '../../classifier/exports.ts';
import { RISKS, type Policy, type Risk } from '../../classifier/types.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import type { Grade } from '../../site/src/lib/grade.ts';
import { toolStatus, type ToolStatus } from '../../site/src/lib/policy.ts';
import type { ConfigFileReport } from './entries.ts';
import type { TextRegion } from './positions.ts';
import type { ScanFinding, ServerVerdict } from './verdicts.ts';

export const REPORT_SCHEMA_VERSION = 1;

export interface ToolReport {
  name: string;
  title: string | null;
  description: string | null;
  definition: ToolDefinition;
  hash: string;
  classification: { category: string; risk: Risk; confidence: number; rationale: string; evidence: string[]; method: string; model: string | null; classifierVersion: string };
  findings: ScanFinding[];
  policy: Policy;
  status: ToolStatus;
  clients: { decision: 'allow' | 'ask' | 'deny'; rule: string; codexDisabled: boolean };
}

export interface ServerReport {
  /** `<file>#<project>#<key>`: stable, the pin file's key. */
  id: string;
  key: string;
  /** The catalogue-style name the crawler gives it (`npm:<package>`, `remote:<host/path>`, `config:<client>:<key>`). */
  name: string;
  description: string | null;
  client: string;
  file: string;
  scope: string | null;
  location: TextRegion | null;
  runs: { kind: 'stdio' | 'remote' | 'none'; runtime: string; transport: string | null; package: string | null; version: string | null; command: string };
  /** listed: its tools were listed now; catalogue: read from the database (--no-run); null: not judged. */
  source: 'listed' | 'catalogue' | null;
  /** judged; not_judged (could not be listed, or unknown to the catalogue); skipped (disabled in the config). */
  status: 'judged' | 'not_judged' | 'skipped';
  /** Why it was not judged, or what the listing reported. */
  reason: string | null;
  listing: { status: string; errorKind: string | null; error: string | null; durationMs: number } | null;
  catalogue: { name: string; slug: string; matchedBy: string } | null;
  grade: Grade | null;
  highestRisk: Risk | null;
  byRisk: Partial<Record<Risk, number>>;
  byCategory: Record<string, number>;
  tools: ToolReport[];
  policy: Policy | null;
  exports: ClientExports | null;
  /** Every finding of its tools, and drift against the pins. */
  findings: ScanFinding[];
  /** What the config reader noted (unknown type, inferred transport, ...). */
  issues: string[];
}

export interface FailOn { level: Risk; strict: boolean; failed: boolean; reasons: string[] }

export interface ScanReport {
  schemaVersion: number;
  generator: { name: 'mcp-risk'; version: string; classifierVersion: string };
  generatedAt: string;
  mode: 'run' | 'no-run';
  configFiles: (ConfigFileReport & { error?: string })[];
  servers: ServerReport[];
  totals: {
    servers: number; judged: number; notJudged: number; skipped: number; tools: number;
    byRisk: Partial<Record<Risk, number>>; byCategory: Record<string, number>; findings: Record<string, number>;
  };
  pins: { file: string; created: boolean; written: boolean; pinnedServers: number; added: number; removed: number; changed: number } | null;
  failOn: FailOn | null;
}

/** The tools of a judged server as report records. */
export function toolReports(verdict: ServerVerdict): ToolReport[] {
  return verdict.tools.map((t) => {
    const c = t.classification;
    const clients = toolClientExports(verdict.policy, verdict.exports.configName, c.name);
    return {
      name: c.name, title: t.definition.title ?? null, description: t.definition.description ?? null, definition: t.definition, hash: t.hash,
      classification: { category: c.category, risk: c.risk, confidence: c.confidence, rationale: c.rationale, evidence: c.evidence, method: t.method, model: t.model, classifierVersion: t.classifierVersion },
      findings: verdict.findings.filter((f) => f.tool === c.name),
      policy: c.policy, status: toolStatus(verdict.policy, c.name),
      clients: { decision: clients.decision, rule: clients.rule, codexDisabled: clients.disabled },
    };
  });
}

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
/** 0 (low) to 3 (critical), for risks and severities alike. */
export const level = (value: string): number => Math.max(RISKS.findIndex((r) => r.toLowerCase() === value.toLowerCase()), -1);

/** Worst first: highest risk, then serious findings, then most Critical and High tools; not judged last. */
export function worstFirst(a: ServerReport, b: ServerReport): number {
  const rank = (s: ServerReport) => [
    s.status === 'judged' ? 1 : 0,
    s.highestRisk ? level(s.highestRisk) : -1,
    Math.max(-1, ...s.findings.map((f) => level(f.severity))),
    s.byRisk.Critical ?? 0, s.byRisk.High ?? 0,
  ];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function totals(servers: ServerReport[]): ScanReport['totals'] {
  const byRisk: Partial<Record<Risk, number>> = {};
  const byCategory: Record<string, number> = {};
  const findings: Record<string, number> = {};
  for (const s of servers) {
    for (const r of RISKS) if (s.byRisk[r]) byRisk[r] = (byRisk[r] ?? 0) + s.byRisk[r]!;
    for (const [c, n] of Object.entries(s.byCategory)) byCategory[c] = (byCategory[c] ?? 0) + n;
    for (const f of s.findings) findings[f.severity] = (findings[f.severity] ?? 0) + 1;
  }
  const ordered = <K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>) => Object.fromEntries(keys.filter((k) => counts[k]).map((k) => [k, counts[k]])) as Partial<Record<K, number>>;
  return {
    servers: servers.length, judged: servers.filter((s) => s.status === 'judged').length,
    notJudged: servers.filter((s) => s.status === 'not_judged').length, skipped: servers.filter((s) => s.status === 'skipped').length,
    tools: servers.reduce((n, s) => n + s.tools.length, 0),
    byRisk: ordered(RISKS, byRisk),
    byCategory: ordered(Object.keys(byCategory).sort(), byCategory) as Record<string, number>,
    findings: ordered([...SEVERITIES, ...Object.keys(findings).filter((k) => !(SEVERITIES as readonly string[]).includes(k))], findings) as Record<string, number>,
  };
}

/** Fails when a tool's risk or a finding's severity is at or above `threshold`; with `strict`, also when a server was not judged. */
export function evaluateFailOn(servers: ServerReport[], threshold: Risk, strict: boolean): FailOn {
  const min = level(threshold);
  const reasons: string[] = [];
  for (const s of servers) {
    for (const t of s.tools) if (level(t.classification.risk) >= min) reasons.push(`${s.key}/${t.name}: risk ${t.classification.risk}`);
    for (const f of s.findings) if (level(f.severity) >= min) reasons.push(`${s.key}/${f.tool}: ${f.kind} (${f.severity})`);
    if (strict && s.status === 'not_judged') reasons.push(`${s.key}: not judged (${s.reason ?? 'unknown'})`);
  }
  return { level: threshold, strict, failed: reasons.length > 0, reasons };
}
