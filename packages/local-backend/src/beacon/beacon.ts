import type { Service } from '../service/service.ts';
import type { BeaconPayload } from './beacon-payload.ts';

/** What the beacon needs to know; `payload()` is called fresh for every post (and awaited). */
export interface BeaconOptions {
  readonly url: string;
  readonly payload: () => BeaconPayload | Promise<BeaconPayload>;
  /** Time between successful posts (an hour in production). */
  readonly intervalMs?: number;
  /** Backoff after a failure starts here and doubles up to `maxBackoffMs`. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A post that takes longer than this is abandoned. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * Posts an anonymous usage beacon (random deployment id, migration version, revision, uptime)
 * every hour, backing off from 1 s to 15 min when the sink fails. It runs beside serving and
 * can never delay or break it: every post has a timeout and every error is swallowed.
 * `--disable-beacon` / `DISABLE_BEACON` keeps it from starting at all.
 *
 * @example
 * const beacon = new Beacon({ url, payload: () => ({ ... }) });
 * void beacon.run();
 */
export class Beacon implements Service {
  readonly name = 'beacon';
  readonly #options: Required<Omit<BeaconOptions, 'log'>> & Pick<BeaconOptions, 'log'>;
  #stopped = false;
  /** Aborts a post in progress when the beacon stops (shutdown must not wait for the sink). */
  readonly #abort = new AbortController();
  #wake: (() => void) | undefined;
  #posts = 0;

  constructor(options: BeaconOptions) {
    this.#options = {
      intervalMs: 60 * 60 * 1000,
      minBackoffMs: 1000,
      maxBackoffMs: 15 * 60 * 1000,
      timeoutMs: 10_000,
      ...options,
    };
  }

  /** How many posts the sink acknowledged so far. */
  get successfulPosts(): number {
    return this.#posts;
  }

  async run(): Promise<void> {
    let backoff = this.#options.minBackoffMs;
    while (!this.#stopped) {
      const ok = await this.#post();
      if (ok) {
        this.#posts += 1;
        backoff = this.#options.minBackoffMs;
        await this.#sleep(this.#options.intervalMs);
      } else {
        await this.#sleep(backoff);
        backoff = Math.min(backoff * 2, this.#options.maxBackoffMs);
      }
    }
  }

  stop(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.#wake?.();
    return Promise.resolve();
  }

  async #post(): Promise<boolean> {
    try {
      const response = await fetch(this.#options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(await this.#options.payload()),
        signal: AbortSignal.any([AbortSignal.timeout(this.#options.timeoutMs), this.#abort.signal]),
      });
      await response.body?.cancel();
      return response.ok;
    } catch (error) {
      if (this.#stopped) return false;
      this.#options.log?.(`beacon: post failed (${(error as Error).message}); will retry`);
      return false;
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
