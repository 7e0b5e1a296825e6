// `mcp-risk scan` end to end: the real CLI on a project whose configs name the reference servers (one
// installed from npm), a poisoned server and a crashing one, all run in the real sandbox. SARIF checked
// against the SARIF 2.1.0 schema, JSON against the report schema, secrets looked for in every output.
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTools } from '../../classifier/classify.ts';
import { validatePolicy } from '../../classifier/policy-validate.ts';
import { FINDING_KINDS } from '../../classifier/types.ts';
import { isPoisoningKind } from '../../classifier/finding-kinds.ts';
import reportSchema from '../../cli/scan/report-schema.json' with { type: 'json' };
import { entry, leakedSecrets, makeScanProject, type ScanProject } from '../helpers/scan-project.ts';
import { validateSarif } from '../helpers/sarif.ts';

const checkReport = addFormats(new Ajv({ allErrors: true, strict: false })).compile(reportSchema);

/** Line and column of `"key":` in the text, by plain search (the oracle for the reported positions). */
function keyAt(text: string, key: string): { line: number; column: number } {
  const lines = text.slice(0, text.indexOf(`"${key}":`)).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const cache = mkdtempSync(join(tmpdir(), 'mcp-risk-scan-cache-'));
chmodSync(cache, 0o755);

describe('mcp-risk scan on reference servers and a poisoned one', () => {
  let p: ScanProject;
  let mcpJson: string;
  beforeAll(async () => {
    p = await makeScanProject({ cache });
    mcpJson = JSON.stringify({ mcpServers: { everything: entry.everything, memory: entry.memory, filesystem: entry.filesystem, evil: entry.evil(), crash: entry.crash } }, null, 2);
    await p.write('.mcp.json', mcpJson);
    await p.write('.vscode/mcp.json', `{\n  // VS Code reads JSON with comments\n  "servers": {\n    "sequential": ${JSON.stringify(entry.sequential)},\n  },\n}\n`);
  });
  afterAll(async () => { await p?.close(); rmSync(cache, { recursive: true, force: true }); });

  it('--yes --format sarif --output r.sarif --fail-on critical exits 1 with schema-valid SARIF naming the poisoned tool at its entry', async () => {
    const run = await p.scan(['--yes', '--format', 'sarif', '--output', 'r.sarif', '--fail-on', 'critical']);
    expect(run.stderr).toContain('read 2 config files: .vscode/mcp.json (vscode, 1 server), .mcp.json (claude-code, 5 servers)');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const text = await readFile(join(p.cwd, 'r.sarif'), 'utf8');
    expect(leakedSecrets(run.stderr + text)).toEqual([]);
    const sarif = JSON.parse(text);
    expect(validateSarif(sarif)).toEqual([]);
    // The validator is live: a level the schema does not know is rejected.
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken).join('\n')).toMatch(/level/);
    const [sarifRun] = sarif.runs;
    const ruleIds: string[] = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining([...FINDING_KINDS.map((k) => `finding/${k}`), 'risk/critical', 'risk/high', 'risk/medium', 'risk/low']));
    // the poisoned tool raises a critical finding of a poisoning kind (which kind is the classifier's to decide)
    const poisoning = new Set(FINDING_KINDS.filter((k) => isPoisoningKind(k)).map((k) => `finding/${k}`));
    const poison = sarifRun.results.find((r: any) => poisoning.has(r.ruleId) && r.properties.tool === 'add' && r.level === 'error');
    expect(poison.message.text).toMatch(/"add" of the MCP server "evil"/);
    expect(poison.locations[0].physicalLocation.artifactLocation).toEqual({ uri: '.mcp.json', uriBaseId: '%SRCROOT%' });
    const at = keyAt(mcpJson, 'evil');
    expect(poison.locations[0].physicalLocation.region).toMatchObject({ startLine: at.line, startColumn: at.column });
    expect(sarifRun.tool.driver.rules[poison.ruleIndex].id).toBe(poison.ruleId);
    // Every reference server was listed and graded; levels follow the risk.
    const byTool = (tool: string) => sarifRun.results.find((r: any) => r.properties.tool === tool && r.ruleId.startsWith('risk/'));
    expect(byTool('run_command')).toMatchObject({ ruleId: 'risk/critical', level: 'error' });
    expect(byTool('write_file')).toMatchObject({ ruleId: 'risk/high', level: 'warning' });
    expect(byTool('echo')).toMatchObject({ level: 'note' });
    expect(byTool('create_entities')).toBeDefined();
    expect(byTool('sequentialthinking').locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: '.vscode/mcp.json' }, region: { startLine: 4, startColumn: 5 } });
    const crash = sarifRun.results.find((r: any) => r.ruleId === 'scan/not-judged');
    expect(crash.message.text).toMatch(/"crash".*crashed.*cannot log in with token \*\*\*/);
  });

  it('--format json parses, matches the documented schema and grades with the same classifier as the site', async () => {
    const run = await p.scan(['--yes', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
    const report = JSON.parse(run.stdout);
    expect(checkReport(report) ? [] : checkReport.errors).toEqual([]);
    expect(report.schemaVersion).toBe(1);
    // Worst first: the highest risk never rises down the list; what was not judged comes last.
    const rank = (s: any) => (s.status === 'judged' ? ['Low', 'Medium', 'High', 'Critical'].indexOf(s.highestRisk) : -1);
    const ranks = report.servers.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(report.servers.map((s: any) => s.key).sort()).toEqual(['crash', 'everything', 'evil', 'filesystem', 'memory', 'sequential']);
    expect(report.servers[0]).toMatchObject({ key: 'evil', status: 'judged', source: 'listed', highestRisk: 'Critical', grade: { letter: 'F' } });
    expect(report.servers.at(-1)).toMatchObject({ key: 'crash', status: 'not_judged', listing: { status: 'crashed' } });
    const evil = report.servers[0];
    expect(Object.keys(evil.tools[0]).sort()).toEqual(['classification', 'clients', 'definition', 'description', 'findings', 'hash', 'name', 'policy', 'status', 'title']);
    // The secret the server echoes into a description is masked; the verdicts are the classifier's own.
    const account = evil.tools.find((t: any) => t.name === 'get_account');
    expect(account.description).toBe('Returns the account this server is configured with (***).');
    const direct = classifyTools({ name: 'evil', tools: evil.tools.map((t: any) => t.definition) });
    expect(evil.tools.map((t: any) => [t.name, t.classification.category, t.classification.risk, t.findings.map((f: any) => f.kind)]))
      .toEqual(direct.map((c) => [c.name, c.category, c.risk, c.findings.map((f) => f.kind)]));
    expect(evil.runs.command).toBe(`node ${entry.evil().args[0]} --token *** [env: ACCOUNT_TOKEN=***]`);
    const memory = report.servers.find((s: any) => s.key === 'memory');
    expect(memory).toMatchObject({ name: 'npm:@modelcontextprotocol/server-memory', runs: { kind: 'stdio', runtime: 'npm', package: '@modelcontextprotocol/server-memory' } });
    expect(memory.tools.map((t: any) => t.name)).toEqual(expect.arrayContaining(['create_entities', 'delete_entities', 'read_graph']));
  });

  it('the table groups servers worst first with a reason per risky tool, the totals, and no secret', async () => {
    const run = await p.scan(['--yes']);
    expect(run.code).toBe(0);
    expect(leakedSecrets(run.stdout + run.stderr)).toEqual([]);
    const blocks = run.stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^F {2}evil {2}claude-code \.mcp\.json:\d+:\d+/);
    expect(blocks[0]).toMatch(/Critical +\w+ +add +(?:tool_poisoning|data_exfiltration|shadowing) \(critical\): \S/);
    expect(blocks[0]).toMatch(/Critical +Execute +run_command +\S/);
    expect(run.stdout).toMatch(/Not judged:\n {3}crash {2}claude-code \.mcp\.json:\d+:\d+: crashed: .*token \*\*\*/);
    expect(run.stdout).toMatch(/^Totals: 6 servers \(5 judged, 1 not judged\), \d+ tools: \d+ Critical, \d+ High, \d+ Medium, \d+ Low; \d+ findings \(critical \d+/m);
  });

  it('--policy-out writes one schema-valid policy over every server, and Claude Code and Codex settings beside it', async () => {
    const run = await p.scan(['--yes', '--format', 'json', '--policy-out', 'policy.json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const policy = JSON.parse(await readFile(join(p.cwd, 'policy.json'), 'utf8'));
    expect(validatePolicy(policy)).toEqual({ valid: true, errors: [] });
    const judged = report.servers.filter((s: any) => s.status === 'judged');
    for (const s of judged) for (const t of s.tools) expect(Object.hasOwn(policy.tools, t.name) || policy.hide?.includes(t.name)).toBe(true);
    const claude = JSON.parse(await readFile(join(p.cwd, 'policy.claude-code.json'), 'utf8'));
    const rules = [...claude.permissions.allow, ...claude.permissions.ask, ...claude.permissions.deny];
    expect(rules).toHaveLength(judged.reduce((n: number, s: any) => n + s.tools.length, 0));
    expect(claude.permissions.ask).toContain('mcp__evil__run_command');
    expect(claude.permissions.allow).toContain('mcp__evil__get_account');
    const codex = await readFile(join(p.cwd, 'policy.codex.toml'), 'utf8');
    expect(codex).toContain('[mcp_servers.evil]');
    expect(codex).toContain('[mcp_servers.sequential]');
    expect(leakedSecrets(JSON.stringify(policy) + JSON.stringify(claude) + codex)).toEqual([]);
  });
});
