// The data each page shows. Pages render these and the JSON API writes them, so the two agree.
// Crawled strings in here are still raw text: Astro escapes them in pages, safeJson in files.
import type { AccuracyRecord } from '../../../classifier/accuracy.ts';
import type { Policy } from '../../../classifier/types.ts';
import type { LastAttempt } from '../../../db/queries/site-globals.ts';
import type { ListingWords } from './attempt-words.ts';
import type { VersionRow } from '../../../db/queries/site-stream.ts';
import type { ToolDefinition } from '../../../db/tool-definition.ts';
import type { ClientExports, ToolClientExports } from '../../../classifier/exports.ts';
import type { DisplayFinding } from './format.ts';
import type { Grade } from './grade.ts';
import type { ToolStatus } from './policy.ts';
import type { HowItRuns, SourceLink } from './server-facts.ts';
import type { PolicyWords } from '../../../classifier/policy-words.ts';
import type { LongText } from './text.ts';

/** Build-wide facts every page needs: the public origin and the hashed asset URLs. */
export interface SiteInfo {
  /** Absolute, with a trailing slash, e.g. https://mcp-risk.example/; null when the build has no site URL (no absolute URL is written). */
  origin: string | null;
  css: string;
  js: string;
}

/** A tool in a list: enough for a row with badges and a link. */
export interface ToolRef {
  server: string;
  tool: string;
  name: string;
  serverName: string;
  category: string | null;
  risk: string | null;
  summary: string;
  status?: ToolStatus;
}

/** A server in a list. */
export interface ServerRef {
  slug: string;
  name: string;
  displayName: string;
  summary: string;
  runtime: string;
  toolCount: number;
  highestRisk: string | null;
  /** Tools by risk, Low..Critical. */
  riskCounts: [number, number, number, number];
  grade: string | null;
  firstSeenAt: Date;
}

export interface FindingRow extends DisplayFinding { server: string; tool: string; toolName: string; serverName: string }

export interface ServerModel {
  path: string;
  apiPath: string;
  slug: string;
  name: string;
  title: string | null;
  displayName: string;
  status: string;
  version: string | null;
  description: LongText;
  metaDescription: string;
  repository: { text: string; href?: string } | null;
  website: { text: string; href?: string } | null;
  sources: SourceLink[];
  runs: HowItRuns;
  grade: Grade;
  highestRisk: string | null;
  byRisk: Record<string, number>;
  byCategory: Record<string, number>;
  tools: ToolRef[];
  policy: Policy;
  policyJson: string;
  exports: ClientExports;
  findings: FindingRow[];
  history: {
    firstSeenAt: Date;
    lastSeenAt: Date;
    lastListedAt: Date | null;
    changes: { name: string; slug: string; versions: number; changedAt: Date }[];
    lastAttempt: LastAttempt | null;
  };
  /** The last attempt in words (null when there is none). */
  listing: ListingWords | null;
}

export interface Classification {
  category: string;
  risk: string;
  confidence: number;
  rationale: string;
  evidence: string[];
  method: string;
  model: string | null;
  classifierVersion: string;
  /** A newer classifier version that re-checked the verdict and reached the same one. */
  confirmedBy?: string | null;
  createdAt: Date;
}

/** A question and plain-text answer; `snippet` names the copyable block the page shows beside it. */
export interface FaqItem { question: string; answer: string; snippet?: 'block' | 'rate-limit' | 'server' }

export interface ToolModel {
  path: string;
  apiPath: string;
  slug: string;
  name: string;
  title: string | null;
  server: { slug: string; name: string; displayName: string; path: string; package?: string; runtime: string; grade: string | null };
  description: LongText;
  metaDescription: string;
  classification: Classification | null;
  findings: DisplayFinding[];
  /** The first poisoning finding of severity medium or more, shown at the top of the page. */
  alert: { title: string; message: string; severity: string } | null;
  definition: ToolDefinition;
  /** Pretty, escaped JSON of the definition; null when too large to inline (it is in the JSON file). */
  definitionJson: string | null;
  annotations: [string, string][];
  hash: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  policy: Policy | null;
  policyJson: string | null;
  /** What the policy does, in one sentence written from it (code parts made visible). */
  policyWords: PolicyWords | null;
  status: ToolStatus;
  statusText: string;
  /** The server policy, inline when small; else null (it is on the server page). */
  serverPolicyJson: string | null;
  /** This tool's Claude Code rule and Codex setting under the server policy (the server page has all of them). */
  clients: ToolClientExports;
  /** How many tools the server's client settings cover. */
  serverTools: number;
  rateLimitJson: string;
  siblings: ToolRef[];
  siblingsTotal: number;
  sameName: { server: string; tool: string }[];
  sameNameTotal: number;
  /** The purpose read from the name (`send mail`), when other names share it. */
  purpose: string | null;
  /** Tools of the same purpose under other names on other servers (at most 8). */
  samePurpose: { server: string; tool: string; name: string }[];
  samePurposeTotal: number;
  history: VersionRow[];
  faq: FaqItem[];
}

/** A link among sibling lists (the orderings of the server list, the levels of risk). */
export interface Tab { label: string; href: string; current: boolean }

/** One page of a paginated list. */
export type ListModel = {
  path: string;
  title: string;
  heading: string;
  intro: string;
  description: string;
  tabs: Tab[];
  page: number;
  pages?: number;
  prev?: string;
  next?: string;
} & ({ kind: 'tools'; rows: ToolRef[] } | { kind: 'servers'; rows: ServerRef[] } | { kind: 'findings'; rows: FindingRow[] });

/** A hub page: a heading and links with counts (the risk levels, the categories, the finding kinds). */
/** The /accuracy/ page: the measurement made at build time, and which classifier versions rated the catalogue. */
export interface AccuracyModel {
  record: AccuracyRecord | null;
  versions: { version: string; count: number }[];
}

export interface HubModel {
  path: string;
  title: string;
  intro: string;
  items: { label: string; href: string; count: number; badge?: { kind: 'risk' | 'category'; value: string }; note?: string }[];
}

export interface HomeModel {
  counts: { servers: number; tools: number; classified: number; byCategory: Record<string, number>; byRisk: Record<string, number> };
  newest: ServerRef[];
  riskiest: ServerRef[];
}

/**
 * Parts of a tool page that are the same for every tool of its server, rendered once per server by
 * Astro (so already escaped): the whole-server policy block (null when the page links to it instead)
 * and the rows of the sibling table.
 */
export interface ToolShared { serverPolicyHtml: string | null; siblingRowsHtml: string }
