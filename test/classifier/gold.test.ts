// The classifier against the reviewers' labels (shared/eval/gold-dev.jsonl, DESIGN §4) and the CLI that
// reports it. The targets of issue 10 on the development set, heuristics only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateGold } from '../../classifier/eval-gold.ts';
import { evaluate } from '../../classifier/eval.ts';
import { runCli } from '../helpers/run-cli.ts';
import { evalLines } from './helpers.ts';

const GOLD = new URL('../../../shared/eval/gold-dev.jsonl', import.meta.url);
const goldLines = () => readFileSync(GOLD, 'utf8').split('\n').filter((l) => l.trim());

describe('grading against reviewers\' labels', () => {
  const report = evaluateGold(goldLines());

  it('meets the development targets: category ≥ 95%, exact risk ≥ 85%, none two levels too low', () => {
    expect(report.tools).toBe(400);
    expect(report.category).toBeGreaterThanOrEqual(0.95);
    expect(report.risk).toBeGreaterThanOrEqual(0.85);
    expect(report.tooLow2).toBe(0);
  });

  it('keeps read-only agreement with author annotations at or above the 98.1% it had', () => {
    expect(evaluate(evalLines()).readOnly.agreement).toBeGreaterThanOrEqual(0.9808);
  });

  it('fills the confusion tables with every tool once and lists each disagreement with both verdicts', () => {
    const cells = Object.values(report.confusion).flatMap((row) => Object.values(row));
    expect(cells.reduce((n, x) => n + x, 0)).toBe(report.tools);
    const diagonal = Object.keys(report.confusion).reduce((n, c) => n + report.confusion[c as 'Read'][c as 'Read'], 0);
    expect(diagonal / report.tools).toBeCloseTo(report.category, 4);
    for (const d of report.disagreements) {
      expect(d.gold.category !== d.ours.category || d.gold.risk !== d.ours.risk).toBe(true);
      expect(d.evidence.length).toBeGreaterThan(0);
    }
    // worst first: a tool rated too low never follows one that is merely a category miss at the same risk
    const first = report.disagreements[0];
    expect(Math.abs(first.riskDelta) + (first.gold.category !== first.ours.category ? 1 : 0)).toBeGreaterThan(0);
  });

  it('reports how often each grading rule fired and agreed', () => {
    expect(report.rules.length).toBeGreaterThan(20);
    for (const r of report.rules) {
      expect(r.id).toMatch(/^(read|write|execute|destructive|financial)\.[a-z-]+$/);
      expect(r.agreed).toBeLessThanOrEqual(r.fired);
    }
  });
});

describe('mcp-risk eval', () => {
  it('prints both reports by default, and --json with the classifier version', async () => {
    const text = await runCli(['eval', '--worst', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/category agreement\s+\d+\.\d%/);
    expect(text.stdout).toMatch(/two or more levels too low: 0/);
    expect(text.stdout).toMatch(/category confusion \(rows: reviewers, columns: ours\)/);
    expect(text.stdout).toMatch(/worst disagreements \(3 of \d+\)/);
    expect(text.stdout).toMatch(/reviewer A: /);
    expect(text.stdout).toMatch(/read-only \(category Read vs readOnlyHint\): agreement/);
    const json = JSON.parse((await runCli(['eval', '--json'])).stdout);
    expect(json.classifierVersion).toMatch(/^heuristic-/);
    expect(json.gold.tools).toBe(400);
    expect(json.annotated.readOnly.n).toBeGreaterThan(900);
  });

  it('scores any file of the same shape with --gold, and says which row is malformed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-gold-'));
    const small = join(dir, 'small.jsonl');
    writeFileSync(small, [
      { id: 'x1', server: 'files', name: 'delete_file', description: 'Delete a file at any path.', inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'File path' } }, required: ['path'] }, category: 'Destructive', risk: 'Critical' },
      { id: 'x2', server: 'files', name: 'read_file', description: 'Read a file.', inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'File path' } } }, category: 'Read', risk: 'Medium' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const json = JSON.parse((await runCli(['eval', '--gold', small, '--json'])).stdout);
    expect(json.gold.tools).toBe(2);
    expect(json.gold.category).toBe(1);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ name: 'x', category: 'Harmless', risk: 'Low' })}\n`);
    const r = await runCli(['eval', '--gold', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gold row 1 \(x\): "category" must be one of Financial, Destructive, Execute, Write, Read/);
  });
});
