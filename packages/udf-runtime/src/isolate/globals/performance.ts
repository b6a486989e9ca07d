import { defineGlobal } from '../define-global.ts';
import { realTimeMs, runtimeState } from '../runtime-state.ts';

/**
 * Installs `performance`: `now()` is frozen in queries, advances with the real clock in
 * mutations and actions (as in the reference runtime), and counts from the phase start.
 *
 * @example
 * ```ts
 * installPerformance();
 * performance.now();
 * ```
 * @internal
 */
export function installPerformance(): void {
  const performance = {
    now(): number {
      if (runtimeState.phase === 'query' || runtimeState.phase === 'import') return 0;
      return realTimeMs() - runtimeState.phaseStartedAt;
    },
    get timeOrigin(): number {
      return runtimeState.frozenNowMs ?? runtimeState.phaseStartedAt;
    },
    mark: () => undefined,
    measure: () => undefined,
    toJSON(): Record<string, number> {
      return { timeOrigin: this.timeOrigin };
    },
  };
  defineGlobal('performance', performance);
}
