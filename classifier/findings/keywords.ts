// A keyword automaton (Aho–Corasick) for the cheap pre-check: one pass over a definition's text, case
// folded, reports which families of anchor words occur. Hundreds of anchors cost one table lookup per
// character, so the detailed rules run only where their anchors are (most real tools have none).

/** Characters the automaton tells apart; every other character reads as a space. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789 ._/~$<|%#`\'-@+:[';
const SPACE = ALPHABET.indexOf(' ');
/** Control characters (not tab, line feed, carriage return) read as spaces but are reported (CONTROL_SEEN). */
const CONTROL = ALPHABET.length;
const CODE = new Int8Array(128).fill(SPACE);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;
for (let c = 65; c <= 90; c++) CODE[c] = c - 65;
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) CODE[c] = CONTROL;
CODE[127] = CONTROL;
const WIDTH = ALPHABET.length + 1;

/** Reported by `scan` when the text has a character outside ASCII. */
export const NON_ASCII_SEEN = 1 << 30;
/** Reported by `scan` when the text has a control character other than tab and line breaks. */
export const CONTROL_SEEN = 1 << 29;
/** Reported by `scan` when the text has eight line feeds in a row (white space between them allowed). */
export const NEWLINES_SEEN = 1 << 28;
const NEWLINE_RUN = 8;

/**
 * What the scan reads from each character, packed so that its loop has no branches on the character: the
 * class (bits 0-7), a line feed (bit 8), a character that keeps a run of line feeds going (bit 9: the space
 * class), and CONTROL_SEEN / NON_ASCII_SEEN. Index 128 stands for every character outside ASCII.
 */
const LINE_FEED = 1 << 8;
const KEEPS_RUN = 1 << 9;
const SEEN = CONTROL_SEEN | NON_ASCII_SEEN;
const READ = new Int32Array(129);
for (let ch = 0; ch < 128; ch++) {
  const c = CODE[ch];
  READ[ch] = c | (ch === 10 ? LINE_FEED : 0) | (c === SPACE ? KEEPS_RUN : 0) | (c === CONTROL ? CONTROL_SEEN : 0);
}
READ[128] = SPACE | NON_ASCII_SEEN;

export class KeywordAutomaton {
  /**
   * Transitions by state × WIDTH plus character class; values are states, with `#found` set on those that
   * report families. 16-bit while the states fit, so the table is half the size (it is read once per
   * character, and cache misses are most of the scan's cost).
   */
  readonly #next: Uint16Array | Uint32Array;
  /** The flag bit of a transition to a state with families: `#out` is read only then, not at every character. */
  readonly #found: number;
  /** Families found on entering a state, by state (a small array, apart from the transitions). */
  readonly #out: Int32Array;
  readonly states: number;

  /** `anchors` maps each (lower-case) anchor to a bit mask of the families it signals (bits 0 to 27). */
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
    // a control character moves like a space
    for (const row of next) row[CONTROL] = row[SPACE];
    // breadth-first failure links, folded into a complete transition table
    const fail = new Array(next.length).fill(0);
    const queue: number[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const t = next[0][c];
      if (t < 0) next[0][c] = 0; else if (c !== CONTROL) { fail[t] = 0; queue.push(t); }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      out[s] |= out[fail[s]];
      for (let c = 0; c < WIDTH; c++) {
        const t = next[s][c];
        if (t < 0) next[s][c] = next[fail[s]][c];
        else if (c === CONTROL) continue; // the same child as SPACE, queued once
        else { fail[t] = next[fail[s]][c]; queue.push(t); }
      }
    }
    this.states = next.length;
    // States numbered breadth-first (the root, then the queue's order): the shallow states, where the scan
    // spends nearly all its time, sit together in a few pages of the table instead of among the deep ones.
    const order = [0, ...queue];
    const rank = new Int32Array(next.length);
    order.forEach((s, k) => { rank[s] = k; });
    const small = next.length <= 0x8000;
    this.#next = small ? new Uint16Array(next.length * WIDTH) : new Uint32Array(next.length * WIDTH);
    this.#found = small ? 0x8000 : 0x40000000;
    this.#out = new Int32Array(next.length);
    order.forEach((s, k) => {
      this.#out[k] = out[s];
      for (let c = 0; c < WIDTH; c++) {
        const t = next[s][c];
        this.#next[k * WIDTH + c] = rank[t] | (out[t] ? this.#found : 0);
      }
    });
  }

  /**
   * The union of the families of every anchor in `text` (0: none), with NON_ASCII_SEEN and CONTROL_SEEN;
   * `from` and `to` scan a part of it as if it were the whole (a sentence of a field, without slicing).
   */
  scan(text: string, from = 0, to = text.length): number {
    const next = this.#next;
    const out = this.#out;
    const flag = this.#found;
    const state = flag - 1;
    let s = next[SPACE] & state; // the text starts after a space, so ' word' anchors match at its start
    let found = 0;
    let lines = 0;
    for (let i = from; i < to; i++) {
      const ch = text.charCodeAt(i);
      const r = READ[ch < 128 ? ch : 128];
      // a line feed counts, the space class (line feeds included) keeps the run, anything else ends it
      lines = (lines + ((r & LINE_FEED) >> 8)) * ((r & KEEPS_RUN) >> 9);
      if (lines >= NEWLINE_RUN) found |= NEWLINES_SEEN;
      found |= r & SEEN;
      const t = next[s * WIDTH + (r & 0xff)];
      s = t & state;
      if (t & flag) found |= out[s];
    }
    return found;
  }
}
