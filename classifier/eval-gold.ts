// Measures the classifier against reviewers' gold labels (shared/eval/gold-dev.jsonl, DESIGN §4): category
// agreement, exact risk, within one level, tools rated two or more levels too low, a confusion table and
// the worst disagreements with both verdicts and the labellers' reasons. Rows are grouped by server, so
// the siblings present in the file are context.
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';
import { classifyTools } from './classify.ts';
import { CATEGORIES, RISKS, type Category, type Risk, type ToolClassification } from './types.ts';

export interface GoldRow extends ToolDefinition {
  id: string;
  server: string;
  category: Category;
  risk: Risk;
  unclear: boolean;
  whyA?: string;
  whyB?: string;
}

export interface GoldDisagreement {
  id: string;
  server: string;
  name: string;
  gold: { category: Category; risk: Risk };
  ours: { category: Category; risk: Risk };
  /** Our risk minus gold risk, in levels (negative: too low). */
  riskDelta: number;
  unclear: boolean;
  whyA?: string;
  whyB?: string;
  rationale: string;
  evidence: string[];
}

export interface GoldReport {
  tools: number;
  servers: number;
  /** Shares 0..1. */
  category: number;
  risk: number;
  withinOne: number;
  /** Tools rated two or more levels below gold. */
  tooLow2: number;
  tooHigh2: number;
  /** confusion[gold][ours] = count. */
  confusion: Record<Category, Record<Category, number>>;
  riskConfusion: Record<Risk, Record<Risk, number>>;
  /** Every disagreement, worst first (too low before too high, then by distance, then category misses). */
  disagreements: GoldDisagreement[];
  /** Per grading rule: on how many tools it fired, and on how many of those the verdict matched the reviewers'. */
  rules: { id: string; fired: number; agreed: number }[];
}

const CATS = new Set<string>(CATEGORIES);
const RISK_SET = new Set<string>(RISKS);

function parseRow(line: string | Record<string, unknown>, i: number): GoldRow {
  const raw = typeof line === 'string' ? (JSON.parse(line) as Record<string, unknown>) : line;
  const where = `gold row ${i + 1}`;
  if (typeof raw.name !== 'string') throw new Error(`${where} has no "name"`);
  if (!CATS.has(raw.category as string)) throw new Error(`${where} (${raw.name}): "category" must be one of ${CATEGORIES.join(', ')}`);
  if (!RISK_SET.has(raw.risk as string)) throw new Error(`${where} (${raw.name}): "risk" must be one of ${RISKS.join(', ')}`);
  const def = pickDefinition(raw);
  for (const k of ["inputSchema", "outputSchema", "annotations", "description", "title"] as const) if ((def as unknown as Record<string, unknown>)[k] === null) delete (def as unknown as Record<string, unknown>)[k];
  return {
    ...def,
    id: typeof raw.id === 'string' ? raw.id : String(i + 1),
    server: typeof raw.server === 'string' ? raw.server : 'unknown',
    category: raw.category as Category,
    risk: raw.risk as Risk,
    unclear: raw.unclear === true,
    ...(typeof raw.whyA === 'string' ? { whyA: raw.whyA } : {}),
    ...(typeof raw.whyB === 'string' ? { whyB: raw.whyB } : {}),
  };
}

function table<K extends string>(keys: readonly K[]): Record<K, Record<K, number>> {
  const out = {} as Record<K, Record<K, number>>;
  for (const a of keys) { out[a] = {} as Record<K, number>; for (const b of keys) out[a][b] = 0; }
  return out;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Classifies gold rows (JSON lines or parsed objects) server by server and compares with the labels. */
export function evaluateGold(lines: (string | Record<string, unknown>)[]): GoldReport {
  const rows = lines.filter((l) => typeof l !== 'string' || l.trim()).map(parseRow);
  const groups = new Map<string, GoldRow[]>();
  for (const r of rows) {
    const g = groups.get(r.server);
    if (g) g.push(r); else groups.set(r.server, [r]);
  }
  const confusion = table(CATEGORIES);
  const riskConfusion = table(RISKS);
  const disagreements: GoldDisagreement[] = [];
  const rules = new Map<string, { id: string; fired: number; agreed: number }>();
  let cat = 0, exact = 0, within = 0, low2 = 0, high2 = 0;
  for (const [server, group] of groups) {
    const results: ToolClassification[] = classifyTools({ name: server, tools: group.map((r) => pickDefinition(r as never)) });
    group.forEach((row, i) => {
      const c = results[i];
      const delta = RISKS.indexOf(c.risk) - RISKS.indexOf(row.risk);
      confusion[row.category][c.category]++;
      riskConfusion[row.risk][c.risk]++;
      if (c.category === row.category) cat++;
      if (delta === 0) exact++;
      if (Math.abs(delta) <= 1) within++;
      if (delta <= -2) low2++;
      for (const id of c.rules ?? []) {
        const r = rules.get(id) ?? { id, fired: 0, agreed: 0 };
        r.fired++;
        if (delta === 0 && c.category === row.category) r.agreed++;
        rules.set(id, r);
      }
      if (delta >= 2) high2++;
      if (delta !== 0 || c.category !== row.category) {
        disagreements.push({
          id: row.id, server, name: row.name,
          gold: { category: row.category, risk: row.risk },
          ours: { category: c.category, risk: c.risk },
          riskDelta: delta, unclear: row.unclear,
          ...(row.whyA ? { whyA: row.whyA } : {}), ...(row.whyB ? { whyB: row.whyB } : {}),
          rationale: c.rationale, evidence: c.evidence,
        });
      }
    });
  }
  const badness = (d: GoldDisagreement) => (d.riskDelta < 0 ? -d.riskDelta * 2 + 0.5 : d.riskDelta * 2) + (d.gold.category !== d.ours.category ? 1.5 : 0);
  disagreements.sort((x, y) => badness(y) - badness(x) || x.id.localeCompare(y.id));
  const n = rows.length || 1;
  return {
    tools: rows.length, servers: groups.size,
    category: round(cat / n), risk: round(exact / n), withinOne: round(within / n),
    tooLow2: low2, tooHigh2: high2, confusion, riskConfusion, disagreements,
    rules: [...rules.values()].sort((x, y) => y.fired - x.fired || x.id.localeCompare(y.id)),
  };
}
