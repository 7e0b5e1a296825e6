// Wall time and peak resident memory of benchmark stages. Peak RSS comes from the kernel (VmHWM in
// /proc/self/status, reset per stage through /proc/self/clear_refs); where that is unavailable, from
// sampling process.memoryUsage().rss every 100 ms. Worker threads share the process, so they count.
import { readFileSync, writeFileSync } from 'node:fs';

export interface StageFigures { stage: string; seconds: number; items?: number; unit?: string; peakRssMiB: number }

function kernelPeakKiB(): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export async function measure<T>(stage: string, run: () => Promise<T>, count?: (result: T) => { items: number; unit: string }): Promise<{ result: T; figures: StageFigures }> {
  const kernel = resetKernelPeak();
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => { sampled = Math.max(sampled, process.memoryUsage().rss); }, 100);
  const started = performance.now();
  try {
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    sampled = Math.max(sampled, process.memoryUsage().rss);
    const peakKiB = kernel ? Math.max(kernelPeakKiB() ?? 0, sampled / 1024) : sampled / 1024;
    const figures: StageFigures = { stage, seconds, peakRssMiB: Math.round(peakKiB / 1024), ...(count ? count(result) : {}) };
    return { result, figures };
  } finally {
    clearInterval(timer);
  }
}

export function formatFigures(f: StageFigures): string {
  const rate = f.items !== undefined && f.seconds > 0 ? `, ${Math.round(f.items / f.seconds).toLocaleString('en-US')} ${f.unit}/s` : '';
  const items = f.items !== undefined ? `, ${f.items.toLocaleString('en-US')} ${f.unit}` : '';
  return `${f.stage.padEnd(34)} ${f.seconds.toFixed(1).padStart(7)} s${items}${rate}, peak RSS ${f.peakRssMiB.toLocaleString('en-US')} MiB`;
}
