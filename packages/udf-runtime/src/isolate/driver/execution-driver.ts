import { REUSABLE_MARK } from '../../bridge/driver-report.ts';
import type { ExecutionRequest } from '../../bridge/execution-request.ts';
import { analyzeNamespace } from '../analysis/analyze-namespace.ts';
import { serializeThrown } from '../errors/serialize-thrown.ts';
import { hostReport, setHostReachable } from '../host.ts';
import { enterExecutionPhase, realTimeMs } from '../runtime-state.ts';
import { currentExecution } from './current-execution.ts';
import { invokeFunction } from './invoke-function.ts';
import { RealmFingerprint } from './realm-fingerprint.ts';
import { failUncatchable, uncatchableFailure } from './uncatchable.ts';

// Captured before user code runs: user code may replace JSON's or promises' methods in its
// own context.
const stringify = JSON.stringify;
const parse = JSON.parse;
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called through `apply` with a promise receiver
const promiseThen = Promise.prototype.then;
const promiseResolve = Promise.resolve.bind(Promise);
const apply = Reflect.apply;

/**
 * The entry points the host calls on a context (always with `applySync`; microtasks run
 * before each call returns). Nothing is polled: during each call the runtime reports to the
 * host what the function did (`report('op' | 'done' | 'error' | 'fatal' | 'timer', …)`).
 *
 * - `start(requestJson, namespace)` begins one function execution;
 * - `resume(results)` answers host operations (an op-results string);
 * - `fireTimers()` runs the action timers that are due.
 *
 * @example
 * ```ts
 * const driver = createDriver();
 * driver.start('{"udfType":"query",…}', namespace); // report('done', '1')
 * ```
 * @internal
 */
export interface Driver {
  readonly start: (requestJson: string, namespace: unknown) => void;
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
  let running = false;
  let reusable = false;
  let fingerprint: RealmFingerprint | null = null;
  const { ops, timers } = currentExecution;

  // A query or mutation that returned with nothing pending and left the intrinsics alone
  // leaves its context fit for the next execution of the same module.
  const fitForReuse = (): boolean =>
    reusable && ops.inFlight === 0 && uncatchableFailure() === undefined && fingerprint !== null && fingerprint.unchanged();

  const reportResult = (result: unknown): void => {
    running = false;
    if (typeof result === 'string') hostReport('done', result, fitForReuse() ? REUSABLE_MARK : undefined);
    else hostReport('error', stringify({ message: 'The function did not return JSON text' }));
  };

  const reportThrown = (error: unknown): void => {
    running = false;
    hostReport('error', stringify(serializeThrown(error)));
  };

  const start = (requestJson: string, namespace: unknown): void => {
    if (running) throw new Error('This context is still running a function');
    running = true;
    const request = parse(requestJson) as ExecutionRequest;
    reusable = request.udfType === 'query' || request.udfType === 'mutation';
    enterExecutionPhase({ phase: request.udfType, seed: request.seed, nowMs: request.nowMs, requestId: request.requestId });
    setHostReachable(true);
    ops.reportDeferred();
    const fatal = uncatchableFailure();
    if (fatal !== undefined) hostReport('fatal', stringify(fatal));
    if (typeof namespace !== 'object' || namespace === null) {
      reportThrown(new Error(`Module ${request.modulePath} could not be loaded`));
      return;
    }
    // What the modules left after their import is the baseline later executions must keep.
    if (reusable) fingerprint ??= RealmFingerprint.capture();
    let execution: unknown;
    try {
      execution = invokeFunction(namespace as Record<string, unknown>, request);
    } catch (error) {
      reportThrown(error);
      return;
    }
    // The library returns a promise; `promiseResolve` adopts it without an extra tick.
    void apply(promiseThen, promiseResolve(execution), [reportResult, reportThrown]);
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
        // Reported; the host ends the execution with it.
      }
    }
  };

  const analyze = (namespace: unknown, modulePath: string): string => {
    setHostReachable(true);
    if (typeof namespace !== 'object' || namespace === null) throw new Error(`Module ${modulePath} could not be loaded`);
    return stringify(analyzeNamespace(namespace as Record<string, unknown>, modulePath));
  };

  return Object.freeze({ start, resume, fireTimers, analyze });
}

/**
 * The driver as one function, so the host holds a single reference per context:
 * `call('start', requestJson, namespace)`, `call('resume', results)`, `call('fireTimers')`,
 * `call('analyze', namespace, modulePath)`, and `call('touch')`, which does nothing.
 *
 * @example
 * ```ts
 * const call = driverFunction(createDriver());
 * call('resume', '1:0:4:null');
 * ```
 * @internal
 */
export function driverFunction(driver: Driver): (method: string, first?: unknown, second?: unknown) => unknown {
  return (method, first, second) => {
    switch (method) {
      case 'start':
        return driver.start(String(first), second);
      case 'resume':
        return driver.resume(String(first));
      case 'fireTimers':
        return driver.fireTimers();
      case 'analyze':
        return driver.analyze(first, String(second));
      case 'touch':
        // The host enters a prepared context once ahead of its request (see `IsolateSlot`).
        return undefined;
      default:
        throw new Error(`Unknown driver method ${method}`);
    }
  };
}
