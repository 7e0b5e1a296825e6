// A plain list file: one server a line, `#` comments and blank lines ignored.
//   npm:pkg@1.2.3   pkg   @scope/pkg   pypi:name   pypi:name==1.0   oci:ghcr.io/o/image:tag   https://host/mcp
import { readFile } from 'node:fs/promises';
import type { Launch } from '../launch.ts';
import { checkInteger, readOffsetCursor } from './lenient.ts';
import {
  isHttpUrl, packageLaunch, packageServerName, parseNpmSpec, parseOciRef, parsePypiSpec, remoteLaunch, remoteServerName, type PackageSpec,
} from './package-spec.ts';
import { SourceError, type ServerSource, type SourceEntry, type SourcePage } from './source.ts';

export interface ListFileSourceOptions {
  /** Path of the list file (UTF-8). */
  file: string;
  /** Entries per page (counted in lines of the file). @default 100 */
  pageSize?: number;
}

/** Cursor: the index of the next line to read. Bad lines are rejected with their line number. */
export function listFileSource(options: ListFileSourceOptions): ServerSource {
  const { file, pageSize = 100 } = options;
  if (typeof file !== 'string' || !file) throw new SourceError(`list: file must be a path, got ${JSON.stringify(file)}`, 'E_OPTIONS');
  checkInteger('list', 'pageSize', pageSize, 1);
  return {
    name: 'list',
    async *pages(cursor?: string): AsyncIterable<SourcePage> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new SourceError(`cannot read list file ${file}: ${(error as Error).message}`, 'E_LIST_FILE', error);
      }
      const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
      const firstSeen = new Map<string, number>();
      const keyOf = (i: number) => { const p = parseListLine(lines[i]); return 'entry' in p && p.entry ? p.entry.sourceKey : undefined; };
      // Duplicates refer to earlier lines, so a resumed read learns the keys before the cursor first.
      const start = readOffsetCursor(cursor, 'list');
      for (let i = 0; i < Math.min(start, lines.length); i++) { const k = keyOf(i); if (k && !firstSeen.has(k)) firstSeen.set(k, i + 1); }
      for (let at = start; at < lines.length; at += pageSize) {
        const page: SourcePage = { entries: [], rejected: [] };
        for (let i = at; i < Math.min(at + pageSize, lines.length); i++) {
          const parsed = parseListLine(lines[i]);
          if ('error' in parsed) { page.rejected.push({ sourceKey: `${file}:${i + 1}`, reason: `line ${i + 1}: ${parsed.error}` }); continue; }
          if (!parsed.entry) continue;
          const earlier = firstSeen.get(parsed.entry.sourceKey);
          if (earlier) { page.rejected.push({ sourceKey: `${file}:${i + 1}`, reason: `line ${i + 1}: duplicate of line ${earlier}` }); continue; }
          firstSeen.set(parsed.entry.sourceKey, i + 1);
          page.entries.push({ ...parsed.entry, raw: { file, line: i + 1, text: lines[i] } });
        }
        page.nextCursor = at + pageSize < lines.length ? String(at + pageSize) : undefined;
        yield page;
      }
    },
  };
}

/** One line: `{entry}` (without raw), `{}` for a blank or comment line, or `{error}` saying what is wrong. */
export function parseListLine(line: string): { entry?: Omit<SourceEntry, 'raw'> } | { error: string } {
  const text = line.replace(/(^|\s)#.*$/, '').trim();
  if (!text) return {};
  if (/\s/.test(text)) return { error: `"${text}" holds whitespace; write one identifier a line` };
  if (/^https?:\/\//i.test(text)) {
    if (!isHttpUrl(text)) return { error: `"${text}" is not a valid URL` };
    const launch = remoteLaunch(text);
    return { entry: entry(text, remoteServerName(text), 'remote', launch.transport, launch) };
  }
  const prefix = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(text);
  const [kind, spec] = prefix ? [prefix[1].toLowerCase(), prefix[2]] : ['npm', text];
  const parse = ({ npm: parseNpmSpec, pypi: parsePypiSpec, oci: parseOciRef } as Record<string, (s: string) => PackageSpec | undefined>)[kind];
  if (!parse) return { error: `unknown prefix "${kind}:" (use npm:, pypi:, oci: or an http(s) URL)` };
  if (!spec) return { error: `"${kind}:" names no ${kind === 'oci' ? 'image' : 'package'}` };
  const pkg = parse(spec);
  if (!pkg) return { error: `"${spec}" is not a valid ${kind} ${kind === 'oci' ? 'image reference' : 'package name'}` };
  const versionMark = pkg.registryType === 'pypi' ? '==' : pkg.registryType === 'oci' ? (pkg.version?.startsWith('sha256:') ? '@' : ':') : '@';
  const key = `${pkg.registryType}:${pkg.identifier}${pkg.version ? `${versionMark}${pkg.version}` : ''}`;
  return { entry: entry(key, packageServerName(pkg), pkg.registryType, 'stdio', packageLaunch(pkg), pkg) };
}

function entry(sourceKey: string, name: string, runtime: string, transport: string, launch: Launch, pkg?: PackageSpec): Omit<SourceEntry, 'raw'> {
  return {
    source: 'list',
    sourceKey,
    issues: [],
    server: {
      name, status: 'active', runtime, transport, launch,
      packageIdentifier: pkg?.identifier ?? null, packageVersion: pkg?.version ?? null, version: pkg?.version ?? null,
    },
  };
}
