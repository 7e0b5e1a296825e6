// Types of site/assets/search-query.js (plain JavaScript, shared with the browser).
import type { SearchFilters } from './search-core.js';
export declare function fieldValue(field: 'risk' | 'category', value: string): number | undefined;
export declare function parseQuery(query: string, defaults?: SearchFilters): {
  tokens: string[]; terms: string[]; prefix: string | undefined; joined: string | undefined; filters: SearchFilters; problems: string[];
};
export declare function hasFilters(filters: SearchFilters): boolean;
