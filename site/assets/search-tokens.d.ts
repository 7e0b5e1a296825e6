// Types of site/assets/search-tokens.js (plain JavaScript, shared with the browser).
export declare const MAX_TOKEN: number;
export declare const WEIGHTS: { name: number; title: number; package: number; serverName: number; namespace: number; description: number };
export declare const MAX_JOINED: number;
export declare function joined(text: string): string;
export declare const STOP_WORDS: Set<string>;
export declare function fold(text: string): string;
export declare function indexTokens(text: string, options?: { stop?: boolean; limit?: number; min?: number }): string[];
export declare function queryTokens(query: string): { tokens: string[]; terms: string[]; prefix: string | undefined; joined: string | undefined };
export declare function keyFile(key: string): string;
export declare function singular(word: string): string;
export declare function stem(word: string): string;
export declare function aliasesOf(term: string): string[];
export declare const RISK_NAMES: string[];
export declare const CATEGORY_NAMES: string[];
export declare function riskFacet(index: number): string;
export declare function categoryFacet(index: number): string;
export declare function facetTerm(term: string, facet: string): string;
