// Small display helpers shared by the pages: badge classes, safe links, plain text of unknown JSON.
import { CATEGORIES, RISKS } from '../../../classifier/types.ts';
import { findingOrder } from '../../../classifier/finding-kinds.ts';
import { visible } from './text.ts';

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

export interface DisplayFinding {
  kind: string;
  severity: string;
  message: string;
  excerpt?: string;
  /** The excerpt split around its marked (suspicious) span, when the finding marks one. */
  marked?: { before: string; hit: string; after: string };
  /** Where the text was (description, a parameter). */
  field?: string;
}

/** The excerpt around a valid `mark` ([start, end) within it); anything else stored is ignored. */
function marked(excerpt: string | undefined, mark: unknown): DisplayFinding['marked'] {
  if (excerpt === undefined || !Array.isArray(mark) || mark.length !== 2) return undefined;
  const [start, end] = mark;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > excerpt.length) return undefined;
  return { before: excerpt.slice(0, start), hit: excerpt.slice(start, end), after: excerpt.slice(end) };
}

/**
 * Stored findings (old rows included: any kind string, no mark) for display: shapes checked, poisoning
 * kinds first, then by severity, hidden characters made visible.
 */
export function findingList(value: unknown): DisplayFinding[] {
  if (!Array.isArray(value)) return [];
  return value.filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null).map((f) => {
    const excerpt = typeof f.excerpt === 'string' ? f.excerpt : undefined;
    const parts = marked(excerpt, f.mark);
    return {
      kind: String(f.kind ?? 'finding'),
      severity: String(f.severity ?? 'unknown'),
      message: visible(String(f.message ?? '')),
      excerpt: excerpt === undefined ? undefined : visible(excerpt),
      ...(parts ? { marked: { before: visible(parts.before), hit: visible(parts.hit), after: visible(parts.after) } } : {}),
      ...(typeof f.field === 'string' ? { field: visible(f.field) } : {}),
    };
  }).sort(findingOrder);
}

export const SEVERITY_CLASS: Record<string, string> = { low: 'risk-low', medium: 'risk-medium', high: 'risk-high', critical: 'risk-critical' };

export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2) ?? 'null';

/** A compact date for "last seen" lines. */
export const day = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : 'never');
