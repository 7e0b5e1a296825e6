// The classifier against author annotations of real servers (shared/eval/annotated-dev.jsonl).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../classifier/eval.ts';
import { evalLines } from './helpers.ts';

describe('evaluation on the annotated dev split', () => {
  const report = evaluate(evalLines());

  it('agrees with readOnlyHint on at least 95% of the tools that set it', () => {
    expect(report.readOnly.n).toBeGreaterThan(900);
    expect(report.readOnly.agreement).toBeGreaterThanOrEqual(0.95);
    expect(report.readOnly.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.readOnly.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('rates no tool that its author marks destructiveHint=true as Low', () => {
    expect(report.destructiveRatedLow).toEqual([]);
  });

  it('rarely calls a tool Destructive that its author says is not', () => {
    expect(report.destructive.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('still agrees on at least 95% with annotations hidden (behaviour alone)', () => {
    expect(evaluate(evalLines(), { blind: true }).readOnly.agreement).toBeGreaterThanOrEqual(0.95);
  });

  it('reports per-server figures and disagreements with evidence', () => {
    expect(report.servers).toBe(report.perServer.length);
    expect(report.perServer.reduce((n, s) => n + s.tools, 0)).toBe(report.tools);
    for (const d of report.disagreements) expect(d.evidence.length).toBeGreaterThan(0);
  });
});
