// SARIF 2.1.0 for GitHub code scanning: a result per tool (its risk level's rule) and per finding (its
// kind's rule), located at the config file and the server's entry in it (line and column), `level`
// error for Critical and critical, warning for High, note below.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { safeJson } from '../../classifier/safe-json.ts';
import type { ScanReport, ServerReport } from './report.ts';
import { findingRuleId, levelOf, NOT_JUDGED_RULE, riskRuleId, sarifRules, type SarifLevel } from './sarif-rules.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Lines of a drift diff carried in a result's message (all of them are in its properties). */
const MESSAGE_DIFF_LINES = 20;

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: unknown[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

/** Where a server's entry is: a repository-relative path (uriBaseId %SRCROOT%) inside the project, else a file: URI. */
function location(s: ServerReport, report: ScanReport, tool?: string): unknown {
  const file = report.configFiles.find((f) => f.shown === s.file);
  const artifactLocation = file?.inProject ? { uri: encodeURI(s.file), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(file?.path ?? s.file).href };
  const r = s.location;
  return {
    physicalLocation: {
      artifactLocation,
      ...(r ? { region: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn, charOffset: r.charOffset, charLength: r.charLength } } : {}),
    },
    logicalLocations: [{ name: tool ?? s.key, fullyQualifiedName: tool ? `${s.key}/${tool}` : s.key, kind: tool ? 'function' : 'module' }],
  };
}

const fingerprint = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

export function formatSarif(report: ScanReport, options: { cwd: string }): string {
  const extraKinds = report.servers.flatMap((s) => s.findings.map((f) => f.kind));
  const rules = sarifRules(extraKinds);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  const add = (ruleId: string, level: SarifLevel, text: string, loc: unknown, key: string[], properties: Record<string, unknown>) => {
    results.push({ ruleId, ruleIndex: index.get(ruleId)!, level, message: { text }, locations: [loc], partialFingerprints: { 'mcpRisk/v1': fingerprint(ruleId, ...key) }, properties });
  };
  for (const s of report.servers) {
    const server = `server "${s.key}" (${s.name}) in ${s.file}`;
    if (s.status === 'not_judged') {
      add(NOT_JUDGED_RULE, report.failOn?.strict ? 'warning' : 'note', `The MCP ${server} was not judged: ${s.reason ?? 'unknown reason'}.`, location(s, report), [s.id], { server: s.key, reason: s.reason });
      continue;
    }
    for (const t of s.tools) {
      const c = t.classification;
      add(riskRuleId(c.risk), levelOf(c.risk), `The tool "${t.name}" of the MCP ${server} is ${c.category} / ${c.risk} risk. ${c.rationale}`, location(s, report, t.name), [s.id, t.name], {
        server: s.key, tool: t.name, category: c.category, risk: c.risk, confidence: c.confidence, evidence: c.evidence, policyStatus: t.status, hash: t.hash,
      });
    }
    for (const f of s.findings) {
      const diff = Array.isArray(f.diff) ? f.diff : [];
      const shownDiff = diff.length ? `\n${diff.slice(0, MESSAGE_DIFF_LINES).join('\n')}${diff.length > MESSAGE_DIFF_LINES ? '\n…' : ''}` : '';
      const excerpt = f.excerpt ? ` Excerpt: ${f.excerpt}` : '';
      add(findingRuleId(f.kind), levelOf(f.severity), `${f.kind} (${f.severity}) in the tool "${f.tool}" of the MCP ${server}: ${f.message}${excerpt}${shownDiff}`, location(s, report, f.tool), [s.id, f.tool, f.kind, String(f.change ?? ''), f.message], {
        server: s.key, tool: f.tool, severity: f.severity, ...(f.excerpt ? { excerpt: f.excerpt } : {}), ...(diff.length ? { diff } : {}), ...(f.change ? { change: f.change } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'mcp-risk', version: report.generator.version, semanticVersion: report.generator.version, rules } },
      invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href } },
      columnKind: 'utf16CodeUnits',
      results,
      properties: { schemaVersion: report.schemaVersion, mode: report.mode, totals: report.totals, failOn: report.failOn, configFiles: report.configFiles.map((f) => ({ client: f.client, file: f.shown, servers: f.servers, problems: f.problems })) },
    }],
  };
  return `${safeJson(log, 2)}\n`;
}
