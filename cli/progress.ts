// Crawl progress: a redrawn bar on a terminal (servers done/total, tools, failures, ETA), plain log
// lines otherwise. Failures are always printed as lines, so nothing is lost when the bar moves on.
import type { CrawlEvent } from '../crawler/crawl.ts';

export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Draw a bar; false prints one line per event. @default stream.isTTY */
  tty?: boolean;
  now?: () => number;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export function progressLine(done: number, total: number, tools: number, failures: number, elapsedMs: number, enumerating: boolean, width = 24): string {
  const ratio = total ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const eta = done && total > done ? ` ETA ${enumerating ? '≥' : ''}${formatDuration((elapsedMs / done) * (total - done))}` : '';
  return `[${bar}] ${done}/${total}${enumerating ? '+' : ''} servers · ${tools} tools · ${failures} failed${eta}`;
}

export class CrawlProgress {
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private state = { done: 0, total: 0, tools: 0, failures: 0, enumerating: true };
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {
    this.tty = options.tty ?? !!options.stream.isTTY;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** A line that must stay on screen (run start, failures, summaries). */
  log(line: string): void {
    this.clear();
    this.options.stream.write(`${line}\n`);
    this.draw();
  }

  event(event: CrawlEvent, line: string | undefined): void {
    if (event.type === 'selected') {
      this.state.total = event.toList;
      this.state.enumerating = !event.enumerationDone;
    }
    if (event.type === 'attempt') {
      Object.assign(this.state, { done: event.done, total: Math.max(event.total, this.state.total), tools: event.toolsFound, failures: event.failures });
      if (this.tty && event.status === 'ok') { this.draw(); return; }
    }
    if (event.type === 'run') this.state.total = event.pending;
    if (line) this.log(line);
    else this.draw();
  }

  /** Removes the bar before the closing summary. */
  finish(): void { this.clear(); }

  private clear(): void {
    if (this.tty && this.drawn) this.options.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    if (!this.tty) return;
    const { done, total, tools, failures, enumerating } = this.state;
    const line = progressLine(done, total, tools, failures, this.now() - this.started, enumerating);
    this.options.stream.write(`\r\x1b[2K${line.slice(0, (this.options.stream.columns ?? 120) - 1)}`);
    this.drawn = true;
  }
}
