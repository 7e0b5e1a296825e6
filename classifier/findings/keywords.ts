// A keyword automaton (Aho–Corasick) for the cheap pre-check: one pass over a definition's text, case
// folded, reports which families of anchor words occur. Hundreds of anchors cost one table lookup per
// character, so the detailed rules run only where their anchors are (most real tools have none).

/** Characters the automaton tells apart; every other character reads as a space. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 ._/~$<|%#`\'-@+:[';
const SPACE = ALPHABET.indexOf(' ');
const CODE = new Int8Array(128).fill(SPACE);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;
for (let c = 65; c <= 90; c++) CODE[c] = c - 65;
const WIDTH = ALPHABET.length;

export class KeywordAutomaton {
  readonly #next: Int32Array;
  readonly #out: Int32Array;

  /** `anchors` maps each (lower-case) anchor to a bit mask of the families it signals (at most 31). */
  constructor(anchors: ReadonlyMap<string, number>) {
    const next: number[][] = [new Array(WIDTH).fill(-1)];
    const out: number[] = [0];
    for (const [word, mask] of anchors) {
      let s = 0;
      for (const ch of word.toLowerCase()) {
        const c = ch.charCodeAt(0) < 128 ? CODE[ch.charCodeAt(0)] : SPACE;
        if (next[s][c] < 0) { next[s][c] = next.length; next.push(new Array(WIDTH).fill(-1)); out.push(0); }
        s = next[s][c];
      }
      out[s] |= mask;
    }
    // breadth-first failure links, folded into a complete transition table
    const fail = new Array(next.length).fill(0);
    const queue: number[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const t = next[0][c];
      if (t < 0) next[0][c] = 0; else { fail[t] = 0; queue.push(t); }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      out[s] |= out[fail[s]];
      for (let c = 0; c < WIDTH; c++) {
        const t = next[s][c];
        if (t < 0) next[s][c] = next[fail[s]][c];
        else { fail[t] = next[fail[s]][c]; queue.push(t); }
      }
    }
    this.#next = new Int32Array(next.length * WIDTH);
    next.forEach((row, s) => this.#next.set(row, s * WIDTH));
    this.#out = Int32Array.from(out);
  }

  /** The union of the families of every anchor in `text` (0: none). */
  scan(text: string): number {
    const next = this.#next;
    const out = this.#out;
    let s = next[SPACE]; // the text starts after a space, so ' word' anchors match at its start
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      s = next[s * WIDTH + (ch < 128 ? CODE[ch] : SPACE)];
      found |= out[s];
    }
    return found;
  }
}
