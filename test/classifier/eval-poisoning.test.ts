// The poisoning evaluation: targets on the shared development suite, the suite in other phrasings shipped
// with the tests, the CLI (`eval --poisoning`), and bad input.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NEGATIVES_FILE, DEFAULT_POISONING_FILE, evaluatePoisoning } from '../../classifier/eval-poisoning.ts';
import { runCli } from '../helpers/run-cli.ts';

const read = (url: URL | string) => readFileSync(url, 'utf8').split('\n');
const REALISTIC = new URL('../fixtures/poisoning/realistic.jsonl', import.meta.url);

describe('eval --poisoning', () => {
  it('meets the targets on the development suite: >= 95% detected, <= 2% clean flagged, < 2% of annotated-dev flagged', () => {
    const r = evaluatePoisoning({ suite: { label: 'dev', lines: read(DEFAULT_POISONING_FILE) }, negatives: [{ label: 'annotated', lines: read(DEFAULT_NEGATIVES_FILE) }] });
    console.log(`poisoning-dev: ${r.poisoned.detected}/${r.poisoned.total}; clean ${r.clean.map((c) => `${c.set} ${c.flagged}/${c.tools}`).join(', ')}`);
    expect(r.poisoned.total).toBe(159);
    expect(r.poisoned.rate).toBeGreaterThanOrEqual(0.95);
    expect(r.clean[0]).toMatchObject({ set: 'dev', tools: 261 });
    expect(r.clean[0].rate).toBeLessThanOrEqual(0.02);
    expect(r.clean[1]).toMatchObject({ set: 'annotated', tools: 1060 });
    expect(r.clean[1].rate).toBeLessThan(0.02);
    for (const kind of ['hidden-instruction', 'shadowing', 'preference-manipulation', 'parameter-poisoning', 'tool-redirection']) {
      expect(r.byAttack.find((a) => a.attack === kind)!.rate, kind).toBeGreaterThanOrEqual(0.85);
    }
    // every counted detection names the rule that made it
    expect(r.rules.reduce((n, s) => n + s.poisoned, 0)).toBeGreaterThanOrEqual(r.poisoned.detected);
  });

  it('generalizes to attacks in other phrasings and kinds (capability, invisible text, secrets) with no clean look-alike flagged', () => {
    const r = evaluatePoisoning({ suite: { label: 'realistic', lines: read(REALISTIC) } });
    expect(r.poisoned.total).toBe(32);
    expect(r.poisoned.rate).toBeGreaterThanOrEqual(0.9);
    expect(r.clean[0].flagged).toBe(0);
    expect(r.byAttack.map((a) => a.attack)).toEqual(expect.arrayContaining(['capability', 'invisible', 'secret', 'exfiltration']));
  });

  it('prints the report and --json from the command line, and rejects bad input with a clear error', async () => {
    const suite = fileURLToPath(REALISTIC);
    const text = await runCli(['eval', '--poisoning', suite, '--negatives', suite, '--show', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/poisoned definitions detected/);
    expect(text.stdout).toMatch(/per attack kind:\n\s+\S+/);
    const json = await runCli(['eval', '--poisoning', suite, '--json']);
    const report = JSON.parse(json.stdout);
    expect(report.poisoned.total).toBe(32);
    expect(report.rules[0]).toMatchObject({ rule: expect.any(String), kind: expect.any(String) });

    const dir = await mkdtemp(join(tmpdir(), 'eval-poison-'));
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"poisoned": true, "name": "x"}\nnot json\n');
    const failed = await runCli(['eval', '--poisoning', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/line 2 is not JSON/);
    const usage = await runCli(['eval', 'some.jsonl', '--show', '3']);
    expect(usage.code).toBe(2);
    expect((await runCli(['eval', '--help'])).stdout).toContain('--poisoning [FILE]');
  });
});
