// /accuracy/ and /api/accuracy.json (issue 10 item 7): built from a real measurement of this build's
// classifier on the labelled sets, linked from every tool page's verdict; an honest note when the sets
// are missing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureAccuracy, type AccuracyRecord } from '../../classifier/accuracy.ts';
import { CLASSIFIER_VERSION } from '../../classifier/classify.ts';
import { openDb, type Database } from '../../db/client.ts';
import { buildSite } from '../../site/build.ts';
import { serveStatic, type RunningServer } from '../../site/static-server.ts';
import { populateCatalogue } from './catalogue.ts';

const EVAL_DIR = fileURLToPath(new URL('../../../shared/eval/', import.meta.url));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('the accuracy page', () => {
  let database: Database;
  let outDir: string;
  let record: AccuracyRecord;
  let server: RunningServer;

  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    await populateCatalogue(database.db);
    outDir = await mkdtemp(join(tmpdir(), 'mcp-risk-accuracy-'));
    record = await measureAccuracy(EVAL_DIR);
    await buildSite({ database, outDir, accuracy: record, workers: 1 });
    server = await serveStatic(outDir);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('measures this build\'s classifier on the labelled sets', () => {
    expect(record.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(record.missing).toEqual([]);
    expect(record.gold!.tools).toBe(400);
    expect(record.gold!.labels.agreed + record.gold!.labels.adjudicated).toBe(400);
    expect(record.gold!.weakSpots.length).toBeGreaterThan(0);
    expect(record.poisoning!.poisoned.total).toBeGreaterThan(100);
  });

  it('publishes the same record as JSON, with the versions that rated the catalogue', async () => {
    const json = JSON.parse(await readFile(join(outDir, 'api/accuracy.json'), 'utf8'));
    expect(json.record.gold.category).toBe(record.gold!.category);
    expect(json.record.gold.confusion).toEqual(record.gold!.confusion);
    expect(json.versions.length).toBeGreaterThan(0);
    for (const v of json.versions) expect(v.count).toBeGreaterThan(0);
  });

  it('shows the figures, both confusion tables, the rules and the weak spots, and every tool page links to it', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      const res = await page.goto(`${server.url}accuracy/`);
      expect(res?.status()).toBe(200);
      expect(await page.locator('[data-figure="category"]').innerText()).toBe(pct(record.gold!.category));
      expect(await page.locator('[data-figure="risk"]').innerText()).toBe(pct(record.gold!.risk));
      expect(await page.locator('[data-figure="too-low"]').innerText()).toBe(`${record.gold!.tooLow2} of ${record.gold!.tools}`);
      expect(await page.locator('#category-confusion tbody tr').count()).toBe(5);
      expect(await page.locator('#risk-confusion tbody tr').count()).toBe(4);
      expect(await page.locator('table.rules tbody tr').first().innerText()).toContain('.');
      expect(await page.locator('ul.weak-spots li').count()).toBe(record.gold!.weakSpots.length);
      expect(await page.locator('body').innerText()).toContain('labelled twice, independently');
      await page.goto(`${server.url}tools/com-example-payments/create-refund/`);
      await page.locator('#accuracy-link a').click();
      await page.waitForURL(/\/accuracy\/$/);
    } finally {
      await browser.close();
    }
  });

  it('says so, without figures, when the labelled sets are missing', async () => {
    const missing = await measureAccuracy(join(tmpdir(), 'no-such-eval-dir'));
    expect(missing.gold).toBeUndefined();
    expect(missing.missing.length).toBe(3);
    const dir = await mkdtemp(join(tmpdir(), 'mcp-risk-accuracy-none-'));
    try {
      await buildSite({ database, outDir: dir, workers: 1 });
      const html = await readFile(join(dir, 'accuracy/index.html'), 'utf8');
      expect(html).toMatch(/No measurement was made for this build/);
      expect(html).not.toMatch(/data-figure="category"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
