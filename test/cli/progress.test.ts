// The crawl progress display: a bar with done/total, tools, failures and ETA on a terminal; lines otherwise.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CrawlProgress, progressLine } from '../../cli/progress.ts';
import type { CrawlEvent } from '../../crawler/crawl.ts';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 200 });
  let text = '';
  stream.on('data', (d: Buffer) => { text += d; });
  return { stream, text: () => text };
}

const attempt = (done: number, status: string, toolsFound: number, failures: number): CrawlEvent =>
  ({ type: 'attempt', server: `s${done}`, status, toolCount: status === 'ok' ? 3 : 0, durationMs: 1000, done, total: 4, toolsFound, failures, error: status === 'ok' ? undefined : 'boom' });

describe('crawl progress', () => {
  it('draws a bar with servers done/total, tools, failures and ETA on a terminal, keeping failures as lines', () => {
    let clock = 0;
    const out = capture(true);
    const progress = new CrawlProgress({ stream: out.stream, now: () => clock });
    progress.event({ type: 'selected', selected: 4, toList: 4, enumerationDone: true }, '4 servers selected');
    clock = 10_000;
    progress.event(attempt(1, 'ok', 3, 0), '[1/4] ok s1');
    clock = 20_000;
    progress.event(attempt(2, 'timeout', 3, 1), '[2/4] timeout s2 (boom)');
    const text = out.text();
    expect(text).toContain('\r\x1b[2K');
    expect(text).toContain('2/4 servers · 3 tools · 1 failed ETA 20s');
    expect(text).toContain('[2/4] timeout s2 (boom)\n');
    expect(text).not.toContain('[1/4] ok s1\n'); // successes only move the bar
  });

  it('prints plain lines without control characters when not on a terminal', () => {
    const out = capture(false);
    const progress = new CrawlProgress({ stream: out.stream });
    progress.event(attempt(1, 'ok', 3, 0), '[1/4] ok s1');
    progress.event(attempt(2, 'crashed', 3, 1), '[2/4] crashed s2');
    progress.finish();
    expect(out.text()).toBe('[1/4] ok s1\n[2/4] crashed s2\n');
  });

  it('marks the total as growing while enumeration goes on', () => {
    expect(progressLine(5, 10, 40, 2, 5_000, true)).toBe('[############------------] 5/10+ servers · 40 tools · 2 failed ETA ≥5s');
    expect(progressLine(0, 0, 0, 0, 0, false)).toBe('[------------------------] 0/0 servers · 0 tools · 0 failed');
  });
});

describe('crawl progress lines', () => {
  it('cut a long error at a word boundary, never mid-word', async () => {
    const { describeEvent } = await import('../../cli/crawl.ts');
    const error = 'npm install @pulsemcp/pulse-fetch@0.2.14 failed (exit 1): 404 Not Found - GET https://registry.npmjs.org/@pulsemcp%2fpulse-fetch; 404  The requested resource could not be found or you do not have permission to access it';
    const event = { ...(attempt(1, 'install_failed', 0, 1) as Extract<CrawlEvent, { type: 'attempt' }>), server: 'com.pulsemcp.servers/pulse-fetch', error, durationMs: 2400 };
    const line = describeEvent(event)!;
    const detail = /\((.*), 2\.4s\)$/.exec(line)![1];
    expect(detail.endsWith('…')).toBe(true);
    const flat = error.replace(/\s+/g, ' ');
    expect(flat.startsWith(detail.slice(0, -1))).toBe(true);
    expect(flat[detail.length - 1]).toMatch(/[\s,;:(]/); // the cut falls where a word ended
  });
});
