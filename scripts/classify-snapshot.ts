// Output identity of the heuristic classifier: classifies every tool of the unlabeled corpus and of the
// labelled sets in ../shared (grouped by server as bench/classify.ts and the eval code group them; the
// corpus also once with a catalogue and previous definitions, so shadowing and drift run), plus the
// eval reports themselves, and prints a sha256 digest per set and of everything. A per-tool JSON-lines
// dump goes to OUT (outside the repository) so two runs can be compared line by line.
// Run: npx tsx scripts/classify-snapshot.ts [OUT=/tmp/classify-snapshot.jsonl]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pickDefinition, type ToolDefinition } from '../db/tool-definition.ts';
import { buildCatalogue, type ToolCatalogue } from '../classifier/catalogue.ts';
import { classifyTools, CLASSIFIER_VERSION } from '../classifier/classify.ts';
import { evaluate } from '../classifier/eval.ts';
import { evaluateGold } from '../classifier/eval-gold.ts';
import { evaluatePoisoning } from '../classifier/eval-poisoning.ts';

const OUT = process.argv[2] ?? '/tmp/classify-snapshot.jsonl';
const shared = new URL('../../shared/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared), 'utf8').split('\n').filter((l) => l.trim());

const files = {
  corpus: read('corpus/tools-unlabeled.jsonl'),
  gold: read('eval/gold-dev.jsonl'),
  annotated: read('eval/annotated-dev.jsonl'),
  poisoning: read('eval/poisoning-dev.jsonl'),
};

/** Rows grouped by their `server` field (null or missing: 'unknown'), in first-seen order. */
function byServer(lines: string[]): Map<string, ToolDefinition[]> {
  const out = new Map<string, ToolDefinition[]>();
  for (const line of lines) {
    const row = JSON.parse(line) as Record<string, unknown>;
    const key = typeof row.server === 'string' ? row.server : 'unknown';
    const list = out.get(key);
    if (list) list.push(pickDefinition(row)); else out.set(key, [pickDefinition(row)]);
  }
  return out;
}

const dump: string[] = [];
const total = createHash('sha256');
const digests: Record<string, string> = {};

function record(set: string, items: Iterable<unknown>): void {
  const h = createHash('sha256');
  let n = 0;
  for (const item of items) {
    const line = JSON.stringify({ set, ...(item as object) });
    h.update(line).update('\n');
    dump.push(line);
    n++;
  }
  digests[set] = `${h.digest('hex')} (${n})`;
  total.update(`${set} ${digests[set]}\n`);
}

function* classified(groups: Map<string, ToolDefinition[]>, options: Parameters<typeof classifyTools>[1] = {}) {
  for (const [server, tools] of groups) {
    const results = classifyTools({ name: server, tools }, options);
    for (let i = 0; i < results.length; i++) yield { server, i, result: results[i] };
  }
}

const corpus = byServer(files.corpus);
record('corpus', classified(corpus));
const catalogue: ToolCatalogue = buildCatalogue([...corpus].flatMap(([server, tools]) => tools.map((t) => ({ name: t.name, server }))));
// every third tool had another description at the last crawl, every fifth another schema
const previous = new Map<string, ToolDefinition>();
let k = 0;
for (const tools of corpus.values()) {
  for (const t of tools) {
    k++;
    if (k % 3 === 0) previous.set(t.name, { ...t, description: `${t.description ?? ''} (older)` });
    else if (k % 5 === 0) previous.set(t.name, { ...t, inputSchema: { type: 'object' } });
  }
}
record('corpus+catalogue+previous', classified(corpus, { catalogue, previous }));
record('gold', classified(byServer(files.gold)));
record('annotated', classified(byServer(files.annotated)));
record('poisoning', classified(byServer(files.poisoning), { catalogue }));
record('eval-gold', [{ report: evaluateGold(files.gold) }]);
record('eval-annotated', [{ report: evaluate(files.annotated) }, { report: evaluate(files.annotated, { blind: true }) }]);
record('eval-poisoning', [{ report: evaluatePoisoning({
  suite: { label: 'poisoning-dev.jsonl', lines: files.poisoning },
  negatives: [{ label: 'annotated-dev.jsonl', lines: files.annotated }, { label: 'tools-unlabeled.jsonl', lines: files.corpus }],
}) }]);

writeFileSync(OUT, dump.join('\n') + '\n');
console.log(`classifier ${CLASSIFIER_VERSION}; per-tool dump: ${OUT}`);
for (const [set, d] of Object.entries(digests)) console.log(`${set.padEnd(26)} ${d}`);
console.log(`${'all'.padEnd(26)} ${total.digest('hex')}`);
