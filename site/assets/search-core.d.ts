// Types of site/assets/search-core.js (plain JavaScript, shared with the browser).
/** A display record: ['s', slug, name, package, risk, tools] or ['t', server, tool, name, server name, risk, category]. */
export type SearchRecord = (string | number)[];
/** `partial`: no result had every query word; this one has some of them. */
export interface SearchResult { id: string; record: SearchRecord; score: number; partial?: boolean }
/** Filters as indexes into RISK_NAMES and CATEGORY_NAMES (site/assets/search-tokens.js). */
export interface SearchFilters { risk?: number; category?: number }
export declare function createSearch(fetchJson: (url: string) => unknown, base?: string): {
  search(query: string, limit?: number, options?: { filters?: SearchFilters }): Promise<SearchResult[]>;
  lookup(word: string, options?: { prefix?: boolean; near?: boolean }): Promise<{ hits: Map<string, { record: SearchRecord; score: number }>; cls: string | undefined }>;
};
