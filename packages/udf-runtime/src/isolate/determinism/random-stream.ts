/**
 * A small, fast pseudo-random generator (sfc32) for the seeded `Math.random` and
 * `crypto.getRandomValues` of queries and mutations: the same seed gives the same stream,
 * so a re-executed query sees the same "random" numbers.
 *
 * @example
 * ```ts
 * const stream = new RandomStream([1, 2, 3, 4]);
 * stream.nextFloat(); // 0 <= x < 1, the same for every stream with this seed
 * ```
 * @internal
 */
export class RandomStream {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: readonly number[]) {
    this.#a = (seed[0] ?? 0) >>> 0;
    this.#b = (seed[1] ?? 0) >>> 0;
    this.#c = (seed[2] ?? 0) >>> 0;
    this.#d = (seed[3] ?? 1) >>> 0;
    // Mix the seed so similar seeds do not give similar first outputs.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1) with 53 random bits, like `Math.random()`. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Fills `bytes` with random bytes. */
  fillBytes(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i += 4) {
      let word = this.nextUint32();
      for (let j = i; j < i + 4 && j < bytes.length; j++) {
        bytes[j] = word & 0xff;
        word >>>= 8;
      }
    }
  }
}
