// A search query as typed: its words (site/assets/search-tokens.js) and its field filters,
// `risk:critical` and `category:destructive`, shared by the search box and the tests.
// Plain JavaScript with no DOM.
import { CATEGORY_NAMES, RISK_NAMES, queryTokens } from './search-tokens.js';

/** `risk:` or `category:` and what follows it up to the next space. */
const FIELD = /(^|\s)(risk|category):(\S*)/gi;

const FIELDS = { risk: RISK_NAMES, category: CATEGORY_NAMES };

const listOf = (names) => `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/**
 * The index of the one name that `value` begins (case-insensitive), so that `risk:crit` is already a
 * filter while the user types; undefined when it begins none or several.
 */
export function fieldValue(field, value) {
  const names = FIELDS[field];
  const v = String(value).toLowerCase();
  if (!names || !v) return undefined;
  const exact = names.indexOf(v);
  if (exact >= 0) return exact;
  const found = names.filter((n) => n.startsWith(v));
  return found.length === 1 ? names.indexOf(found[0]) : undefined;
}

/**
 * The query's words (as queryTokens gives them), its filters as indexes into RISK_NAMES and
 * CATEGORY_NAMES, and a plain message for each filter it could not read. A filter typed without a
 * value yet (`risk:`) is left out silently. `defaults` are filters chosen elsewhere (the search
 * page's menus); one written in the query wins.
 */
export function parseQuery(query, defaults = {}) {
  const filters = {};
  for (const field of Object.keys(FIELDS)) if (Number.isInteger(defaults[field])) filters[field] = defaults[field];
  const problems = [];
  const rest = String(query).replace(FIELD, (_, space, name, value) => {
    const field = name.toLowerCase();
    if (value) {
      const index = fieldValue(field, value);
      if (index === undefined) problems.push(`${field}: takes ${listOf(FIELDS[field])}, not "${value}"`);
      else filters[field] = index;
    }
    // A filter ends the word before it: "delete risk:high" searches "delete " (not a prefix).
    return `${space} `;
  });
  return { ...queryTokens(rest), filters, problems };
}

/** Whether a filter is set. */
export const hasFilters = (filters) => filters.risk !== undefined || filters.category !== undefined;
