import { decodeOpResults } from '../../bridge/op-results.ts';
import { errorFromHost, hostReport, isHostReachable } from '../host.ts';
import type { HostErrorPayload } from '../../bridge/host-callbacks.ts';

// Captured before user code runs: user code may replace JSON's methods in its own context.
const parse = JSON.parse;

interface Waiter {
  readonly resolve: (json: string) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The host operations an execution waits for. Each new operation is reported to the host as
 * it starts (`report('op', id, name, argsJson)`), so the host learns about it when its call
 * into the context returns; operations started while the host cannot be called (modules
 * being imported) are reported when the function starts. The host answers them with `settle`.
 *
 * @example
 * ```ts
 * const queue = new OpQueue();
 * const promise = queue.start('1.0/get', '{"id":"x"}'); // report('op', 1, '1.0/get', '{"id":"x"}')
 * queue.settle('1:0:4:null'); // promise resolves with 'null'
 * ```
 * @internal
 */
export class OpQueue {
  #nextId = 1;
  #deferred: { readonly id: number; readonly op: string; readonly argsJson: string }[] = [];
  readonly #waiting = new Map<number, Waiter>();

  /** Starts an operation whose arguments are JSON text; resolves with its result JSON text. */
  start(op: string, argsJson: string): Promise<string> {
    const id = this.#nextId++;
    const promise = new Promise<string>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
    });
    // The arguments stay JSON text (user code can pass anything to Convex.asyncSyscall).
    if (isHostReachable()) hostReport('op', id, op, argsJson);
    else this.#deferred.push({ id, op, argsJson });
    return promise;
  }

  /** Reports the operations started while the host could not be called. */
  reportDeferred(): void {
    if (this.#deferred.length === 0) return;
    for (const { id, op, argsJson } of this.#deferred.splice(0)) hostReport('op', id, op, argsJson);
  }

  /** How many operations are still unanswered. */
  get inFlight(): number {
    return this.#waiting.size;
  }

  /** Resolves or rejects the operations answered in an op-results string. */
  settle(encoded: string): void {
    for (const result of decodeOpResults(encoded)) {
      const waiter = this.#waiting.get(result.id);
      if (waiter === undefined) continue;
      this.#waiting.delete(result.id);
      if (result.ok) waiter.resolve(result.text);
      else waiter.reject(errorFromHost(parse(result.text) as HostErrorPayload));
    }
  }
}
