// One config entry's record in the report: judged from a listing or the catalogue, or the reason it was not.
import type { Launch } from '../../crawler/launch.ts';
import type { ToolDefinition } from '../../db/tool-definition.ts';
import type { CatalogueMatch } from './catalogue.ts';
import type { ScanServer } from './entries.ts';
import type { RunPlan } from './launch.ts';
import type { ServerReport } from './report.ts';
import { toolReports } from './report.ts';
import type { Listing } from './run.ts';
import { judgeListed, judgeStored, serverVerdict, type ScanFinding, type ToolVerdict } from './verdicts.ts';

/** What is known of one entry after the run (or the catalogue look-up). */
export interface EntryOutcome {
  server: ScanServer;
  plan: RunPlan;
  /** Run mode: the listing, undefined when the entry could not run. */
  listing?: Listing;
  /** --no-run: the catalogue's record, undefined when it has none. */
  match?: CatalogueMatch;
  noRun: boolean;
}

/** The tools an outcome judged, or why there are none. */
export function outcomeTools(o: EntryOutcome): { tools?: ToolDefinition[]; reason?: string } {
  if (o.plan.kind === 'none') return { reason: o.plan.reason };
  if (o.noRun) {
    if (!o.match) return { reason: 'not in the catalogue database (crawl it, or scan without --no-run)' };
    if (!o.match.listed) return { reason: `in the catalogue as ${o.match.name}, but no crawl has listed its tools` };
    return { tools: o.match.tools.map((t) => t.definition) };
  }
  const l = o.listing;
  if (!l) return { reason: 'not listed' };
  if (l.status === 'ok' || l.status === 'no_tools') return { tools: l.tools ?? [] };
  return { reason: `${l.status}: ${(l.error ?? 'listing failed').replace(/\s+/g, ' ').trim()}` };
}

function runs(server: ScanServer, plan: RunPlan): ServerReport['runs'] {
  const s = server.entry.server;
  const launch = s.launch as Launch;
  return {
    kind: plan.kind, runtime: s.runtime, transport: s.transport ?? null,
    package: s.packageIdentifier ?? null, version: s.packageVersion ?? (launch.kind === 'package' ? launch.version ?? null : null),
    command: plan.display,
  };
}

export function serverReport(o: EntryOutcome, drift: ScanFinding[]): ServerReport {
  const { server, plan } = o;
  const s = server.entry.server;
  const { tools, reason } = outcomeTools(o);
  const base = {
    id: server.id, key: server.key, name: s.name, description: s.description ?? null, client: server.client,
    file: server.file.shown, scope: server.scope ?? null, location: server.region ?? null, runs: runs(server, plan),
    listing: o.listing ? { status: o.listing.status, errorKind: o.listing.errorKind ?? null, error: o.listing.error ?? null, durationMs: o.listing.durationMs } : null,
    catalogue: o.match ? { name: o.match.name, slug: o.match.slug, matchedBy: o.match.matchedBy } : null,
    issues: server.entry.issues,
  };
  if (!tools) {
    return {
      ...base, source: null, status: server.config.disabled === true ? 'skipped' : 'not_judged', reason: reason ?? null,
      grade: null, highestRisk: null, byRisk: {}, byCategory: {}, tools: [], policy: null, exports: null, findings: [],
    };
  }
  const ctx = { name: s.title ?? s.name, description: s.description ?? undefined };
  const verdicts: ToolVerdict[] = o.match ? judgeStored(ctx, o.match.tools) : judgeListed(ctx, tools);
  const verdict = serverVerdict(server.key, s.name, verdicts, drift);
  return {
    ...base, source: o.match ? 'catalogue' : 'listed', status: 'judged', reason: null,
    grade: verdict.grade, highestRisk: verdict.highestRisk, byRisk: verdict.byRisk, byCategory: verdict.byCategory,
    tools: toolReports(verdict), policy: verdict.policy, exports: verdict.exports, findings: verdict.findings,
  };
}
