// Types of bin/cli-stamp.js (plain JavaScript, so that the bin needs no TypeScript loader to start).
export declare const BUILD_DIR: string;
export declare function sourceId(root: string, files: readonly string[]): string;
export declare function freshBuild(root: string): string | undefined;
