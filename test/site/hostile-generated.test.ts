// Property, through the site: generated hostile listings (test/helpers/hostile-arbitraries.ts), stored through the
// crawler's boundary, classified and built, give every tool a page that parses as HTML without an error and whose
// JSON-LD parses, and a JSON API record that parses and holds the stored definition.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDatabase } from '../../classifier/classify-db.ts';
import { collectTools, type ToolIssue } from '../../crawler/parse-tools.ts';
import { openDb, type Database } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { recordToolListing } from '../../db/queries/tool-listing.ts';
import { servers, tools, toolVersions } from '../../db/schema.ts';
import { canonicalJson, type ToolDefinition } from '../../db/tool-definition.ts';
import { buildSite } from '../../site/build.ts';
import { listingArbitrary } from '../helpers/hostile-arbitraries.ts';

type Node = DefaultTreeAdapterMap['node'];
const LISTINGS = 12;

/** Text of every <script type="application/ld+json"> in a parsed document. */
function jsonLd(node: Node, out: string[] = []): string[] {
  if ('tagName' in node && node.tagName === 'script' && node.attrs.some((a) => a.name === 'type' && a.value === 'application/ld+json')) {
    out.push(node.childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
  }
  if ('childNodes' in node) for (const child of node.childNodes) jsonLd(child, out);
  return out;
}

describe('generated hostile listings on the site', () => {
  let database: Database;
  let outDir: string;
  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    outDir = await mkdtemp(join(tmpdir(), 'mcp-risk-hostile-site-'));
    const listings = fc.sample(listingArbitrary, { numRuns: LISTINGS, seed: Number(process.env.FC_SEED ?? 20261208) });
    for (const [i, wire] of listings.entries()) {
      const parsed = new Map<string, ToolDefinition>();
      const issues: ToolIssue[] = [];
      collectTools(wire, parsed, issues);
      const { id } = await upsertServer(database.db, { name: `io.example/hostile-${i}`, runtime: 'npm', description: 'generated \u202E listing' });
      await recordToolListing(database.db, id, [...parsed.values()]);
    }
    await classifyDatabase(database.db);
    await buildSite({ database, outDir, workers: 1 });
  }, 600_000);
  afterAll(async () => {
    await database?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('gives every stored tool a page that parses and a JSON record that parses and holds its definition', async () => {
    const rows = await database.db.select({ server: servers.slug, slug: tools.slug, name: tools.name, definition: toolVersions.definition })
      .from(tools).innerJoin(servers, eq(servers.id, tools.serverId)).innerJoin(toolVersions, eq(toolVersions.id, tools.currentVersionId));
    expect(rows.length).toBeGreaterThan(LISTINGS);
    for (const row of rows) {
      const html = await readFile(join(outDir, 'tools', row.server, row.slug, 'index.html'), 'utf8');
      const errors: string[] = [];
      const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startOffset}: ${html.slice(e.startOffset - 20, e.startOffset + 20)}`) });
      expect(errors, row.name).toEqual([]);
      for (const block of jsonLd(doc)) expect(() => JSON.parse(block), row.name).not.toThrow();
      const record = JSON.parse(await readFile(join(outDir, 'api/tools', row.server, `${row.slug}.json`), 'utf8')) as { name: string; definition: unknown };
      expect(record.name).toBe(row.name);
      expect(canonicalJson(record.definition)).toBe(canonicalJson(row.definition));
    }
  }, 120_000);
});
