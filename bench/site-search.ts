// Times searches on a built site in headless Chromium, as a user types them: from the first
// keystroke to the first results, from the last keystroke to the final results, and the index
// bytes fetched (each query on a fresh page, so with a cold cache).
import { chromium } from 'playwright-core';
import { serveStatic } from '../site/static-server.ts';

export interface SearchTiming { query: string; firstMs: number; lastMs: number; bytes: number; requests: number; top: string }

export const QUERIES = ['github', 'create_issue', 'send email', 'kubernetes pods', 'delete', 'file', 'sql query', 'browser click', 'stripe refund', 'slack message', 'read_f',
  'delete repository', 'run sql', 'risk:critical delete', 'category:destructive', 'xyzzy'];

export async function timeSearches(outDir: string, queries: string[] = QUERIES, options: { paste?: boolean } = {}): Promise<SearchTiming[]> {
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const timings: SearchTiming[] = [];
  try {
    for (const query of queries) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.evaluate(() => {
        const w = window as unknown as Record<string, number>;
        const results = document.querySelector('#home-search-results')!;
        w.first = 0; w.firstResult = 0;
        document.addEventListener('input', () => { w.last = performance.now(); w.first ||= w.last; w.rendered = 0; }, true);
        new MutationObserver(() => {
          w.rendered = performance.now();
          if (!w.firstResult && results.querySelector('a.result, .empty')) w.firstResult = w.rendered;
        }).observe(results, { childList: true });
        performance.clearResourceTimings();
      });
      if (options.paste) await page.locator('#home-search').fill(query);
      else { await page.locator('#home-search').click(); await page.keyboard.type(query, { delay: 25 }); }
      await page.waitForFunction((q) => document.querySelector<HTMLFormElement>('form[data-search]:has(#home-search)')!.dataset.searchQuery === q
        && (window as unknown as Record<string, number>).rendered > 0, query, { timeout: 10_000 });
      timings.push(await page.evaluate((q) => {
        const w = window as unknown as Record<string, number>;
        const fetched = performance.getEntriesByType('resource').filter((e) => e.name.includes('/search/')) as PerformanceResourceTiming[];
        const top = [...document.querySelectorAll('#home-search-results a.result .name')].slice(0, 3).map((e) => e.textContent).join(', ');
        return { query: q, firstMs: w.firstResult - w.first, lastMs: w.rendered - w.last, bytes: fetched.reduce((n, e) => n + e.transferSize, 0), requests: fetched.length, top };
      }, query));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return timings;
}
