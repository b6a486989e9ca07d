import { randomFillSync } from 'node:crypto';

const WORDS_PER_SEED = 4;
const POOL_WORDS = 1024;
const pool = new Uint32Array(POOL_WORDS);
let next = POOL_WORDS;

/**
 * A fresh seed for one execution's random stream (`Math.random`, `crypto.getRandomValues` in
 * queries and mutations): four random 32-bit words. The entropy is drawn from the OS 4 KiB at
 * a time (one `randomFillSync` costs ≈ 4 µs however small the buffer).
 *
 * @example
 * ```ts
 * executionSeed(); // [2740925221, 31211345, 981237801, 1203918231]
 * ```
 * @internal
 */
export function executionSeed(): number[] {
  if (next + WORDS_PER_SEED > POOL_WORDS) {
    randomFillSync(pool);
    next = 0;
  }
  const seed = [pool[next] ?? 1, pool[next + 1] ?? 2, pool[next + 2] ?? 3, pool[next + 3] ?? 4];
  next += WORDS_PER_SEED;
  return seed;
}
