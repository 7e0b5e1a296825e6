// Postings of one search index: for every term, the best `keep` documents by score. Each posting is
// one number, ((score * 2^24 + (2^24 - 1 - doc)) * 64 + facets), so a plain numeric sort orders by
// score, then by document order; the low six bits carry the document's risk and category, for the
// filters. A term's list is trimmed to `keep` whenever it grows to 4 × keep, so memory is bounded by
// terms × 4 × keep × 8 bytes however many documents there are.
//
// A term with more documents than `keep` also gets a list per facet (`<term>:r3`, `<term>:c1`, see
// site/assets/search-tokens.js) of the best `facetKeep`, made from its postings before the first trim
// and fed after it, so that "risk:critical delete" finds the best critical documents of "delete", not
// the critical few of its best 150. A term that never exceeds `keep` is complete, and the browser
// filters it.
import { facetTerm, riskFacet, categoryFacet } from '../assets/search-tokens.js';

export const MAX_DOCS = 2 ** 24;
const SHIFT = 2 ** 24;
const FACET_BITS = 64;

/** A document's facets: risk index + 1 (0 none) in bits 3-5, category index + 1 (0 none) in bits 0-2. */
export const facetsOf = (risk: number, category: number): number => (risk + 1) * 8 + (category + 1);

export const pack = (score: number, doc: number, facets = 0): number =>
  (Math.min(255, Math.max(0, Math.round(score))) * SHIFT + (SHIFT - 1 - doc)) * FACET_BITS + facets;
export const docOf = (posting: number): number => SHIFT - 1 - (Math.floor(posting / FACET_BITS) % SHIFT);
export const scoreOf = (posting: number): number => Math.floor(posting / FACET_BITS / SHIFT);
/** Risk and category indexes of a posting's document (-1: none). */
export const riskOf = (posting: number): number => Math.floor((posting % FACET_BITS) / 8) - 1;
export const categoryOf = (posting: number): number => (posting % 8) - 1;

const descending = (a: number, b: number) => b - a;

/** The facet lists a posting goes to: its risk's (0-3) and its category's (4-8). */
const slots = (posting: number): number[] => {
  const out: number[] = [];
  const risk = riskOf(posting);
  const category = categoryOf(posting);
  if (risk >= 0) out.push(risk);
  if (category >= 0) out.push(4 + category);
  return out;
};
const SLOT_FACETS = [0, 1, 2, 3].map(riskFacet).concat([0, 1, 2, 3, 4].map(categoryFacet));

class TermList {
  data = new Float64Array(2);
  n = 0;
  constructor(readonly keep: number) {}
  /** Per-facet lists, once the term has more documents than `keep`. */
  facets: (TermList | undefined)[] | undefined;
}

export class Postings {
  readonly #terms = new Map<string, TermList>();
  #postings = 0;

  /**
   * @param keep postings kept per term
   * @param facetKeep postings kept per facet list of a term. @default min(keep, 50)
   */
  constructor(readonly keep: number, readonly facetKeep = Math.min(keep, 50)) {
    if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer; got ${keep}.`);
    if (!Number.isInteger(facetKeep) || facetKeep < 1) throw new RangeError(`facetKeep must be a positive integer; got ${facetKeep}.`);
  }

  get terms(): number { return this.#terms.size; }
  get postings(): number { return this.#postings; }

  /** Adds a document to a term; `facets` from facetsOf(). Terms with a colon (facet terms) get no facet lists. */
  add(term: string, doc: number, score: number, facets = 0): void {
    if (doc >= MAX_DOCS) throw new RangeError(`The search index holds at most ${MAX_DOCS} documents; document ${doc} is one too many.`);
    let list = this.#terms.get(term);
    // A facet's own list (`:r3`) is as long as a term's facet list: the results a filter shows.
    if (!list) this.#terms.set(term, (list = new TermList(term.startsWith(':') ? this.facetKeep : this.keep)));
    const posting = pack(score, doc, facets);
    if (list.n === list.keep * 4 && !list.facets && !term.includes(':')) this.#split(term, list);
    this.#push(list, posting);
    if (list.facets) for (const slot of slots(posting)) this.#push(list.facets[slot] ??= this.#facetList(term, slot), posting);
    this.#postings++;
  }

  /** Makes `term` a term of the index even when no document has it. */
  ensure(term: string): void {
    if (!this.#terms.has(term)) this.#terms.set(term, new TermList(this.keep));
  }

  #push(list: TermList, posting: number): void {
    if (list.n === list.data.length) {
      if (list.n >= list.keep * 4) {
        list.data.sort(descending);
        list.n = list.keep;
      } else {
        const bigger = new Float64Array(Math.min(list.keep * 4, list.data.length * 2));
        bigger.set(list.data);
        list.data = bigger;
      }
    }
    list.data[list.n++] = posting;
  }

  #facetList(term: string, slot: number): TermList {
    const list = new TermList(this.facetKeep);
    this.#terms.set(facetTerm(term, SLOT_FACETS[slot]), list);
    return list;
  }

  /** Gives a term its facet lists, from every posting it still holds (all of them, before its first trim). */
  #split(term: string, list: TermList): void {
    list.facets = [];
    for (let i = 0; i < list.n; i++) {
      const posting = list.data[i];
      for (const slot of slots(posting)) this.#push(list.facets[slot] ??= this.#facetList(term, slot), posting);
    }
  }

  /** Every term in code-unit order with its best postings, best first; the lists are released as they are read. */
  *drain(): Generator<[string, Float64Array]> {
    // Terms that outgrew `keep` without ever being trimmed get their facet lists now.
    for (const [term, list] of [...this.#terms]) if (list.n > list.keep && !list.facets && !term.includes(':')) this.#split(term, list);
    const terms = [...this.#terms.keys()].sort();
    for (const term of terms) {
      const list = this.#terms.get(term)!;
      this.#terms.delete(term);
      const best = list.data.subarray(0, list.n).sort(descending);
      yield [term, best.slice(0, Math.min(best.length, list.keep))];
    }
  }
}
