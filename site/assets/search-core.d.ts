// Types of site/assets/search-core.js (plain JavaScript, shared with the browser).
/** A display record: ['s', slug, name, package, risk, tools] or ['t', server, tool, name, server name, risk, category]. */
export type SearchRecord = (string | number)[];
export interface SearchResult { id: string; record: SearchRecord; score: number }
export declare function createSearch(fetchJson: (url: string) => unknown, base?: string): {
  search(query: string, limit?: number): Promise<SearchResult[]>;
  lookup(word: string, prefix: boolean): Promise<Map<string, { record: SearchRecord; score: number }>>;
};
