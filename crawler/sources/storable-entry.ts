// A source's entry made storable before it reaches the database: the same normalization as live listings
// (db/normalize-text.ts) over the server record, its key, its tools and its issues. The raw record is kept as it
// came when it is storable, else as escaped JSON text beside its normalized form (storableRaw), with what changed.
import { changed, emptyRecord, normalizeJson, storableRaw, type NormalizationRecord } from '../../db/normalize-text.ts';
import type { SourceEntry } from './source.ts';

export interface StorableEntry extends SourceEntry {
  /** What normalization changed in the server record, key and tools; undefined when nothing. */
  normalization?: NormalizationRecord;
}

export function storableEntry(entry: SourceEntry): StorableEntry {
  const record = emptyRecord();
  const { raw, ...rest } = entry;
  const normalized = normalizeJson({ ...rest }, record) as Omit<SourceEntry, 'raw'>;
  const out: StorableEntry = {
    ...normalized,
    server: { ...normalized.server },
    issues: [...normalized.issues],
    tools: normalized.tools?.map((t) => ({ ...t })),
    raw: storableRaw(raw),
  };
  if (!out.tools) delete out.tools;
  if (changed(record)) out.normalization = record;
  return out;
}
