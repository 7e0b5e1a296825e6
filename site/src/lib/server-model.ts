// A server bundle from the database as the server page's model: facts, grade, tools with their status
// under the whole-server policy, client exports, findings and crawl history.
import { CATEGORIES, RISKS, type Policy } from '../../../classifier/types.ts';
import type { SameNameEntry, LastAttempt } from '../../../db/queries/site-globals.ts';
import type { BundleTool, ServerBundle } from '../../../db/queries/site-stream.ts';
import type { PurposeEntry } from './purpose.ts';
import { clientExports } from '../../../classifier/exports.ts';
import { findingList, safeHref } from './format.ts';
import { gradeWithCause, listingWords } from './attempt-words.ts';
import { countPoisoning, gradeServer, type Grade } from './grade.ts';
import { findingOrder, isPoisoningKind } from '../../../classifier/finding-kinds.ts';
import type { FindingRow, ServerModel, ServerRef, ToolRef } from './model-types.ts';
import { orderPolicyKeys, serverPolicy, toolStatus } from './policy.ts';
import { howItRuns, sourceLinks, type HowItRuns } from './server-facts.ts';
import { longText, safeJson, summary as summaryLine, visible } from './text.ts';

/** What the main thread adds to a bundle: catalogue-wide facts about its tools and its last crawl. */
export interface BundleExtras {
  sameName: Record<string, SameNameEntry>;
  /** Tools of the same purpose under other names, by tool name (only names that have some). */
  samePurpose: Record<string, PurposeEntry>;
  lastAttempt: LastAttempt | null;
}

export const serverPath = (slug: string) => `/servers/${slug}/`;
export const toolPath = (server: string, tool: string) => `/tools/${server}/${tool}/`;
export const serverApiPath = (slug: string) => `/api/servers/${slug}.json`;
export const toolApiPath = (server: string, tool: string) => `/api/tools/${server}/${tool}.json`;

const SERIOUS = new Set(['high', 'critical']);

export function toolRef(serverSlug: string, serverName: string, tool: BundleTool, policy?: Policy): ToolRef {
  const c = tool.classification;
  return {
    server: serverSlug, tool: tool.slug, name: visible(tool.name), serverName,
    category: c?.category ?? null, risk: c?.risk ?? null, summary: summaryLine(tool.definition.description),
    ...(policy && { status: toolStatus(policy, tool.name) }),
  };
}

const link = (text: string | null) => (text ? { text: visible(text), href: safeHref(text) } : null);

/** What the lists, the search index and the home page need of a server: cheaper than its whole model. */
export interface ServerSummary {
  displayName: string;
  byRisk: Record<string, number>;
  byCategory: Record<string, number>;
  findings: FindingRow[];
  highestRisk: string | null;
  grade: Grade;
  runs: HowItRuns;
}

export function summarize(bundle: ServerBundle): ServerSummary {
  const { server, tools } = bundle;
  const displayName = visible(server.title ?? server.name);
  const byRisk: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const findings: FindingRow[] = [];
  for (const tool of tools) {
    const c = tool.classification;
    if (!c) continue;
    byRisk[c.risk] = (byRisk[c.risk] ?? 0) + 1;
    byCategory[c.category] = (byCategory[c.category] ?? 0) + 1;
    for (const f of findingList(c.findings)) {
      findings.push({ ...f, server: server.slug, tool: tool.slug, toolName: visible(tool.name), serverName: displayName });
    }
  }
  findings.sort(findingOrder);
  return {
    displayName, byRisk, findings,
    byCategory: Object.fromEntries(CATEGORIES.filter((c) => byCategory[c]).map((c) => [c, byCategory[c]])),
    highestRisk: [...RISKS].reverse().find((r) => byRisk[r]) ?? null,
    grade: gradeServer({
      byRisk, tools: tools.length,
      seriousFindings: findings.filter((f) => SERIOUS.has(f.severity) && !isPoisoningKind(f.kind)).length,
      poisoning: countPoisoning(findings),
    }),
    runs: howItRuns(server, bundle.launch),
  };
}

export function serverModel(bundle: ServerBundle, extras: BundleExtras, summary: ServerSummary = summarize(bundle)): ServerModel {
  const { server, tools } = bundle;
  const { displayName } = summary;
  const policy = serverPolicy(tools);
  const listing = listingWords(extras.lastAttempt);
  const grade = gradeWithCause(summary.grade, tools.length, extras.lastAttempt, listing);
  const refs = tools.map((t) => toolRef(server.slug, displayName, t, policy));
  const changes = tools.filter((t) => bundle.versions[t.id]?.length).map((t) => {
    const versions = bundle.versions[t.id];
    return { name: visible(t.name), slug: t.slug, versions: versions.length, changedAt: versions[versions.length - 1].firstSeenAt };
  });
  return {
    path: serverPath(server.slug), apiPath: serverApiPath(server.slug),
    slug: server.slug, name: visible(server.name), title: server.title === null ? null : visible(server.title), displayName,
    status: server.status, version: server.version,
    description: longText(server.description, { head: 1500, rest: 20_000 }),
    metaDescription: summaryLine(server.description, 280) || `The tools of the MCP server ${displayName}, their risk, and the policy to put in front of them.`,
    repository: link(server.repositoryUrl), website: link(server.websiteUrl),
    sources: sourceLinks(bundle.sources),
    runs: summary.runs, grade, highestRisk: summary.highestRisk, byRisk: summary.byRisk, byCategory: summary.byCategory,
    tools: refs, policy, policyJson: safeJson(orderPolicyKeys(policy), 2),
    exports: clientExports(server.name, policy, tools.map((t) => t.name)),
    findings: summary.findings,
    history: {
      firstSeenAt: server.firstSeenAt, lastSeenAt: server.lastSeenAt, lastListedAt: server.lastListedAt,
      changes, lastAttempt: extras.lastAttempt,
    },
    listing,
  };
}

/** The server as one row of the server lists. */
export function serverRef(bundle: ServerBundle, summary: ServerSummary): ServerRef {
  const { server } = bundle;
  return {
    slug: server.slug, name: visible(server.name), displayName: summary.displayName, summary: summaryLine(server.description, 200),
    runtime: summary.runs.runtime, toolCount: bundle.tools.length, highestRisk: summary.highestRisk,
    riskCounts: RISKS.map((r) => summary.byRisk[r] ?? 0) as ServerRef['riskCounts'],
    grade: summary.grade.letter, firstSeenAt: server.firstSeenAt,
  };
}
