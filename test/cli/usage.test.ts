// What a user sees for bad option values and an empty catalogue, through the real executable: one line
// naming the option, exit 2, nothing written; `build` on an empty catalogue says what to run.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

/** argv, the option the error must name, the value it must repeat. */
const BAD: [string[], string, string][] = [
  [['crawl', '--registry-url', 'not-a-url'], 'registry-url', 'not-a-url'],
  [['crawl', '--limit', '-3'], 'limit', '-3'],
  [['crawl', '--concurrency', 'abc'], 'concurrency', 'abc'],
  [['crawl', '--timeout', '0'], 'timeout', '0'],
  [['crawl', '--source', 'regsitry'], 'source', 'regsitry'],
  [['crawl', '--snapshot', 'no/such/snapshot.json'], 'snapshot', 'no/such/snapshot.json'],
  [['crawl', '--runtime', 'NPM'], 'runtime', 'NPM'],
  [['serve', '--port', '99999'], 'port', '99999'],
  [['serve', '--host', 'not a host'], 'host', 'not a host'],
  [['run', '--limit', '-3', '--no-serve'], 'limit', '-3'],
  [['run', '--registry-url', 'registry.example', '--no-serve'], 'registry-url', 'registry.example'],
  [['build', '--out', ''], 'out', ''],
  [['list-tools', '--timeout', 'soon', '--', 'node'], 'timeout', 'soon'],
  [['list-tools', '--env', 'NO_EQUALS', '--', 'node'], 'env', 'NO_EQUALS'],
  [['classify-db', '--llm-concurrency', '0'], 'llm-concurrency', '0'],
  [['classify', '--llm', 'sometimes'], 'llm', 'sometimes'],
  [['policy', 'some/server', '--format', 'yaml'], 'format', 'yaml'],
  [['eval', '--worst', '0'], 'worst', '0'],
  [['eval', '--gold', 'no/such/gold.jsonl'], 'gold', 'no/such/gold.jsonl'],
];

describe('bad option values', () => {
  it('exit 2 with one line naming the command and the option, and touch nothing', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'mcp-risk-usage-')), 'data');
    for (const [argv, option, value] of BAD) {
      const { code, stdout, stderr } = await runCli(argv, { env: { MCP_RISK_DATA_DIR: dataDir, DATABASE_URL: '' } });
      const label = argv.join(' ');
      expect(code, label).toBe(2);
      expect(stdout, label).toBe('');
      expect(stderr, label).toBe(`${stderr.trim()}\n`); // one line
      expect(stderr.trim(), label).not.toContain('\n');
      expect(stderr, label).toMatch(new RegExp(`^mcp-risk ${argv[0]}: --${option} must be .+, got ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(existsSync(dataDir)).toBe(false); // no database was opened, no crawl started
  });
});

describe('mcp-risk build on an empty catalogue', () => {
  it('says the catalogue is empty and what to run, exits 1 and writes nothing; --allow-empty builds anyway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-risk-empty-'));
    const env = { MCP_RISK_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const out = join(dir, 'site');
    const refused = await runCli(['build', '--out', out], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^mcp-risk build: the catalogue is empty \(the database in .+pgdata holds no servers\)/);
    expect(refused.stderr).toMatch(/mcp-risk run .*mcp-risk crawl then mcp-risk classify-db.*--allow-empty/);
    expect(existsSync(out)).toBe(false);

    const built = await runCli(['build', '--out', out, '--allow-empty'], { env });
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^built \d+ pages into /);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/<html/);
  }, 240_000);
});
