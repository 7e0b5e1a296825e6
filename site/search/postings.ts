// Postings of one search index: for every term, the best `keep` documents by score. Each posting is
// one number (score * 2^24 + (2^24 - 1 - doc)), so a plain numeric sort orders by score, then by
// document order; a term's list is trimmed to `keep` whenever it grows to 4 × keep, so memory is
// bounded by terms × 4 × keep × 8 bytes however many documents there are.

export const MAX_DOCS = 2 ** 24;
const SHIFT = 2 ** 24;

export const pack = (score: number, doc: number): number => Math.min(255, Math.max(0, Math.round(score))) * SHIFT + (SHIFT - 1 - doc);
export const docOf = (posting: number): number => SHIFT - 1 - (posting % SHIFT);
export const scoreOf = (posting: number): number => Math.floor(posting / SHIFT);

const descending = (a: number, b: number) => b - a;

class TermList {
  data = new Float64Array(2);
  n = 0;
}

export class Postings {
  readonly #terms = new Map<string, TermList>();
  #postings = 0;

  constructor(readonly keep: number) {
    if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer; got ${keep}.`);
  }

  get terms(): number { return this.#terms.size; }
  get postings(): number { return this.#postings; }

  add(term: string, doc: number, score: number): void {
    if (doc >= MAX_DOCS) throw new RangeError(`The search index holds at most ${MAX_DOCS} documents; document ${doc} is one too many.`);
    let list = this.#terms.get(term);
    if (!list) this.#terms.set(term, (list = new TermList()));
    if (list.n === list.data.length) {
      if (list.n >= this.keep * 4) {
        list.data.sort(descending);
        list.n = this.keep;
      } else {
        const bigger = new Float64Array(Math.min(this.keep * 4, list.data.length * 2));
        bigger.set(list.data);
        list.data = bigger;
      }
    }
    list.data[list.n++] = pack(score, doc);
    this.#postings++;
  }

  /** Every term in code-unit order with its best postings, best first; the lists are released as they are read. */
  *drain(): Generator<[string, Float64Array]> {
    const terms = [...this.#terms.keys()].sort();
    for (const term of terms) {
      const list = this.#terms.get(term)!;
      this.#terms.delete(term);
      const best = list.data.subarray(0, list.n).sort(descending);
      yield [term, best.slice(0, Math.min(best.length, this.keep))];
    }
  }
}
