// What a crawl left in a database, in a form two databases can be compared by: servers, their attempts, tools,
// tool versions (content hashes) and classifications, keyed by names rather than ids.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export async function catalogueSnapshot(db: Db) {
  const rows = async (query: ReturnType<typeof sql>) => {
    const result = (await db.execute(query)) as unknown as { rows: unknown[] } | unknown[];
    return Array.isArray(result) ? result : result.rows;
  };
  return {
    servers: await rows(sql`select name from servers order by name`),
    attempts: await rows(sql`select s.name, a.status, a.tool_count from crawl_attempts a join servers s on s.id = a.server_id order by s.name`),
    tools: await rows(sql`select s.name as server, t.name from tools t join servers s on s.id = t.server_id order by 1, 2`),
    toolVersions: await rows(sql`select s.name as server, t.name, v.hash from tool_versions v join tools t on t.id = v.tool_id join servers s on s.id = t.server_id order by 1, 2, 3`),
    classifications: await rows(sql`select s.name as server, t.name, c.category, c.risk, c.method, c.rationale, c.findings from classifications c
      join tool_versions v on v.id = c.tool_version_id join tools t on t.id = v.tool_id join servers s on s.id = t.server_id order by 1, 2`),
  };
}
