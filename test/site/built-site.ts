// A built test site for the Chromium suites: the small catalogue (with its hostile server) in
// PGlite, built with buildSite(), served over HTTP, and a headless Chromium that records dialogs,
// page errors and every response it received.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDb, type Database } from '../../db/client.ts';
import { buildSite, type BuildSiteResult } from '../../site/build.ts';
import { serveStatic, type RunningServer } from '../../site/static-server.ts';
import { populateCatalogue } from './catalogue.ts';
import { populateHostile } from './hostile-catalogue.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BuiltSite {
  database: Database;
  outDir: string;
  built: BuildSiteResult;
  server: RunningServer;
  browser: Browser;
  /** alert/confirm/prompt messages and uncaught page errors, across all pages. */
  dialogs: string[];
  errors: string[];
  open(path: string, options?: { clipboard?: boolean; width?: number; status?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function buildTestSite(options: { hostile?: boolean } = {}): Promise<BuiltSite> {
  const database = await openDb({ dataDir: 'memory://' });
  await populateCatalogue(database.db);
  if (options.hostile !== false) await populateHostile(database.db);
  const outDir = await mkdtemp(join(tmpdir(), 'mcp-risk-site-'));
  const built = await buildSite({ database, outDir, siteUrl: 'https://mcp-risk.example/' });
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const dialogs: string[] = [];
  const errors: string[] = [];
  return {
    database, outDir, built, server, browser, dialogs, errors,
    async open(path, { clipboard = false, width = 1100, status = 200 } = {}) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      const page = await context.newPage();
      page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
      page.on('pageerror', (error) => { errors.push(error.message); });
      const response = await page.goto(new URL(path, server.url).href);
      if (response?.status() !== status) throw new Error(`GET ${path} answered ${response?.status()}, expected ${status}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await database.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
