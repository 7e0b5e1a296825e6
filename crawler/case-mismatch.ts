// A package built on a case-insensitive file system (macOS, Windows) can import `codeIndexDB.js` while it ships
// `codeIndexDb.js`: on Linux it cannot start, whatever we pass it. Read from the server's own "Cannot find module"
// line and the package's files (bound at the same path inside the sandbox).
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';

export interface CaseMismatch { wanted: string; present: string; line: string }

const NOT_FOUND = /Cannot find module '([^']+)'/;

/** The first missing import whose file exists under another letter case, with the line that names it. */
export function caseMismatchedImport(texts: readonly string[]): CaseMismatch | undefined {
  for (const line of texts.flatMap((t) => t.split('\n'))) {
    const wanted = NOT_FOUND.exec(line)?.[1]?.replace(/^file:\/\//, '');
    if (!wanted || !isAbsolute(wanted) || existsSync(wanted)) continue;
    const name = basename(wanted).toLowerCase();
    let entries: string[];
    try { entries = readdirSync(dirname(wanted)); } catch { continue; }
    const present = entries.find((e) => e.toLowerCase() === name);
    if (present) return { wanted: basename(wanted), present, line: line.trim() };
  }
  return undefined;
}
