// Small display helpers shared by the pages: badge classes, safe links, plain text of unknown JSON.
import { CATEGORIES, RISKS } from '../../../classifier/types.ts';

/** A CSS class for a risk or category badge; anything unknown gets the neutral class. */
export function badgeClass(kind: 'risk' | 'category', value: string | null | undefined): string {
  const known: readonly string[] = kind === 'risk' ? RISKS : CATEGORIES;
  return value && known.includes(value) ? `badge ${kind}-${value.toLowerCase()}` : 'badge unknown';
}

/** The URL when it is plain http(s), else undefined: crawled links never become javascript: or data: hrefs. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Strings of a JSON list, anything else dropped (stored JSON is not trusted to have the right shape). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export interface DisplayFinding { kind: string; severity: string; message: string; excerpt?: string }

export function findingList(value: unknown): DisplayFinding[] {
  if (!Array.isArray(value)) return [];
  return value.filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null).map((f) => ({
    kind: String(f.kind ?? 'finding'),
    severity: String(f.severity ?? 'unknown'),
    message: String(f.message ?? ''),
    excerpt: typeof f.excerpt === 'string' ? f.excerpt : undefined,
  }));
}

export const SEVERITY_CLASS: Record<string, string> = { low: 'risk-low', medium: 'risk-medium', high: 'risk-high', critical: 'risk-critical' };

export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2) ?? 'null';

/** A compact date for "last seen" lines. */
export const day = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : 'never');
