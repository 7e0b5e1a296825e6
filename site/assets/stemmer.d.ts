// Types of site/assets/stemmer.js.
export declare function stemmer(value: string): string;
