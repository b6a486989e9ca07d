import type { ExecutionRequest } from '../../bridge/execution-request.ts';
import { analyzeNamespace } from '../analysis/analyze-namespace.ts';
import { serializeThrown } from '../errors/serialize-thrown.ts';
import { setHostReachable } from '../host.ts';
import { enterExecutionPhase, realTimeMs } from '../runtime-state.ts';
import { currentExecution } from './current-execution.ts';
import { invokeFunction } from './invoke-function.ts';
import { warmUp } from './warm-up.ts';
import { failUncatchable, uncatchableFailure } from './uncatchable.ts';

// Captured before user code runs: user code may replace JSON's methods in its own context.
const stringify = JSON.stringify;
const parse = JSON.parse;

/**
 * The four entry points the host calls on a context (always with `applySync`; microtasks
 * run between two calls):
 *
 * - `start(requestJson, namespace)` begins one function execution;
 * - `poll()` reports the outcome or the host operations to perform (a `DriverStatus` string);
 * - `resume(results)` answers host operations (an op-results string);
 * - `fireTimers()` runs the action timers that are due.
 *
 * @example
 * ```ts
 * const driver = createDriver();
 * driver.start('{"udfType":"query",…}', namespace);
 * driver.poll(); // 'D{"ok":true}'
 * ```
 * @internal
 */
export interface Driver {
  readonly start: (requestJson: string, namespace: unknown) => void;
  readonly poll: () => string;
  readonly resume: (results: string) => void;
  readonly fireTimers: () => void;
  /** Push-time analysis of an imported module: JSON of a `RawModuleAnalysis`. */
  readonly analyze: (namespace: unknown, modulePath: string) => string;
}

/**
 * Creates the driver of this context.
 *
 * @example
 * ```ts
 * const driver = createDriver();
 * ```
 * @internal
 */
export function createDriver(): Driver {
  let outcome: string | undefined;
  let started = false;
  const { ops, timers } = currentExecution;

  const start = (requestJson: string, namespace: unknown): void => {
    if (started) throw new Error('This context already ran a function');
    started = true;
    const request = parse(requestJson) as ExecutionRequest;
    enterExecutionPhase({ phase: request.udfType, seed: request.seed, nowMs: request.nowMs, requestId: request.requestId });
    setHostReachable(true);
    const run = async (): Promise<unknown> => {
      if (typeof namespace !== 'object' || namespace === null) throw new Error(`Module ${request.modulePath} could not be loaded`);
      return await invokeFunction(namespace as Record<string, unknown>, request);
    };
    run().then(
      (result) => {
        outcome = typeof result === 'string' ? `D${result}` : `E${stringify({ message: 'The function did not return JSON text' })}`;
      },
      (error: unknown) => {
        outcome = `E${stringify(serializeThrown(error))}`;
      },
    );
  };

  const poll = (): string => {
    const fatal = uncatchableFailure();
    if (fatal !== undefined) return `E${stringify(fatal)}`;
    if (outcome !== undefined) return outcome;
    return `P{"ops":${ops.takeFresh()},"timer":${timers.nextDue() ?? 'null'},"inFlight":${ops.inFlight}}`;
  };

  const resume = (results: string): void => {
    ops.settle(results);
  };

  const fireTimers = (): void => {
    try {
      timers.runDue(realTimeMs());
    } catch (error) {
      try {
        failUncatchable(serializeThrown(error).message);
      } catch {
        // Recorded; the next poll reports it.
      }
    }
  };

  const analyze = (namespace: unknown, modulePath: string): string => {
    setHostReachable(true);
    if (typeof namespace !== 'object' || namespace === null) throw new Error(`Module ${modulePath} could not be loaded`);
    return stringify(analyzeNamespace(namespace as Record<string, unknown>, modulePath));
  };

  return Object.freeze({ start, poll, resume, fireTimers, analyze });
}

/**
 * The driver as one function, so the host holds a single reference per context:
 * `call('start', requestJson, namespace)`, `call('poll')`, `call('resume', results)`,
 * `call('fireTimers')`, `call('analyze', namespace, modulePath)`.
 *
 * @example
 * ```ts
 * const call = driverFunction(createDriver());
 * call('poll'); // 'D1'
 * ```
 * @internal
 */
export function driverFunction(driver: Driver): (method: string, first?: unknown, second?: unknown) => unknown {
  return (method, first, second) => {
    switch (method) {
      case 'start':
        return driver.start(String(first), second);
      case 'poll':
        return driver.poll();
      case 'resume':
        return driver.resume(String(first));
      case 'fireTimers':
        return driver.fireTimers();
      case 'analyze':
        return driver.analyze(first, String(second));
      case 'warmUp':
        void warmUp();
        return undefined;
      default:
        throw new Error(`Unknown driver method ${method}`);
    }
  };
}
