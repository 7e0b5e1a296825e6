// The server lists in three static orders (/servers/by-name|by-tools|by-risk/<n>/, /servers/ is the
// first page by name) and the home page's newest and riskiest servers. One small row per server is
// kept in memory during the pass (50,000 servers: a few tens of MB), then sorted three ways.
import type { HomeModel, ServerRef, Tab } from '../src/lib/model-types.ts';
import type { PageJob } from '../src/render/views.ts';
import { Paginator } from './paginate.ts';

type Emit = (job: PageJob, sitemapPath?: string) => void;

const ORDERS = {
  'by-name': { label: 'Name', compare: (a: ServerRef, b: ServerRef) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0) },
  'by-tools': { label: 'Number of tools', compare: (a: ServerRef, b: ServerRef) => b.toolCount - a.toolCount || ORDERS['by-name'].compare(a, b) },
  'by-risk': { label: 'Highest risk', compare: (a: ServerRef, b: ServerRef) => riskiness(b, a) || ORDERS['by-name'].compare(a, b) },
} as const;

/** Highest risk first, then more Critical, more High, more Medium tools, then more tools. */
function riskiness(a: ServerRef, b: ServerRef): number {
  for (let r = 3; r >= 0; r--) {
    const d = a.riskCounts[r] - b.riskCounts[r];
    if (d) return d;
  }
  return a.toolCount - b.toolCount;
}

export class ServerLists {
  readonly #rows: ServerRef[] = [];

  add(row: ServerRef): void {
    this.#rows.push(row);
  }

  get size(): number {
    return this.#rows.length;
  }

  /** Emits every page of the three orders. */
  finish(emit: Emit): void {
    for (const [key, order] of Object.entries(ORDERS)) {
      const tabs: Tab[] = Object.entries(ORDERS).map(([k, o]) => ({ label: o.label, href: `/servers/${k}/1/`, current: k === key }));
      const list = new Paginator<ServerRef>({
        base: `/servers/${key}/`, pathOf: (n) => `/servers/${key}/${n}/`, kind: 'servers', total: this.#rows.length, tabs,
        aliases: key === 'by-name' ? ['/servers/'] : [],
        title: `MCP servers by ${order.label.toLowerCase()}`, heading: 'MCP servers',
        intro: `${this.#rows.length.toLocaleString('en-US')} servers, ordered by ${order.label.toLowerCase()}. The grade sums up a server's riskiest tools and findings.`,
        description: `Every MCP server in the catalogue by ${order.label.toLowerCase()}, with its grade, highest risk and number of tools.`,
      }, emit);
      const sorted = key === 'by-name' ? this.#rows : [...this.#rows].sort(order.compare);
      for (const row of sorted) list.push(row);
      list.finish();
    }
  }

  /** The home page's lists. */
  home(counts: HomeModel['counts'], size = 10): HomeModel {
    const newest = [...this.#rows].sort((a, b) => b.firstSeenAt.getTime() - a.firstSeenAt.getTime() || ORDERS['by-name'].compare(a, b)).slice(0, size);
    const riskiest = [...this.#rows].filter((r) => r.highestRisk).sort(ORDERS['by-risk'].compare).slice(0, size);
    return { counts, newest, riskiest };
  }
}
