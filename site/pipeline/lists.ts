// The site's lists of tools, fed during the pass over the servers: one list per risk level, per
// category and per finding kind, each paginated as rows arrive (server slug, then tool slug order).
import { CATEGORIES, FINDING_KINDS, RISKS } from '../../classifier/types.ts';
import type { FindingRow, HubModel, Tab, ToolRef } from '../src/lib/model-types.ts';
import type { PageJob } from '../src/render/views.ts';
import { Paginator } from './paginate.ts';

type Emit = (job: PageJob, sitemapPath?: string) => void;

export const riskSlug = (risk: string) => risk.toLowerCase();
export const categorySlug = (category: string) => category.toLowerCase();
export const findingSlug = (kind: string) => kind.replaceAll('_', '-');
const words = (kind: string) => kind.replaceAll('_', ' ');

const RISK_TEXT: Record<string, string> = {
  Low: 'misuse does little harm', Medium: 'misuse can read or change more than it should',
  High: 'misuse can do real damage', Critical: 'misuse can be irreversible or cost money',
};

export interface ToolCounts { byRisk: Record<string, number>; byCategory: Record<string, number> }

export class ToolLists {
  readonly #risk = new Map<string, Paginator<ToolRef>>();
  readonly #category = new Map<string, Paginator<ToolRef>>();
  readonly #findings = new Map<string, Paginator<FindingRow>>();
  readonly #findingCounts = new Map<string, number>();

  constructor(counts: ToolCounts, emit: Emit) {
    const riskTabs = (current: string): Tab[] => [...RISKS].reverse().map((r) => ({ label: r, href: `/risk/${riskSlug(r)}/`, current: r === current }));
    const categoryTabs = (current: string): Tab[] => CATEGORIES.map((c) => ({ label: c, href: `/categories/${categorySlug(c)}/`, current: c === current }));
    const findingTabs = (current: string): Tab[] => FINDING_KINDS.map((k) => ({ label: words(k), href: `/findings/${findingSlug(k)}/`, current: k === current }));
    for (const risk of RISKS) {
      this.#risk.set(risk, new Paginator({
        base: `/risk/${riskSlug(risk)}/`, kind: 'tools', total: counts.byRisk[risk] ?? 0, tabs: riskTabs(risk),
        title: `${risk}-risk MCP tools`, heading: `${risk}-risk tools`,
        intro: `Tools whose worst plausible misuse is rated ${risk}: ${RISK_TEXT[risk]}. In server, then tool order.`,
        description: `Every MCP tool rated ${risk} risk, with its category and the server that provides it.`,
      }, emit));
    }
    for (const category of CATEGORIES) {
      this.#category.set(category, new Paginator({
        base: `/categories/${categorySlug(category)}/`, kind: 'tools', total: counts.byCategory[category] ?? 0, tabs: categoryTabs(category),
        title: `${category} MCP tools`, heading: `${category} tools`,
        intro: `Tools classified as ${category}, with their risk. In server, then tool order.`,
        description: `Every MCP tool in the ${category} category, with its risk and the server that provides it.`,
      }, emit));
    }
    for (const kind of FINDING_KINDS) {
      this.#findings.set(kind, new Paginator({
        base: `/findings/${findingSlug(kind)}/`, kind: 'findings', tabs: findingTabs(kind),
        title: `MCP tools with ${words(kind)}`, heading: `Findings: ${words(kind)}`,
        intro: `Tools whose definitions show ${words(kind)}. A finding can raise a tool's risk, never lower it.`,
        description: `MCP tool definitions with ${words(kind)} findings.`,
      }, emit));
    }
  }

  add(tool: ToolRef, findings: FindingRow[]): void {
    if (tool.risk) this.#risk.get(tool.risk)?.push(tool);
    if (tool.category) this.#category.get(tool.category)?.push(tool);
    for (const f of findings) {
      const list = this.#findings.get(f.kind);
      if (!list) continue;
      list.push(f);
      this.#findingCounts.set(f.kind, (this.#findingCounts.get(f.kind) ?? 0) + 1);
    }
  }

  /** Writes the last page of every list; returns the hubs that link them. */
  finish(counts: ToolCounts): HubModel[] {
    for (const list of [...this.#risk.values(), ...this.#category.values(), ...this.#findings.values()]) list.finish();
    return [
      {
        path: '/risk/', title: 'MCP tools by risk', intro: 'The worst plausible outcome of misuse by a runaway or manipulated agent.',
        items: [...RISKS].reverse().map((r) => ({ label: r, href: `/risk/${riskSlug(r)}/`, count: counts.byRisk[r] ?? 0, badge: { kind: 'risk' as const, value: r }, note: RISK_TEXT[r] })),
      },
      {
        path: '/categories/', title: 'MCP tools by category', intro: 'What a tool does to the world; when several apply, the first in this order wins.',
        items: CATEGORIES.map((c) => ({ label: c, href: `/categories/${categorySlug(c)}/`, count: counts.byCategory[c] ?? 0, badge: { kind: 'category' as const, value: c } })),
      },
      {
        path: '/findings/', title: 'Findings in MCP tool definitions', intro: 'Hidden instructions, invisible characters, shadowing, secrets, annotation conflicts and definition drift.',
        items: FINDING_KINDS.map((k) => ({ label: words(k), href: `/findings/${findingSlug(k)}/`, count: this.#findingCounts.get(k) ?? 0 })),
      },
    ];
  }
}
