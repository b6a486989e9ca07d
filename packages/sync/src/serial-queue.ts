/**
 * A FIFO of jobs run strictly one at a time (a connection's mutations, compat §3.5).
 *
 * @internal
 * @example
 * ```ts
 * const queue = new SerialQueue<Job>((job) => runMutation(job));
 * queue.push(job);
 * ```
 */
export class SerialQueue<TJob> {
  readonly #run: (job: TJob) => Promise<void>;
  #jobs: TJob[] = [];
  #head = 0;
  #busy = false;
  #stopped = false;

  constructor(run: (job: TJob) => Promise<void>) {
    this.#run = run;
  }

  /** Jobs waiting behind the running one. */
  get waiting(): number {
    return this.#jobs.length - this.#head;
  }

  /** Whether a job is running. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Appends a job; it starts when every earlier one has finished. */
  push(job: TJob): void {
    if (this.#stopped) return;
    this.#jobs.push(job);
    if (!this.#busy) void this.#drain();
  }

  /** Drops waiting jobs; the running one finishes but nothing starts after it. */
  stop(): void {
    this.#stopped = true;
    this.#jobs = [];
    this.#head = 0;
  }

  async #drain(): Promise<void> {
    this.#busy = true;
    try {
      while (!this.#stopped && this.#head < this.#jobs.length) {
        const job = this.#jobs[this.#head]!;
        this.#head++;
        if (this.#head > 64 && this.#head * 2 > this.#jobs.length) {
          this.#jobs = this.#jobs.slice(this.#head);
          this.#head = 0;
        }
        await this.#run(job);
      }
    } finally {
      this.#busy = false;
    }
  }
}
