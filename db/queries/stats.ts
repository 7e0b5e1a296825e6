// Catalogue counts for `mcp-risk stats`.
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

export interface Stats {
  servers: number;
  tools: number;
  toolVersions: number;
  classifications: { total: number; byCategory: Record<string, number>; byRisk: Record<string, number> };
  crawlAttempts: { total: number; byStatus: Record<string, number> };
  crawlRuns: number;
}

async function groupCounts(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const rows = (await db.execute(query)) as unknown as { rows?: { k: string; n: number }[] } | { k: string; n: number }[];
  const list = Array.isArray(rows) ? rows : rows.rows ?? [];
  return Object.fromEntries(list.map((r) => [r.k, Number(r.n)]));
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Classifications are counted for each tool's current version, newest classifier version first. */
export async function getStats(db: Db): Promise<Stats> {
  const totals = await groupCounts(db, sql`
    select 'servers' as k, count(*)::int as n from servers
    union all select 'tools', count(*)::int from tools where removed_at is null
    union all select 'toolVersions', count(*)::int from tool_versions
    union all select 'crawlRuns', count(*)::int from crawl_runs`);
  const current = sql`(select distinct on (c.tool_version_id) c.category, c.risk from classifications c
    join tools t on t.current_version_id = c.tool_version_id and t.removed_at is null
    order by c.tool_version_id, c.created_at desc) cur`;
  const byCategory = await groupCounts(db, sql`select category as k, count(*)::int as n from ${current} group by 1`);
  const byRisk = await groupCounts(db, sql`select risk as k, count(*)::int as n from ${current} group by 1`);
  const byStatus = await groupCounts(db, sql`select status as k, count(*)::int as n from crawl_attempts group by 1`);
  return {
    servers: totals.servers ?? 0,
    tools: totals.tools ?? 0,
    toolVersions: totals.toolVersions ?? 0,
    classifications: { total: sum(byCategory), byCategory, byRisk },
    crawlAttempts: { total: sum(byStatus), byStatus },
    crawlRuns: totals.crawlRuns ?? 0,
  };
}
