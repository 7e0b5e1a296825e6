// The search results' display records (small JSON arrays), kept as UTF-8 in 1 MB chunks with an
// offset table: about 100 bytes a document and no per-document JavaScript object.
const CHUNK = 1 << 20;

export class DocStore {
  readonly #chunks: Buffer[] = [Buffer.allocUnsafe(CHUNK)];
  #used = 0;
  /** Per document: chunk index, start, length. */
  #index = new Uint32Array(3 * 1024);
  #count = 0;

  get size(): number { return this.#count; }

  /** Stores a record and returns its document number. */
  add(record: string): number {
    const bytes = Buffer.byteLength(record);
    if (bytes > CHUNK) throw new RangeError(`A search record of ${bytes} bytes is larger than a chunk; keep records short.`);
    if (this.#used + bytes > CHUNK) { this.#chunks.push(Buffer.allocUnsafe(CHUNK)); this.#used = 0; }
    const chunk = this.#chunks.length - 1;
    this.#chunks[chunk].write(record, this.#used);
    if (this.#index.length < (this.#count + 1) * 3) {
      const bigger = new Uint32Array(this.#index.length * 2);
      bigger.set(this.#index);
      this.#index = bigger;
    }
    this.#index.set([chunk, this.#used, bytes], this.#count * 3);
    this.#used += bytes;
    return this.#count++;
  }

  get(doc: number): string {
    if (doc < 0 || doc >= this.#count) throw new RangeError(`No search record ${doc}; there are ${this.#count}.`);
    const [chunk, start, length] = this.#index.subarray(doc * 3, doc * 3 + 3);
    return this.#chunks[chunk].toString('utf8', start, start + length);
  }
}
