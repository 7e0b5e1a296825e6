// Findability by intent: queries of a verb and an object ("delete repository", "send email", "run
// sql"), run the way the browser runs them (site/assets/search-core.js over the shard files), and
// judged automatically over the whole catalogue. A tool is relevant to an intent when the classifier
// put it in the intent's category (what the verb does) and its name or description names the object
// (the intent's pattern, over the name split into words and the description's first 400 characters).
// No list of expected tools is written by hand: the judgement reads only the database.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { splitName } from '../classifier/tokens.ts';
import type { Category } from '../classifier/types.ts';
import type { Db } from '../db/client.ts';
import { latestClassification } from '../db/queries/site.ts';
import { servers, tools, toolVersions } from '../db/schema.ts';
import { createSearch } from '../site/assets/search-core.js';

export interface Intent { query: string; category: Category; object: RegExp }

export const INTENTS: Intent[] = [
  { query: 'delete repository', category: 'Destructive', object: /\brepo(s|sitor(y|ies))?\b/i },
  { query: 'delete file', category: 'Destructive', object: /\bfiles?\b/i },
  { query: 'drop table', category: 'Destructive', object: /\btables?\b/i },
  { query: 'remove user', category: 'Destructive', object: /\busers?\b/i },
  { query: 'send email', category: 'Execute', object: /\be-?mails?\b/i },
  { query: 'send message', category: 'Execute', object: /\bmessages?\b/i },
  { query: 'run sql', category: 'Execute', object: /\bsql\b/i },
  { query: 'execute command', category: 'Execute', object: /\bcommands?\b/i },
  { query: 'deploy application', category: 'Execute', object: /\bapp(lication)?s?\b/i },
  { query: 'create issue', category: 'Write', object: /\bissues?\b/i },
  { query: 'update record', category: 'Write', object: /\brecords?\b/i },
  { query: 'upload file', category: 'Write', object: /\bfiles?\b/i },
  { query: 'list files', category: 'Read', object: /\bfiles?\b/i },
  { query: 'search web', category: 'Read', object: /\bweb\b/i },
  { query: 'get weather', category: 'Read', object: /\bweather\b/i },
  { query: 'create refund', category: 'Financial', object: /\brefunds?\b/i },
  { query: 'create payment', category: 'Financial', object: /\bpayments?\b/i },
];

export interface IntentFigure {
  query: string;
  /** Relevant tools in the whole catalogue. */
  relevant: number;
  /** Relevant tools among the top 10. */
  hits: number;
  /** hits / min(10, relevant): 1 when the top 10 is as relevant as the catalogue allows. */
  precision: number;
  topRelevant: boolean;
  top: string[];
}

const textOf = (name: string, description: string | null) => `${splitName(name).join(' ')} ${description ?? ''}`;

/** Every current tool's id (as search results name it), judged against each intent: the relevant ids per intent. */
async function judge(db: Db, intents: Intent[]): Promise<Set<string>[]> {
  const relevant = intents.map(() => new Set<string>());
  const latest = latestClassification(db);
  let after = 0;
  for (;;) {
    const rows = await db.select({
      id: tools.id, server: servers.slug, slug: tools.slug, name: tools.name,
      description: sql<string | null>`substr(${toolVersions.definition}->>'description', 1, 400)`, category: latest.category,
    }).from(tools)
      .innerJoin(servers, eq(servers.id, tools.serverId))
      .innerJoin(toolVersions, eq(toolVersions.id, tools.currentVersionId))
      .leftJoinLateral(latest, sql`true`)
      .where(and(gt(tools.id, after), isNull(tools.removedAt)))
      .orderBy(asc(tools.id)).limit(20_000);
    if (!rows.length) break;
    for (const row of rows) {
      const text = textOf(row.name, row.description);
      for (const [i, intent] of intents.entries()) {
        if (row.category === intent.category && intent.object.test(text)) relevant[i].add(`t/${row.server}/${row.slug}`);
      }
    }
    after = rows[rows.length - 1].id;
  }
  return relevant;
}

export async function measureIntents(db: Db, outDir: string, intents: Intent[] = INTENTS): Promise<IntentFigure[]> {
  const relevant = await judge(db, intents);
  const figures: IntentFigure[] = [];
  for (const [i, intent] of intents.entries()) {
    // A fresh search per query: each starts with a cold shard cache, as a new page would.
    const { search } = createSearch(async (url: string) =>
      JSON.parse(await readFile(join(outDir, 'search/n', url.slice('/search/n/'.length)), 'utf8').catch(() => 'null')));
    const results = await search(`${intent.query} `, 10);
    const hits = results.filter((r) => relevant[i].has(r.id)).length;
    figures.push({
      query: intent.query, relevant: relevant[i].size, hits,
      precision: relevant[i].size ? hits / Math.min(10, relevant[i].size) : 1,
      topRelevant: results.length > 0 && relevant[i].has(results[0].id),
      top: results.slice(0, 3).map((r) => String(r.record[3])),
    });
  }
  return figures;
}
