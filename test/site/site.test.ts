// The site end to end: the small catalogue built with buildSite(), served over HTTP and read in
// headless Chromium: home, server and tool pages, copy buttons, lists, 404, keyboard and phone use.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../classifier/policy-validate.ts';
import { openDb } from '../../db/client.ts';
import { upsertServer } from '../../db/queries/servers.ts';
import { recordToolListing } from '../../db/queries/tool-listing.ts';
import { buildSite } from '../../site/build.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { buildTestSite, type BuiltSite } from './built-site.ts';
import { CATALOGUE, populateCatalogue } from './catalogue.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const fixturePolicy = (name: string) => CATALOGUE.flatMap((s) => s.tools).find((t) => t.definition.name === name)!.classification!.policy;

async function copy(page: Page, id: string): Promise<string> {
  await page.locator(`button[data-copy="${id}"]`).click();
  await page.waitForFunction((i) => document.querySelector(`button[data-copy="${i}"]`)?.textContent === 'Copied', id);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator(`#${id}`).innerText());
  return copied;
}

describe('site', () => {
  let site: BuiltSite;
  beforeAll(async () => { site = await buildTestSite(); });
  afterAll(async () => { await site?.close(); });

  it('builds every page, JSON file, list and extra file, and refuses unsafe or overlapping builds', async () => {
    const { built, outDir, database } = site;
    // 4 servers + 12 tools; 4 risk, 5 category, 9 finding lists; 3 hubs; 3 server orders + /servers/; home, search, accuracy, 404
    expect(built.pages).toBe(16 + 18 + 3 + 4 + 4);
    expect([built.servers, built.tools]).toEqual([4, 12]);
    for (const file of ['tools/com-example-payments/create-refund/index.html', 'api/tools/com-example-payments/create-refund.json',
      'api/servers/mail-sender.json', 'servers/by-risk/1/index.html', 'risk/critical/index.html', 'findings/tool-poisoning/index.html',
      'search/manifest.json', 'sitemap.xml', 'sitemaps/sitemap-1.xml', 'robots.txt', 'llms.txt', 'api/policy.schema.json', '404.html']) {
      expect((await stat(join(outDir, file))).isFile(), file).toBe(true);
    }
    await expect(buildSite({ database, outDir: fileURLToPath(new URL('../..', import.meta.url)) })).rejects.toThrow(/will not write into/);
    const first = buildSite({ database, outDir: `${outDir}-again` });
    await expect(buildSite({ database, outDir: `${outDir}-other` })).rejects.toThrow(/already running/);
    expect((await first).pages).toBe(built.pages);
    // Built without a site URL: no absolute URL of its own anywhere (relative or left out), and no sitemap.
    const again = `${outDir}-again`;
    const files = (await readdir(again, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    expect(files.length).toBeGreaterThan(built.pages);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toMatch(/localhost|127\.0\.0\.1|mcp-risk\.example/);
    const home = await readFile(join(again, 'index.html'), 'utf8');
    expect(home).not.toMatch(/rel="canonical"|og:url|sitemap\.xml/);
    const tool = await readFile(join(again, 'tools/com-example-payments/create-refund/index.html'), 'utf8');
    expect(tool).toContain('"url":"/tools/com-example-payments/create-refund/"');
    expect(files.some((f) => f.endsWith('sitemap.xml'))).toBe(false);
    expect(await readFile(join(again, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(await readFile(join(again, 'llms.txt'), 'utf8')).toContain('- [Servers by name](/servers/by-name/1/)');
    await rm(again, { recursive: true, force: true });
  });

  it('builds from PostgreSQL too', async () => {
    const { url, drop } = await createTestDatabase();
    const postgres = await openDb({ databaseUrl: url });
    const dir = `${site.outDir}-postgres`;
    try {
      await populateCatalogue(postgres.db);
      const { id } = await upsertServer(postgres.db, { name: 'postgres-only', runtime: 'npm' });
      await recordToolListing(postgres.db, id, [{ name: 'ping' }]);
      const built = await buildSite({ database: postgres, outDir: dir, workers: 1 });
      expect([built.servers, built.tools]).toEqual([4, 9]);
      expect((await stat(join(dir, 'tools/postgres-only/ping/index.html'))).isFile()).toBe(true);
    } finally {
      await postgres.close();
      await drop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shows counts, the riskiest and newest servers and a search box on the home page', async () => {
    const page = await site.open('/');
    expect(await page.locator('#by-risk').innerText()).toMatch(/Critical\s+3/);
    expect(await page.locator('#by-category').innerText()).toMatch(/Read\s+5/);
    expect(await page.locator('#riskiest + .table-wrap tbody tr').first().getAttribute('data-server')).toBe('evil-example-tools');
    expect(await page.locator('#newest + .table-wrap tbody tr').count()).toBe(4);
    expect(await page.locator('form[data-search] input[type=search]').count()).toBe(2);
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe('https://mcp-risk.example/');
    await page.context().close();
  });

  it('shows a server: sources, how it runs, grade, tools with status, policy (copied and valid), exports, history', async () => {
    const page = await site.open('/servers/io-github-acme-files/', { clipboard: true });
    expect(await page.locator('h1').innerText()).toBe('Acme Files');
    expect(await page.locator('[data-kind="grade"]').innerText()).toMatch(/^[A-F]$/);
    const facts = await page.locator('#how-it-runs + dl').innerText();
    expect(facts).toContain('npx -y @acme/files-mcp@1.2.3');
    expect(facts).toContain('a local client configuration');
    expect(facts).not.toContain('/home/someone');
    expect(await page.locator('a[href^="https://registry.modelcontextprotocol.io/v0.1/servers/io.github.acme%2Ffiles/versions/1.2.3"]').count()).toBe(1);
    expect(await page.locator('a[href="https://www.npmjs.com/package/@acme/files-mcp"]').count()).toBe(2); // the package and its npm record
    const row = page.locator('table.tools tr[data-tool="delete-path"]');
    expect(await row.locator('[data-kind="risk"]').innerText()).toBe('Critical');
    expect(await row.locator('td.status').innerText()).toBe('hidden from the agent');
    const policy = JSON.parse(await copy(page, 'server-policy-json'));
    expect(validatePolicy(policy)).toEqual({ valid: true, errors: [] });
    expect(policy).toMatchObject({ hide: ['delete_path'], tools: { read_file: {}, write_file: fixturePolicy('write_file').tools.write_file } });
    // Claude Code asks before the tool whose conditions it cannot enforce; the same text as `mcp-risk policy --format claude-code`.
    expect(JSON.parse(await copy(page, 'claude-code-settings'))).toEqual({
      permissions: { allow: ['mcp__files__read_file'], ask: ['mcp__files__write_file'], deny: ['mcp__files__delete_path'] },
    });
    expect(await page.locator('#codex-config').innerText()).toBe('[mcp_servers.files]\ndisabled_tools = ["delete_path"]');
    expect(await page.locator('#last-attempt').innerText()).toMatch(/^ok, \d{4}-\d\d-\d\d, 3 tools$/);
    expect(await page.locator('#last-attempt-cause').innerText()).toBe('Listed 3 tools by running files-mcp.');
    expect(await page.locator('#listed-version').innerText()).toBe('Tools listed from version 1.2.3 (the registry declares 1.2.0).');
    await row.locator('a').click();
    await page.waitForURL(/\/tools\/io-github-acme-files\/delete-path\/$/);
    await page.context().close();
    const mail = await site.open('/servers/mail-sender/');
    expect(await mail.locator('#last-attempt').innerText()).toMatch(/^timeout \(timeout\)/);
    expect(await mail.locator('#last-attempt-cause').innerText()).toBe('Timed out: no answer in 30 s.');
    expect(await mail.locator('#listed-version').count()).toBe(0);
    expect(await mail.locator('ul.changes').innerText()).toMatch(/list_outbox: 2 versions, last changed 2030-01-20/);
    await mail.context().close();
  });

  it('shows a tool: classification, findings, policy and client exports that copy and validate, FAQ, related tools', async () => {
    const page = await site.open('/tools/com-example-payments/create-refund/', { clipboard: true });
    expect(await page.locator('#classification [data-kind="risk"]').innerText()).toBe('Critical');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe('Refund a charge.');
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('meta[property="og:url"]').getAttribute('content')).toBe('https://mcp-risk.example/tools/com-example-payments/create-refund/');
    expect(await page.title()).toBe('create_refund (com.example/payments) · mcp-risk');
    expect(await page.locator('ul.evidence').innerText()).toContain('parameter `amount`');
    expect(await page.locator('table.params').innerText()).toMatch(/amount\s+integer\s+yes/);
    const policy = JSON.parse(await copy(page, 'tool-policy'));
    expect(policy).toEqual(fixturePolicy('create_refund'));
    expect(validatePolicy(policy).valid).toBe(true);
    expect(validatePolicy(JSON.parse(await copy(page, 'rate-limit'))).valid).toBe(true);
    // The jump to the policy, the policy in words after its snippet, the server policy inline but collapsed.
    expect(await page.locator('p.jump a').innerText()).toBe('How to control create_refund');
    expect(await page.locator('p.jump a').getAttribute('href')).toBe('#policy');
    expect(await page.locator('h2#policy').innerText()).toBe('How to control create_refund');
    expect(await page.locator('#policy ~ .copy-block + #policy-words').innerText()).toBe('Allowed, at most 5 calls an hour, only when args.reason is given, '
      + 'and never when args.amount is more than 10000; everything else on this server is denied.');
    const serverPolicy = page.locator('details.server-policy');
    expect(await serverPolicy.getAttribute('open')).toBeNull();
    expect(await page.locator('#server-policy-json').isVisible()).toBe(false);
    await serverPolicy.locator('summary').click();
    expect(validatePolicy(JSON.parse(await page.locator('#server-policy-json').innerText())).valid).toBe(true);
    // This tool's rule alone, as the server's settings have it; Codex leaves a conditioned tool enabled.
    expect(JSON.parse(await copy(page, 'claude-code-settings'))).toEqual({ permissions: { ask: ['mcp__payments__create_refund'] } });
    expect(await page.locator('#codex-config').count()).toBe(0);
    expect(await page.locator('#clients + p').innerText()).toMatch(/Claude Code should ask before mcp__payments__create_refund.*Codex should leave it enabled.*all 3 tools/s);
    expect(await page.locator('#block-rule').innerText()).toBe('mcp__payments__create_refund');
    const faq = await page.locator('.faq').innerText();
    for (const q of ['What does create_refund do?', 'How do I block create_refund?', 'How do I rate-limit create_refund?', 'What risk is create_refund?', 'Which server provides create_refund?']) expect(faq).toContain(q);
    expect(await page.locator('#related ~ .table-wrap tr[data-tool]').count()).toBe(2);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'tool-page.png'), fullPage: true });
    await page.context().close();
    const hidden = await site.open('/tools/io-github-acme-files/delete-path/', { clipboard: true });
    expect(JSON.parse(await copy(hidden, 'claude-code-settings'))).toEqual({ permissions: { deny: ['mcp__files__delete_path'] } });
    expect(await hidden.locator('#codex-config').innerText()).toBe('[mcp_servers.files]\ndisabled_tools = ["delete_path"]');
    // The server-wide parts rendered once per server: its policy and the sibling rows, without this tool.
    const serverApi = JSON.parse(await readFile(join(site.outDir, 'api/servers/io-github-acme-files.json'), 'utf8'));
    expect(await hidden.locator('#policy-words').innerText()).toBe('Hidden: the agent is never shown delete_path; everything else on this server is denied.');
    expect(JSON.parse((await hidden.locator('#server-policy-json').textContent())!)).toEqual(serverApi.policy);
    expect(await hidden.locator('#related ~ .table-wrap tr[data-tool]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tool')))).toEqual(['read-file', 'write-file']);
    await hidden.context().close();
    const read = await site.open('/tools/io-github-acme-files/read-file/');
    expect(await read.locator('ul.same-name a').getAttribute('href')).toBe('/tools/evil-example-tools/read-file/');
    await read.context().close();
    const send = await site.open('/tools/mail-sender/send-email/');
    expect(await send.locator('#same-purpose').innerText()).toContain('send mail');
    expect(await send.locator('ul.same-purpose a').getAttribute('href')).toBe('/tools/evil-example-tools/email-send/');
    await send.context().close();
    const outbox = await site.open('/tools/mail-sender/list-outbox/');
    expect(await outbox.locator('table.history tbody tr').count()).toBe(2);
    expect(await outbox.locator('#classification [data-kind="status"]').innerText()).toContain('denied');
    await outbox.context().close();
  });

  it('lists tools by risk, category and finding, servers in three orders, and answers 404 with a page', async () => {
    const risk = await site.open('/risk/critical/');
    expect(await risk.locator('table.tools tr[data-tool]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tool')))).toEqual(['create-refund', 'big-tool', 'delete-path']);
    await risk.goto(new URL('/categories/read/', site.server.url).href);
    expect(await risk.locator('table.tools tr[data-tool]').count()).toBe(5);
    await risk.goto(new URL('/servers/by-tools/1/', site.server.url).href);
    expect(await risk.locator('table.servers tbody tr').first().getAttribute('data-server')).toMatch(/^(com-example-payments|evil-example-tools|io-github-acme-files)$/);
    expect(await risk.locator('.tabs a[aria-current="page"]').innerText()).toBe('Number of tools');
    await risk.goto(new URL('/findings/tool-poisoning/', site.server.url).href);
    expect(await risk.locator('ul.findings li').count()).toBe(2);
    await risk.goto(new URL('/risk/', site.server.url).href);
    expect(await risk.locator('ul.hub li').count()).toBe(4);
    await risk.context().close();
    const missing = await site.open('/no/such/page/', { status: 404 });
    expect(await missing.locator('h1').innerText()).toBe('Not found');
    await missing.context().close();
  });

  it('writes JSON files that mirror the pages, the policy schema, sitemaps, robots.txt and llms.txt', async () => {
    const read = (file: string) => readFile(join(site.outDir, file), 'utf8');
    const tool = JSON.parse(await read('api/tools/com-example-payments/create-refund.json'));
    expect(tool).toMatchObject({ kind: 'tool', name: 'create_refund', url: '/tools/com-example-payments/create-refund/', status: 'conditioned' });
    expect(tool.classification).toMatchObject({ category: 'Financial', risk: 'Critical' });
    expect(tool.policy).toEqual(fixturePolicy('create_refund'));
    const server = JSON.parse(await read('api/servers/io-github-acme-files.json'));
    expect(server.tools.map((t: { name: string }) => t.name)).toEqual(['delete_path', 'read_file', 'write_file']);
    expect(validatePolicy(server.policy).valid).toBe(true);
    expect(JSON.parse(await read('api/policy.schema.json'))).toEqual(JSON.parse(await readFile(fileURLToPath(new URL('../../classifier/policy-schema.json', import.meta.url)), 'utf8')));
    expect(await read('sitemap.xml')).toContain('<loc>https://mcp-risk.example/sitemaps/sitemap-1.xml</loc>');
    const urls = (await read('sitemaps/sitemap-1.xml')).match(/<loc>/g)!.length;
    expect(urls).toBe(site.built.sitemap.urls);
    expect(await read('robots.txt')).toContain('Sitemap: https://mcp-risk.example/sitemap.xml');
    expect(await read('llms.txt')).toMatch(/^# mcp-risk/);
  });

  it('is keyboard-usable and fits a phone', async () => {
    const page = await site.open('/tools/io-github-acme-files/write-file/', { width: 375 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goto(new URL('/servers/io-github-acme-files/', site.server.url).href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
    expect(site.errors).toEqual([]);
  });
});
