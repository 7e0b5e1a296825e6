// Findability at scale: a sample of servers and tools looked up in the built search index the way
// the browser does (site/assets/search-core.js over the shard files), by a server's registry name,
// by its package identifier, and by a tool's name with its server's name. Counts how many land in
// the top 10 results.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { servers, tools } from '../db/schema.ts';
import { createSearch } from '../site/assets/search-core.js';

export interface RecallFigure { kind: string; found: number; asked: number; misses: string[] }

interface Probe { kind: string; query: string; id: string }

/** Every `step`-th server (by id), its package identifier and its first tool. */
async function probes(db: Db, samples: number): Promise<Probe[]> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(servers);
  const step = Math.max(1, Math.floor(Number(n) / samples));
  const rows = await db.select({ id: servers.id, slug: servers.slug, name: servers.name, pkg: servers.packageIdentifier })
    .from(servers).where(sql`${servers.id} % ${step} = 0`).orderBy(asc(servers.id)).limit(samples);
  // Each sampled server's first current tool, in one query.
  const firstTools = rows.length ? await db.selectDistinctOn([tools.serverId], { serverId: tools.serverId, slug: tools.slug, name: tools.name }).from(tools)
    .where(and(inArray(tools.serverId, rows.map((r) => r.id)), isNull(tools.removedAt))).orderBy(tools.serverId, asc(tools.slug)) : [];
  const firstTool = new Map(firstTools.map((t) => [t.serverId, t]));
  const out: Probe[] = [];
  for (const row of rows) {
    out.push({ kind: 'server by name', query: row.name, id: `s/${row.slug}` });
    if (row.pkg) out.push({ kind: 'server by package', query: row.pkg, id: `s/${row.slug}` });
    const tool = firstTool.get(row.id);
    const last = row.name.slice(row.name.lastIndexOf('/') + 1);
    if (tool) out.push({ kind: 'tool by name and server', query: `${tool.name} ${last}`, id: `t/${row.slug}/${tool.slug}` });
  }
  return out;
}

export async function measureRecall(db: Db, outDir: string, options: { samples?: number; top?: number } = {}): Promise<RecallFigure[]> {
  const { samples = 200, top = 10 } = options;
  const { search } = createSearch(async (url: string) =>
    JSON.parse(await readFile(join(outDir, 'search/n', url.slice('/search/n/'.length)), 'utf8').catch(() => 'null')));
  const figures = new Map<string, RecallFigure>();
  for (const probe of await probes(db, samples)) {
    const figure = figures.get(probe.kind) ?? { kind: probe.kind, found: 0, asked: 0, misses: [] };
    figures.set(probe.kind, figure);
    figure.asked++;
    if ((await search(probe.query, top)).some((r) => r.id === probe.id)) figure.found++;
    else if (figure.misses.length < 3) figure.misses.push(probe.query);
  }
  return [...figures.values()];
}
