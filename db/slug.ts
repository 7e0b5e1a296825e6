// URL-safe slugs for servers and tools: lower-case ASCII words joined by '-'.
import { createHash } from 'node:crypto';

/** A readable slug; falls back to a short hash for names with no ASCII letters or digits. */
export function slugify(text: string, maxLength = 80): string {
  const base = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return base || `x-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

/** A slug made unique with a short hash of the full text when the readable form may collide. */
export function uniqueSlug(text: string, maxLength = 80): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 6);
  return `${slugify(text, maxLength - 7)}-${hash}`;
}
