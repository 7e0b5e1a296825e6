// Crawler throughput on this machine: registry paging over the whole real dump replayed locally,
// live sandboxed listing of installed stdio servers at several concurrencies, and peak memory.
// Run: npx tsx bench/crawl.ts [--listings N]
import { join } from 'node:path';
import PQueue from 'p-queue';
import { listTools } from '../crawler/list-tools.ts';
import { registrySource } from '../crawler/sources/registry.ts';
import { loadDump, startRegistryReplay } from '../test/helpers/registry-replay.ts';

const listings = Number(process.argv[process.argv.indexOf('--listings') + 1]) || 24;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function registryPaging(): Promise<void> {
  const replay = await startRegistryReplay();
  try {
    for (const latestOnly of [false, true]) {
      const t0 = performance.now();
      let records = 0, pages = 0;
      for await (const page of registrySource({ baseUrl: replay.url, pageSize: 100, latestOnly }).pages()) {
        records += page.entries.length + page.rejected.length;
        pages++;
      }
      const s = (performance.now() - t0) / 1000;
      console.log(`registry paging (${latestOnly ? 'version=latest' : 'all versions'}): ${records} records in ${pages} pages, ${s.toFixed(2)} s: ${Math.round(records / s)} records/s, ${(pages / s).toFixed(1)} pages/s`);
    }
    console.log(`  (dump: ${loadDump().length} records)`);
  } finally {
    await replay.close();
  }
}

const modules = join(process.cwd(), 'node_modules/@modelcontextprotocol');
const servers = [
  { name: 'memory', args: [join(modules, 'server-memory/dist/index.js')], env: { MEMORY_FILE_PATH: 'memory.jsonl' } },
  { name: 'everything', args: [join(modules, 'server-everything/dist/index.js'), 'stdio'] },
  { name: 'filesystem', args: [join(modules, 'server-filesystem/dist/index.js'), '.'] },
  { name: 'sequential-thinking', args: [join(modules, 'server-sequential-thinking/dist/index.js')] },
];

async function liveListing(concurrency: number): Promise<void> {
  const queue = new PQueue({ concurrency });
  let ok = 0, tools = 0;
  const t0 = performance.now();
  for (let i = 0; i < listings; i++) {
    const server = servers[i % servers.length];
    queue.add(async () => {
      const result = await listTools({ command: process.execPath, args: server.args, env: server.env, timeoutMs: 60_000 });
      ok++;
      tools += result.tools.length;
    });
  }
  await queue.onIdle();
  const s = (performance.now() - t0) / 1000;
  console.log(`live listing, concurrency ${concurrency}: ${ok}/${listings} servers, ${tools} tools in ${s.toFixed(2)} s: ${(ok / s).toFixed(2)} servers/s`);
}

console.log(`mcp-risk crawl bench on ${process.platform} ${process.arch}, node ${process.version}`);
await registryPaging();
for (const c of [1, 2, 4]) await liveListing(c);
console.log(`peak RSS of the crawler process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
