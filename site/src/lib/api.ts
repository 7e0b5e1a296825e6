// The JSON API files: the same data as the pages, with the full raw text in place of the
// display-cut text. Written with safeJson, so <, >, & and invisible characters are \u escapes.
import type { ServerBundle } from '../../../db/queries/site-stream.ts';
import type { ServerModel, ToolModel } from './model-types.ts';

export function serverApi(bundle: ServerBundle, m: ServerModel) {
  const { server } = bundle;
  return {
    kind: 'server', url: m.path, slug: m.slug, name: server.name, title: server.title, description: server.description,
    status: m.status, version: m.version, repositoryUrl: server.repositoryUrl, websiteUrl: server.websiteUrl,
    sources: m.sources, runs: m.runs, grade: m.grade, highestRisk: m.highestRisk, byRisk: m.byRisk, byCategory: m.byCategory,
    tools: bundle.tools.map((t, i) => ({
      name: t.name, slug: t.slug, url: `/tools/${m.slug}/${t.slug}/`, api: `/api/tools/${m.slug}/${t.slug}.json`,
      category: m.tools[i].category, risk: m.tools[i].risk, status: m.tools[i].status,
    })),
    policy: m.policy,
    exports: m.exports,
    findings: m.findings.map(({ serverName: _s, ...f }) => f),
    history: m.history,
  };
}

export function toolApi(bundle: ServerBundle, index: number, m: ToolModel, server: ServerModel) {
  const tool = bundle.tools[index];
  const c = tool.classification;
  return {
    kind: 'tool', url: m.path, slug: m.slug, name: tool.name, title: m.definition.title ?? null,
    description: m.definition.description ?? null,
    server: { ...m.server, name: bundle.server.name, title: bundle.server.title, api: `/api/servers/${m.server.slug}.json` },
    definition: m.definition, hash: m.hash, firstSeenAt: m.firstSeenAt, lastSeenAt: m.lastSeenAt,
    classification: c && { ...m.classification, rationale: c.rationale, evidence: c.evidence },
    findings: c?.findings ?? [],
    policy: m.policy, policyWords: m.policyWords?.text ?? null, status: m.status,
    // The server policy when the page shows it; else it is in the server's file.
    serverPolicy: m.serverPolicyJson ? server.policy : undefined,
    // Settings that block this tool; the server's file has the settings for all its blocked tools.
    block: { claudeCodeRule: m.clients.rule, codexDisabledTool: tool.name, configName: m.clients.configName },
    clients: { decision: m.clients.decision, rule: m.clients.rule, codexDisabled: m.clients.disabled },
    rateLimit: JSON.parse(m.rateLimitJson),
    related: {
      siblings: m.siblings.map(({ tool: slug, name, category, risk, status }) => ({ slug, name, category, risk, status })),
      siblingsTotal: m.siblingsTotal, sameName: m.sameName, sameNameTotal: m.sameNameTotal,
      purpose: m.purpose, samePurpose: m.samePurpose, samePurposeTotal: m.samePurposeTotal,
    },
    history: m.history,
    faq: m.faq.map(({ question, answer }) => ({ question, answer })),
  };
}
