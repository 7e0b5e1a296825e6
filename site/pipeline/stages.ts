// Wall time of each build stage, for the build result and the benchmark.
export interface BuildStage { name: string; ms: number }

export class StageClock {
  readonly stages: BuildStage[] = [];
  #last = performance.now();
  readonly #started = this.#last;

  constructor(private readonly onStage?: (name: string) => void) {}

  /** Ends the stage that began at the previous call (or at construction). */
  end(name: string): void {
    const now = performance.now();
    this.stages.push({ name, ms: Math.round(now - this.#last) });
    this.#last = now;
    this.onStage?.(name);
  }

  get totalMs(): number {
    return Math.round(performance.now() - this.#started);
  }
}
