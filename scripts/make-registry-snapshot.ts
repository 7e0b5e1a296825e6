// Builds crawler/snapshot/registry-latest.json, the offline fallback of the registry source, from the
// real registry dump in ../shared/fixtures/registry (Registry Data is CC0). Run: npx tsx scripts/make-registry-snapshot.ts
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? '../shared/fixtures/registry/mcp-insights-servers.2025-12-18.json';
const output = process.argv[3] ?? 'crawler/snapshot/registry-latest.json';
const OFFICIAL = 'io.modelcontextprotocol.registry/official';

type Item = { server: Record<string, unknown>; _meta: Record<string, Record<string, unknown>> };
const items = JSON.parse(readFileSync(input, 'utf8').replace(/^\uFEFF/, '')) as Item[];
const latest = items
  .filter((item) => item._meta?.[OFFICIAL]?.isLatest === true)
  .map(({ server, _meta }) => {
    const { icons: _icons, ...rest } = server;
    return { server: rest, _meta };
  })
  .sort((a, b) => String(a.server.name).localeCompare(String(b.server.name), 'en'));
writeFileSync(output, `${JSON.stringify({ source: input.split('/').pop(), license: 'CC0-1.0 (MCP Registry Data)', count: latest.length, servers: latest })}\n`);
console.log(`${latest.length} latest records of ${items.length} written to ${output}`);
