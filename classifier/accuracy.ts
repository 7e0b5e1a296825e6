// How often the classifier is right, measured when the site is built (issue 10 item 7): the reviewers'
// labels (category, exact risk, within one, too low, confusion, per rule), the authors' annotations
// (read-only agreement) and the poisoning suite, for the classifier version of this build. The site's
// /accuracy/ page and /api/accuracy.json show this record as it is.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLASSIFIER_VERSION } from './classify.ts';
import { evaluateGold, type GoldDisagreement, type GoldReport } from './eval-gold.ts';
import { evaluate, type BinaryStats } from './eval.ts';
import { evaluatePoisoning, type AttackStats, type CleanStats } from './eval-poisoning.ts';
import { RISK_RULES } from './risk-rules/all.ts';

export interface AccuracyRecord {
  schemaVersion: 1;
  classifierVersion: string;
  measuredAt: string;
  /** Reviewers' labels: absent when the file was not there at build time. */
  gold?: Omit<GoldReport, 'disagreements' | 'rules'> & {
    file: string;
    /** How the labels were made, counted from the file. */
    labels: { agreed: number; adjudicated: number; unclear: number };
    rules: { id: string; summary: string; fired: number; agreed: number }[];
    /** The disagreements that remain, worst first (at most 25). */
    weakSpots: Omit<GoldDisagreement, 'evidence' | 'rationale'>[];
  };
  annotated?: { file: string; tools: number; readOnly: BinaryStats; destructive: BinaryStats; destructiveRatedLow: number };
  poisoning?: { file: string; poisoned: { total: number; detected: number; rate: number }; byAttack: AttackStats[]; clean: CleanStats[] };
  /** Files that were not found, so their section is empty. */
  missing: string[];
}

/** The labelled sets, by the names the workplace gives them in the eval directory. */
export const EVAL_FILES = { gold: 'gold-dev.jsonl', annotated: 'annotated-dev.jsonl', poisoning: 'poisoning-dev.jsonl' } as const;

async function read(file: string, missing: string[]): Promise<string[] | undefined> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  } catch {
    missing.push(file);
    return undefined;
  }
}

function labelCounts(lines: string[]): { agreed: number; adjudicated: number; unclear: number } {
  const out = { agreed: 0, adjudicated: 0, unclear: 0 };
  for (const l of lines) {
    const row = JSON.parse(l) as { labelSource?: string; unclear?: boolean };
    if (row.labelSource === 'adjudicated') out.adjudicated++; else out.agreed++;
    if (row.unclear === true) out.unclear++;
  }
  return out;
}

/** Measures the heuristics (no LLM) on the labelled sets of `evalDir`; a missing file leaves its section out. */
export async function measureAccuracy(evalDir: string): Promise<AccuracyRecord> {
  const missing: string[] = [];
  const record: AccuracyRecord = { schemaVersion: 1, classifierVersion: CLASSIFIER_VERSION, measuredAt: new Date().toISOString(), missing };
  const goldFile = join(evalDir, EVAL_FILES.gold);
  const gold = await read(goldFile, missing);
  if (gold) {
    const { disagreements, rules, ...figures } = evaluateGold(gold);
    const summary = new Map(RISK_RULES.map((r) => [r.id, r.summary]));
    record.gold = {
      ...figures, file: EVAL_FILES.gold, labels: labelCounts(gold),
      rules: rules.map((r) => ({ ...r, summary: summary.get(r.id) ?? '' })),
      weakSpots: disagreements.slice(0, 25).map(({ evidence: _e, rationale: _r, ...d }) => d),
    };
  }
  const annotatedFile = join(evalDir, EVAL_FILES.annotated);
  const annotated = await read(annotatedFile, missing);
  if (annotated) {
    const r = evaluate(annotated);
    record.annotated = { file: EVAL_FILES.annotated, tools: r.tools, readOnly: r.readOnly, destructive: r.destructive, destructiveRatedLow: r.destructiveRatedLow.length };
  }
  const poisoningFile = join(evalDir, EVAL_FILES.poisoning);
  const poisoning = await read(poisoningFile, missing);
  if (poisoning) {
    const r = evaluatePoisoning({ suite: { label: EVAL_FILES.poisoning, lines: poisoning }, negatives: annotated ? [{ label: EVAL_FILES.annotated, lines: annotated }] : [] });
    record.poisoning = { file: EVAL_FILES.poisoning, poisoned: r.poisoned, byAttack: r.byAttack, clean: r.clean };
  }
  return record;
}
