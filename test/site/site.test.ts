// The site end to end: a small catalogue written through the crawler's and classifier's queries,
// built with buildSite(), served over HTTP and read in headless Chromium.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Database } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { recordToolListing } from '../../db/queries/tool-listing.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { getToolPage } from '../../db/queries/site.ts';
import { buildSite, type BuildSiteResult } from '../../site/build.ts';
import { serveStatic, type RunningServer } from '../../site/static-server.ts';
import { CATALOGUE, HOSTILE_DESCRIPTION, populateCatalogue } from './catalogue.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const fixturePolicy = (name: string) => CATALOGUE.flatMap((s) => s.tools).find((t) => t.definition.name === name)!.classification!.policy;

describe('site', () => {
  let database: Database;
  let outDir: string;
  let built: BuildSiteResult;
  let server: RunningServer;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    await populateCatalogue(database.db);
    outDir = await mkdtemp(join(tmpdir(), 'mcp-risk-site-'));
    const first = buildSite({ database, outDir });
    // The pages share one database handle per process, so builds cannot overlap.
    await expect(buildSite({ database, outDir: `${outDir}-2` })).rejects.toThrow(/already running/);
    built = await first;
    server = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function open(path: string, options: { clipboard?: boolean; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: 900 } });
    if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    const response = await page.goto(new URL(path, server.url).href);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it('builds a page per server and per tool', async () => {
    expect(built.outDir).toBe(outDir);
    expect(built.pages).toBe(1 + 1 + 3 + 8); // index, 404, servers, tools
    expect((await stat(join(outDir, 'tools/com-example-payments/create-refund/index.html'))).isFile()).toBe(true);
    await expect(buildSite({ database, outDir: fileURLToPath(new URL('../..', import.meta.url)) })).rejects.toThrow(/will not write into/);
  });

  it('builds again in the same process from PostgreSQL, reading the newly handed-over connection', async () => {
    const { url, drop } = await createTestDatabase();
    const postgres = await openDb({ databaseUrl: url });
    const dir = `${outDir}-postgres`;
    try {
      await populateCatalogue(postgres.db);
      const { id } = await upsertServer(postgres.db, { name: 'postgres-only', runtime: 'npm' });
      await recordToolListing(postgres.db, id, [{ name: 'ping' }]);
      expect((await buildSite({ database: postgres, outDir: dir })).pages).toBe(built.pages + 2);
      expect((await stat(join(dir, 'tools/postgres-only/ping/index.html'))).isFile()).toBe(true);
    } finally {
      await postgres.close();
      await drop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists the servers on the index with counts by category and risk', async () => {
    const page = await open('/');
    const rows = page.locator('table.servers tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('table.servers').innerText()).toContain('Acme Files');
    expect(await page.locator('tr[data-server="mail-sender"] .badge').innerText()).toBe('High');
    expect(await page.locator('tr[data-server="io-github-acme-files"] td.num').innerText()).toBe('3');
    expect(await page.locator('#by-risk').innerText()).toMatch(/Critical\s+2/);
    expect(await page.locator('#by-category').innerText()).toMatch(/Read\s+3/);
    await page.context().close();
  });

  it('shows a server page with every tool, its badges and links, and the whole-server policy', async () => {
    const page = await open('/servers/io-github-acme-files/');
    expect(await page.locator('h1').innerText()).toBe('Acme Files');
    expect(await page.locator('#how-it-runs + dl').innerText()).toContain('@acme/files-mcp@1.2.3');
    const row = page.locator('table.tools tr[data-tool="delete-path"]');
    expect(await row.locator('[data-kind="category"]').innerText()).toBe('Destructive');
    expect(await row.locator('[data-kind="risk"]').innerText()).toBe('Critical');
    expect(await page.locator('table.tools tbody tr').count()).toBe(3);
    await row.locator('a').click();
    await page.waitForURL(/\/tools\/io-github-acme-files\/delete-path\/$/);
    await page.goBack();
    const policy = JSON.parse(await page.locator('#server-policy-json').innerText());
    expect(policy.hide).toEqual(['delete_path']);
    expect(Object.keys(policy.tools)).toEqual(['read_file', 'write_file']);
    await page.context().close();
  });

  it('shows a tool page: category, risk, evidence, the stored policy, and a copy button that copies it', async () => {
    const page = await open('/tools/com-example-payments/create-refund/', { clipboard: true });
    expect(await page.locator('#classification [data-kind="category"]').innerText()).toBe('Financial');
    expect(await page.locator('#classification [data-kind="risk"]').innerText()).toBe('Critical');
    expect(await page.locator('ul.evidence').innerText()).toContain('parameter `amount`');
    expect(await page.locator('#why + p').innerText()).toContain('drain the balance');
    expect(await page.locator('table.params').innerText()).toMatch(/amount\s+integer\s+yes/);
    const stored = (await getToolPage(database.db, 'com-example-payments', 'create-refund'))!.tool.classification!.policy;
    const text = await page.locator('#tool-policy').innerText();
    expect(JSON.parse(text)).toEqual(stored);
    expect(JSON.parse(text)).toEqual(fixturePolicy('create_refund'));
    expect(text.indexOf('"version"')).toBeLessThan(text.indexOf('"tools"'));
    await page.locator('button[data-copy="tool-policy"]').click();
    await page.waitForFunction(() => document.querySelector('button[data-copy="tool-policy"]')?.textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(text);
    expect(JSON.parse(copied)).toEqual(stored);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'tool-page.png'), fullPage: true });
    await page.context().close();
  });

  it('renders hostile strings as text: no script runs, no javascript: link, no sideways scroll on a phone', async () => {
    const page = await open('/tools/com-example-payments/show-banner/', { width: 375 });
    expect(await page.locator('#description').textContent()).toBe(HOSTILE_DESCRIPTION);
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.locator('table.params code').first().innerText()).toBe('<b>html</b>');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'tool-page-phone.png'), fullPage: true });
    await page.goto(new URL('/servers/com-example-payments/', server.url).href);
    expect(await page.locator('#how-it-runs + dl').innerText()).toContain('javascript:alert(document.domain)');
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith('/'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
