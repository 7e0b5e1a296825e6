// Reclassification touches only changed tool versions: load real tools from the corpus into PGlite,
// classify, change 1% of the definitions, classify again, then as a new classifier version (which stores
// only the verdicts that differ and marks the rest re-checked), and print what each pass did.
// Run: npx tsx bench/reclassify.ts [SERVERS]
import { readFileSync } from 'node:fs';
import { classifyDatabase } from '../classifier/classify-db.ts';
import { openDb } from '../db/client.ts';
import { upsertServer } from '../db/queries/servers.ts';
import { recordToolListing } from '../db/queries/tool-listing.ts';
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';

const limit = Number(process.argv[2] ?? 300);
const servers = new Map<string, ToolDefinition[]>();
for (const line of readFileSync(new URL('../../shared/corpus/tools-unlabeled.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as Record<string, unknown>;
  const list = servers.get(String(row.server)) ?? [];
  list.push(pickDefinition(row));
  servers.set(String(row.server), list);
}
const chosen = [...servers.entries()].slice(0, limit);
const database = await openDb({ dataDir: 'memory://' });
const ids: number[] = [];
let t = performance.now();
for (const [name, tools] of chosen) {
  const { id } = await upsertServer(database.db, { name, runtime: 'npm' });
  await recordToolListing(database.db, id, tools);
  ids.push(id);
}
const total = chosen.reduce((n, [, tools]) => n + tools.length, 0);
console.log(`loaded ${chosen.length} servers, ${total} tools in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const pass = async (label: string, classifierVersion?: string) => {
  t = performance.now();
  const r = await classifyDatabase(database.db, { classifierVersion });
  console.log(`${label}: ${r.classified} stored, ${r.confirmed} re-checked with the same verdict, ${r.unchanged} unchanged, ${r.servers} servers visited, ${((performance.now() - t) / 1000).toFixed(2)} s`);
};
await pass('first pass');
await pass('unchanged rerun');
let changed = 0;
for (const [k, [, tools]] of chosen.entries()) {
  const edited = tools.map((tool, i) => ((k * 31 + i) % 100 === 0 ? (changed++, { ...tool, description: `${tool.description ?? ''} (revised)` }) : tool));
  await recordToolListing(database.db, ids[k], edited);
}
console.log(`changed ${changed} definitions (${((changed / total) * 100).toFixed(1)}%)`);
await pass('after the change');
// a new classifier version re-runs every tool but writes a row only where its verdict differs
await pass('a new classifier version', 'bench-next');
await pass('the new version again', 'bench-next');
await database.close();
