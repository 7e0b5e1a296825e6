// Types of site/assets/search-tokens.js (plain JavaScript, shared with the browser).
export declare const MAX_TOKEN: number;
export declare const MAX_JOINED: number;
export declare function joined(text: string): string;
export declare const STOP_WORDS: Set<string>;
export declare function fold(text: string): string;
export declare function indexTokens(text: string, options?: { stop?: boolean; limit?: number; min?: number }): string[];
export declare function queryTokens(query: string): { tokens: string[]; prefix: string | undefined; joined: string | undefined };
export declare function keyFile(key: string): string;
export declare function singular(word: string): string;
