// mcp-risk build: write the static site from the database.
import { isAbsolute, relative, resolve } from 'node:path';
import { measureAccuracy } from '../classifier/accuracy.ts';
import { buildSite, siteOrigin, SiteUrlError } from '../site/build.ts';
import type { Database } from '../db/client.ts';
import { getCatalogueCounts } from '../db/queries/site.ts';
import type { Config } from './config.ts';
import { type Io, withDb } from './io.ts';
import { optionValues, parseCommandArgs, nonEmpty } from './options.ts';
import { UsageError } from './usage-error.ts';

export const SITE_URL_HELP = `  --site-url URL  the site's public address (its root, e.g. https://mcp-risk.example/) for
                  canonical, Open Graph, sitemap and llms.txt URLs (default: $MCP_RISK_SITE_URL;
                  unset: pages carry no absolute URL and no sitemap is written)
`;

export const BUILD_HELP = `Usage: mcp-risk build [--out DIR] [--allow-empty] [--site-url URL]

Builds the static site (a page per server and per tool, an index of servers) from the database.
A catalogue without servers is an error (crawl first) unless --allow-empty is given.

Options:
  --out DIR       output folder, emptied first (default: dist)
  --allow-empty   build the site even when the catalogue holds no servers
${SITE_URL_HELP}  -h, --help      show this help
`;

/**
 * The site URL a command builds with: its --site-url, else MCP_RISK_SITE_URL; checked before any work
 * starts, as a usage error naming where the bad value came from.
 */
export function siteUrlOption(command: string, flag: string | undefined, io: Io): string | undefined {
  const value = flag ?? io.config.siteUrl;
  if (value === undefined) return undefined;
  try {
    return siteOrigin(value);
  } catch (error) {
    if (error instanceof SiteUrlError) throw new UsageError(`${command}: ${flag !== undefined ? '--site-url' : 'MCP_RISK_SITE_URL'}: ${error.message}`);
    throw error;
  }
}

export async function buildInto(database: Database, outDir: string, io: Io, options: { siteUrl?: string } = {}): Promise<void> {
  // the accuracy page is a real measurement of this build's classifier on the labelled sets, when present
  const accuracy = await measureAccuracy(io.config.evalDir);
  if (accuracy.missing.length) io.stderr.write(`mcp-risk build: the accuracy page lacks ${accuracy.missing.join(', ')} (set MCP_RISK_EVAL_DIR to the labelled sets)\n`);
  const result = await buildSite({ database, outDir: resolve(outDir), siteUrl: options.siteUrl, accuracy });
  io.stdout.write(`built ${result.pages} pages into ${result.outDir} in ${(result.durationMs / 1000).toFixed(1)}s\n`);
  if (!result.origin) io.stdout.write('no site URL: pages carry no canonical or Open Graph URL and no sitemap was written (set --site-url or MCP_RISK_SITE_URL)\n');
}

/** Where the catalogue lives, for messages (never the URL itself: it may hold a password). */
export function catalogueLocation(config: Config): string {
  if (config.databaseUrl) return 'the PostgreSQL database of DATABASE_URL';
  const near = relative(process.cwd(), config.pgliteDir);
  return `the database in ${near && !near.startsWith('..') && !isAbsolute(near) ? near : config.pgliteDir}`;
}

export async function runBuildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs('build', argv, { out: { type: 'string' }, 'allow-empty': { type: 'boolean' }, 'site-url': { type: 'string' } });
  if (values.help) { io.stdout.write(BUILD_HELP); return 0; }
  const outDir = optionValues('build', values)('out', nonEmpty, 'dist');
  const siteUrl = siteUrlOption('build', values['site-url'], io);
  await withDb(io.config, async (database) => {
    const counts = await getCatalogueCounts(database.db);
    if (!counts.servers && !values['allow-empty']) {
      throw new UsageError(`build: the catalogue is empty (${catalogueLocation(io.config)} holds no servers). Run mcp-risk run for the quick start, or mcp-risk crawl then mcp-risk classify-db; pass --allow-empty to build an empty site anyway`, 1);
    }
    if (counts.tools && !counts.classified) io.stderr.write(`mcp-risk build: none of the ${counts.tools} tools is classified yet; run mcp-risk classify-db for their risks and policies\n`);
    await buildInto(database, outDir, io, { siteUrl });
  });
  return 0;
}
