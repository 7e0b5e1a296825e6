// Render workers: a few threads, each with its own Astro container, fed render requests with
// back-pressure (at most `perWorker` requests in flight per worker), so the build's main thread
// reads the database only as fast as pages are written.
import { Worker } from 'node:worker_threads';
import type { RenderStats, WorkerInit, WorkerReply, WorkerRequest } from '../src/render/worker-entry.ts';

type Request = WorkerRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

interface Slot { worker: Worker; busy: number }

export class RenderPool {
  readonly totals: RenderStats = { pages: 0, files: 0, bytes: 0, renderMs: 0, writeMs: 0 };
  readonly #slots: Slot[] = [];
  readonly #pending = new Map<number, { resolve: (s: RenderStats) => void; reject: (e: Error) => void; slot: Slot }>();
  readonly #waiters: (() => void)[] = [];
  #nextId = 1;
  #failure: Error | undefined;

  private constructor(private readonly perWorker: number) {}

  /** Starts `workers` threads and waits until each has loaded the views. */
  static async start(options: { workers: number; bundleUrl: string; init: WorkerInit; perWorker?: number }): Promise<RenderPool> {
    const { workers, bundleUrl, init, perWorker = 2 } = options;
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer; got ${workers}.`);
    const pool = new RenderPool(perWorker);
    await Promise.all(Array.from({ length: workers }, () => pool.#spawn(bundleUrl, init)));
    return pool;
  }

  #spawn(bundleUrl: string, init: WorkerInit): Promise<void> {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { bundleUrl, init } });
    const slot: Slot = { worker, busy: 0 };
    this.#slots.push(slot);
    return new Promise((ready, fail) => {
      worker.on('message', (reply: WorkerReply | { type: 'ready' }) => {
        if (reply.type === 'ready') { ready(); return; }
        const pending = this.#pending.get(reply.id);
        if (!pending) return;
        this.#pending.delete(reply.id);
        pending.slot.busy--;
        this.#waiters.shift()?.();
        if (reply.type === 'done') {
          for (const key of ['pages', 'files', 'bytes', 'renderMs', 'writeMs'] as const) this.totals[key] += reply.stats[key];
          pending.resolve(reply.stats);
        } else pending.reject(Object.assign(new Error(`A render worker failed: ${reply.message}`), { stack: reply.stack }));
      });
      worker.on('error', (error) => { this.#fail(error); fail(error); });
      worker.on('exit', (code) => { if (code !== 0) this.#fail(new Error(`A render worker exited with code ${code}.`)); });
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const [id, pending] of this.#pending) { this.#pending.delete(id); pending.reject(error); }
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Sends a request to the least busy worker, first waiting for room; resolves when it is written. */
  async submit(request: Request): Promise<RenderStats> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      const slot = this.#slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy < this.perWorker) {
        slot.busy++;
        const id = this.#nextId++;
        const done = new Promise<RenderStats>((resolve, reject) => this.#pending.set(id, { resolve, reject, slot }));
        slot.worker.postMessage({ ...request, id });
        return done;
      }
      await new Promise<void>((wake) => this.#waiters.push(wake));
    }
  }

  /** Waits until a worker has room (for reading ahead without queueing unboundedly). */
  async room(): Promise<void> {
    while (!this.#failure && this.#slots.every((s) => s.busy >= this.perWorker)) await new Promise<void>((wake) => this.#waiters.push(wake));
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
