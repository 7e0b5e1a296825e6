// Lays the search index out as a trie of small JSON shards under /search/n/ and writes them.
// A shard holds every term under its key prefix when they fit in `shardBytes`; otherwise it is split
// by the next character, and the internal shard keeps the best `head` results under its prefix (what
// a short, still-typed query shows) and the term equal to its key. The browser fetches the shard of
// a word's first letter, then walks down only as deep as the word needs: a few small files per word.
// A shard also names the category facet of each of its terms that is a verb ("v": {"delet": "c1"}),
// so the browser learns a word's class from the shard it fetches for the word anyway.
// manifest.json describes the index (counts, first letters); the browser does not need it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyFile, MAX_JOINED } from '../assets/search-tokens.js';
import type { DocStore } from './doc-store.ts';
import { docOf, scoreOf } from './postings.ts';

export interface ShardOptions {
  /** Estimated size above which a shard is split. @default 48_000 */
  shardBytes?: number;
  /** Results kept in an internal shard for prefixes shorter than its children. @default 24 */
  head?: number;
  /** Keys longer than this are never split. @default 40 (MAX_JOINED: joined names that share a long prefix still split) */
  maxDepth?: number;
  /** Estimated size above which a shard of facet lists (keys with a colon: `delet:c1`) is split; one list is read at a time. @default 8_000 */
  facetShardBytes?: number;
  /** The category facet a term stands for (verbs: delet → c1), written beside the term. @default none */
  classes?: ReadonlyMap<string, string>;
}

export interface ShardStats { shards: number; bytes: number; largest: number; terms: number }

type Term = [string, Float64Array];
const RECORD_ESTIMATE = 110;

/** Best postings per document, best first, at most `n`. */
function top(lists: Float64Array[], n: number): number[] {
  const all = lists.flatMap((l) => Array.from(l)).sort((a, b) => b - a);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const p of all) {
    const doc = docOf(p);
    if (seen.has(doc)) continue;
    seen.add(doc);
    out.push(p);
    if (out.length === n) break;
  }
  return out;
}

export async function writeShards(terms: Term[], docs: DocStore, dir: string, options: ShardOptions = {}): Promise<ShardStats> {
  const { shardBytes = 48_000, head = 24, maxDepth = MAX_JOINED, facetShardBytes = 8_000, classes = new Map<string, string>() } = options;
  await mkdir(join(dir, 'n'), { recursive: true });
  const stats: ShardStats = { shards: 0, bytes: 0, largest: 0, terms: terms.length };
  const pending: Promise<void>[] = [];

  const write = async (key: string, own: Term[], children: string[] | undefined, best: number[] | undefined) => {
    const local = new Map<number, number>();
    const records: string[] = [];
    const ref = (p: number) => {
      const doc = docOf(p);
      let i = local.get(doc);
      if (i === undefined) { local.set(doc, (i = records.length)); records.push(docs.get(doc)); }
      return `${i},${scoreOf(p)}`;
    };
    const t = own.map(([term, list]) => `${JSON.stringify(term)}:[${Array.from(list, ref).join(',')}]`).join(',');
    const h = best ? `,"h":[${best.map(ref).join(',')}]` : '';
    const c = children ? `,"c":${JSON.stringify(children)}` : '';
    const verbs = own.filter(([term]) => classes.has(term)).map(([term]) => `${JSON.stringify(term)}:${JSON.stringify(classes.get(term))}`);
    const v = verbs.length ? `,"v":{${verbs.join(',')}}` : '';
    const text = `{"k":${JSON.stringify(key)},"t":{${t}}${c}${h}${v},"d":[${records.join(',')}]}`;
    stats.shards++;
    stats.bytes += Buffer.byteLength(text);
    stats.largest = Math.max(stats.largest, Buffer.byteLength(text));
    pending.push(writeFile(join(dir, 'n', `${keyFile(key)}.json`), text));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  };

  const size = (lo: number, hi: number) => {
    let bytes = 0;
    for (let i = lo; i < hi; i++) bytes += terms[i][0].length + 8 + terms[i][1].length * (RECORD_ESTIMATE + 8);
    return bytes;
  };

  /** Lays out terms[lo, hi), all starting with `key`; returns the subtree's best postings. */
  const layout = async (key: string, lo: number, hi: number): Promise<number[]> => {
    const facets = key.includes(':');
    if (key && (size(lo, hi) <= (facets ? facetShardBytes : shardBytes) || key.length >= maxDepth)) {
      const own = terms.slice(lo, hi);
      await write(key, own, undefined, undefined);
      return top(own.map(([, l]) => l), head);
    }
    let start = lo;
    const own: Term[] = [];
    if (start < hi && terms[start][0] === key) own.push(terms[start++]);
    const children: string[] = [];
    const heads: Float64Array[] = own.map(([, l]) => l);
    while (start < hi) {
      const next = String.fromCodePoint(terms[start][0].slice(key.length).codePointAt(0)!);
      const childKey = key + next;
      let end = start;
      while (end < hi && terms[end][0].startsWith(childKey)) end++;
      children.push(next);
      heads.push(Float64Array.from(await layout(childKey, start, end)));
      start = end;
    }
    // Nobody types a facet list's name: its internal shards need no head.
    const best = top(heads, head);
    if (key) await write(key, own, children, facets ? undefined : best);
    else rootChildren = children;
    return best;
  };

  let rootChildren: string[] = [];
  await layout('', 0, terms.length);
  await Promise.all(pending);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ v: 2, docs: docs.size, terms: terms.length, shards: stats.shards, c: rootChildren }));
  return stats;
}
