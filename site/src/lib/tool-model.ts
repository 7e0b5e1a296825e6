// One tool of a server bundle as the tool page's model: classification, findings, policy and its
// status under the server policy, client exports, related tools, definition history and FAQ.
import type { BundleTool, ServerBundle } from '../../../db/queries/site-stream.ts';
import { toolClientExports } from '../../../classifier/exports.ts';
import { findingList, stringList, type DisplayFinding } from './format.ts';
import { atLeast, FINDING_KIND_INFO, isPoisoningKind } from '../../../classifier/finding-kinds.ts';
import type { FindingKind } from '../../../classifier/types.ts';
import type { Classification, ServerModel, ToolModel } from './model-types.ts';
import { STATUS_TEXT, orderPolicyKeys, toolStatus } from './policy.ts';
import { toolApiPath, toolPath, type BundleExtras } from './server-model.ts';
import { faqFor } from './tool-faq.ts';
import { policyWords } from '../../../classifier/policy-words.ts';
import { longText, safeJson, summary, visible } from './text.ts';

/** The finding to warn about above everything else: the first poisoning one of severity medium or more. */
function alertOf(findings: DisplayFinding[]): ToolModel['alert'] {
  const f = findings.find((x) => isPoisoningKind(x.kind) && atLeast(x.severity, 'medium'));
  return f ? { title: FINDING_KIND_INFO[f.kind as FindingKind].title, message: f.message, severity: f.severity } : null;
}

/** Related tools shown per page; the rest are on the server page. */
export const MAX_SIBLINGS = 12;
/** A definition larger than this is not inlined (it is in the JSON file). */
export const MAX_INLINE_JSON = 8_000;
/** A server policy larger than this is not repeated on each tool page (it is on the server page). */
export const MAX_INLINE_SERVER_POLICY = 32_000;

const policyText = (policy: unknown) => safeJson(orderPolicyKeys(policy), 2);

const RATE_BY_RISK: Record<string, { window: 'minute' | 'hour'; max: number }> = {
  Low: { window: 'minute', max: 60 }, Medium: { window: 'minute', max: 30 }, High: { window: 'hour', max: 30 }, Critical: { window: 'hour', max: 5 },
};

function classification(tool: BundleTool): Classification | null {
  const c = tool.classification;
  if (!c) return null;
  return {
    category: c.category, risk: c.risk, confidence: c.confidence, rationale: visible(c.rationale),
    evidence: stringList(c.evidence).map(visible), method: c.method, model: c.model,
    classifierVersion: c.classifierVersion, createdAt: c.createdAt, confirmedBy: c.confirmedBy ?? null,
  };
}

function rateLimitPolicy(tool: BundleTool) {
  const rules = (tool.classification?.policy as { tools?: Record<string, { limits?: unknown[] }> } | undefined)?.tools?.[tool.name];
  const limits = rules?.limits?.length ? rules.limits
    : [{ counter: `${tool.name}_rate`, ...RATE_BY_RISK[tool.classification?.risk ?? 'High'] ?? RATE_BY_RISK.High, scope: 'grant' }];
  return { version: '1', default: 'deny', tools: { [tool.name]: { limits } } };
}

/** The server policy's JSON when a tool page shows it inline; null when it is too large (the page links to it). */
export const inlineServerPolicyJson = (server: ServerModel): string | null =>
  server.policyJson.length <= MAX_INLINE_SERVER_POLICY ? server.policyJson : null;

export function toolModel(bundle: ServerBundle, server: ServerModel, index: number, extras: BundleExtras): ToolModel {
  const tool = bundle.tools[index];
  const { definition } = tool;
  const c = classification(tool);
  const definitionJson = safeJson(definition, 2);
  const same = Object.hasOwn(extras.sameName, tool.name) ? extras.sameName[tool.name] : undefined;
  const sameName = (same?.refs ?? []).filter((r) => r.server !== server.slug).slice(0, 8);
  const purpose = Object.hasOwn(extras.samePurpose, tool.name) ? extras.samePurpose[tool.name] : undefined;
  const samePurpose = (purpose?.refs ?? []).filter((r) => r.server !== server.slug && r.name !== tool.name).slice(0, 8)
    .map((r) => ({ server: r.server, tool: r.tool, name: visible(r.name) }));
  const siblings = server.tools.filter((_, i) => i !== index);
  const status = toolStatus(server.policy, tool.name);
  const findings = findingList(tool.classification?.findings);
  const model: ToolModel = {
    path: toolPath(server.slug, tool.slug), apiPath: toolApiPath(server.slug, tool.slug),
    slug: tool.slug, name: visible(tool.name), title: definition.title ? visible(String(definition.title)) : null,
    server: {
      slug: server.slug, name: server.name, displayName: server.displayName, path: server.path,
      package: server.runs.package, runtime: server.runs.runtime, grade: server.grade.letter,
    },
    description: longText(definition.description),
    metaDescription: summary(definition.description, 280) || `The MCP tool ${visible(tool.name)} of ${server.displayName}: its risk and the policy to put in front of it.`,
    classification: c,
    findings,
    alert: alertOf(findings),
    definition,
    definitionJson: definitionJson.length <= MAX_INLINE_JSON ? definitionJson : null,
    annotations: Object.entries(definition.annotations ?? {}).map(([k, v]) => [visible(k), safeJson(v)]),
    hash: tool.hash, firstSeenAt: tool.firstSeenAt, lastSeenAt: tool.lastSeenAt,
    policy: (tool.classification?.policy as ToolModel['policy']) ?? null,
    policyJson: null,
    policyWords: null,
    status, statusText: STATUS_TEXT[status],
    serverPolicyJson: inlineServerPolicyJson(server),
    clients: toolClientExports(server.policy, server.exports.configName, tool.name), serverTools: server.tools.length,
    rateLimitJson: policyText(rateLimitPolicy(tool)),
    siblings: siblings.slice(0, MAX_SIBLINGS), siblingsTotal: siblings.length,
    // `count` includes this server: the name is current here too.
    sameName, sameNameTotal: same ? same.count - 1 : 0,
    // Tools of the purpose under other names: the purpose's count less this name's (same.count, or 1 when no other server has it).
    purpose: purpose?.purpose ?? null, samePurpose, samePurposeTotal: purpose ? purpose.count - (same?.count ?? 1) : 0,
    history: bundle.versions[tool.id] ?? [],
    faq: [],
  };
  model.policyJson = model.policy ? policyText(model.policy) : null;
  if (model.policy) {
    const words = policyWords(model.policy, tool.name);
    model.policyWords = { text: visible(words.text), parts: words.parts.map((p) => (typeof p === 'string' ? p : { code: visible(p.code) })) };
  }
  model.faq = faqFor(model);
  return model;
}
