import { seededRandom } from '../runtime-state.ts';

/**
 * Replaces `Math.random` with the phase's seeded stream (imports, queries, mutations) or
 * the engine's generator (actions).
 *
 * @example
 * ```ts
 * installMathRandom();
 * ```
 * @internal
 */
export function installMathRandom(): void {
  const engineRandom = Math.random.bind(Math);
  Object.defineProperty(Math, 'random', {
    value: function random(): number {
      const stream = seededRandom();
      return stream === null ? engineRandom() : stream.nextFloat();
    },
    writable: true,
    configurable: true,
  });
}
