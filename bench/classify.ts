// Throughput of the heuristic classifier: the unlabeled corpus repeated to 600,000 tools, classified
// server by server on one core. Run: npx tsx bench/classify.ts [TOTAL]
import { readFileSync } from 'node:fs';
import { classifyTools } from '../classifier/classify.ts';
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';

const TOTAL = Number(process.argv[2] ?? 600_000);
const file = new URL('../../shared/corpus/tools-unlabeled.jsonl', import.meta.url);
const servers = new Map<string, ToolDefinition[]>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as Record<string, unknown>;
  const key = String(row.server);
  const list = servers.get(key) ?? [];
  list.push(pickDefinition(row));
  servers.set(key, list);
}
const groups = [...servers.entries()];
const corpusSize = groups.reduce((n, [, tools]) => n + tools.length, 0);

// warm up the JIT on one pass of the corpus
for (const [name, tools] of groups) classifyTools({ name, tools });

let done = 0;
let checksum = 0;
const cpu0 = process.cpuUsage();
const start = process.hrtime.bigint();
outer: for (let round = 0; ; round++) {
  for (const [name, tools] of groups) {
    const results = classifyTools({ name: `${name}#${round}`, tools });
    for (const r of results) checksum += r.evidence.length;
    done += tools.length;
    if (done >= TOTAL) break outer;
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`corpus: ${corpusSize} tools in ${groups.length} servers, repeated to ${done} tools`);
console.log(`classified ${done} tools in ${seconds.toFixed(2)} s: ${Math.round(done / seconds).toLocaleString('en-US')} tools/s wall clock (checksum ${checksum})`);
console.log(`CPU time ${cpuSeconds.toFixed(2)} s (includes GC threads): ${Math.round(done / cpuSeconds).toLocaleString('en-US')} tools per CPU-second`);
