// A synthetic catalogue for the site benchmark, drawn from the real shapes in the shared corpus
// (tools-unlabeled.jsonl: tool names, descriptions and input schemas of ~1,100 real servers). Each
// synthetic server copies one real server's tool list, so names recur across servers as they do in
// the wild; server names, descriptions, packages and dates vary. Deterministic for a given seed.
import { readFileSync } from 'node:fs';
import { slugify } from '../db/slug.ts';
import { definitionHash, pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';

export const CORPUS = new URL('../../shared/corpus/tools-unlabeled.jsonl', import.meta.url);

export interface SynthVersion { id: number; hash: string; definition: ToolDefinition; firstSeenAt: Date; lastSeenAt: Date }
export interface SynthTool { id: number; name: string; slug: string; versions: SynthVersion[] }
export interface SynthServer {
  id: number; name: string; slug: string; title: string; description: string; runtime: string; transport: string;
  packageIdentifier: string | null; packageVersion: string | null; repositoryUrl: string; launch: unknown;
  firstSeenAt: Date; lastSeenAt: Date; tools: SynthTool[];
}

interface Group { server: string; tools: ToolDefinition[] }

/** The corpus as server groups of tool definitions (duplicate names within a server dropped). */
export function loadCorpus(file: URL = CORPUS): Group[] {
  const groups = new Map<string, Map<string, ToolDefinition>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    const tools = groups.get(String(row.server)) ?? new Map<string, ToolDefinition>();
    if (typeof row.name === 'string' && !tools.has(row.name)) tools.set(row.name, pickDefinition(row));
    groups.set(String(row.server), tools);
  }
  return [...groups].map(([server, tools]) => ({ server, tools: [...tools.values()] })).filter((g) => g.tools.length);
}

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RUNTIMES = ['npm', 'npm', 'npm', 'pypi', 'pypi', 'oci', 'remote'];
const DAY = 86_400_000;

/**
 * Servers 1..count in id order, generated `chunk` at a time; ids of tools and versions are consecutive.
 * Each server copies one of two candidate corpus servers, the one that keeps the running total nearer
 * `toolsPerServer` per server (default 12: 50,000 servers make about 600,000 tools).
 */
export function* synthesize(count: number, options: { seed?: number; chunk?: number; now?: Date; toolsPerServer?: number } = {}): Generator<SynthServer[]> {
  const { seed = 42, chunk = 500, now = new Date('2026-06-01T00:00:00Z'), toolsPerServer = 12 } = options;
  const groups = loadCorpus();
  const words = [...new Set(groups.flatMap((g) => g.tools.flatMap((t) => (t.description ?? '').toLowerCase().match(/[a-z]{4,10}/g) ?? [])))];
  const rand = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  let toolId = 0;
  let versionId = 0;
  let batch: SynthServer[] = [];
  for (let id = 1; id <= count; id++) {
    const [a, b] = [groups[(id * 7919) % groups.length], groups[(id * 104_729 + 13) % groups.length]];
    const miss = (g: Group) => Math.abs(toolId + g.tools.length - toolsPerServer * id);
    const group = miss(a) <= miss(b) ? a : b;
    const base = `${pick(words)}-${pick(words)}`;
    const name = `io.github.${base}/${slugify(group.server, 30)}-${id}`;
    const runtime = pick(RUNTIMES);
    const firstSeenAt = new Date(now.getTime() - Math.floor(rand() * 365) * DAY);
    const pkg = runtime === 'remote' ? null : runtime === 'npm' ? `@${base}/${slugify(group.server, 30)}-mcp-${id}` : `${base}-mcp-${id}`;
    const tools: SynthTool[] = group.tools.map((definition) => {
      const firstSeen = new Date(firstSeenAt.getTime() + Math.floor(rand() * 30) * DAY);
      const current: SynthVersion = { id: 0, hash: definitionHash(definition), definition, firstSeenAt: firstSeen, lastSeenAt: now };
      const versions = [current];
      if (rand() < 0.02) {
        const old = { ...definition, description: `${definition.description ?? ''} (earlier wording)` };
        versions.unshift({ id: 0, hash: definitionHash(old), definition: old, firstSeenAt: firstSeen, lastSeenAt: new Date(firstSeen.getTime() + 7 * DAY) });
        current.firstSeenAt = new Date(firstSeen.getTime() + 7 * DAY);
      }
      for (const v of versions) v.id = ++versionId;
      return { id: ++toolId, name: definition.name, slug: '', versions };
    });
    const slugs = new Set<string>();
    for (const tool of tools) {
      let slug = slugify(tool.name);
      if (slugs.has(slug)) slug = `${slug}-${tool.id}`;
      slugs.add(slug);
      tool.slug = slug;
    }
    const description = group.tools.slice(0, 3).map((t) => (t.description ?? '').split('\n')[0].slice(0, 160)).join(' ');
    batch.push({
      id, name, slug: slugify(name), title: `${base.replace(/^\w/, (c) => c.toUpperCase())} ${group.server}`,
      description: `${group.server} for ${pick(words)} and ${pick(words)}. ${description}`,
      runtime, transport: runtime === 'remote' ? 'streamable-http' : 'stdio', packageIdentifier: pkg, packageVersion: pkg ? `1.${id % 17}.${id % 5}` : null,
      repositoryUrl: `https://github.com/${base}/${slugify(group.server, 30)}`,
      launch: runtime === 'remote' ? { kind: 'remote', transport: 'streamable-http', url: `https://${base}.example.com/mcp`, headers: [] }
        : { kind: 'package', registryType: runtime, identifier: pkg, version: `1.${id % 17}.${id % 5}`, args: [], env: {} },
      firstSeenAt, lastSeenAt: now, tools,
    });
    if (batch.length === chunk) { yield batch; batch = []; }
  }
  if (batch.length) yield batch;
}
