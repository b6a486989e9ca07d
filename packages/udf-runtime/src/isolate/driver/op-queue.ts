import { decodeOpResults } from '../../bridge/op-results.ts';
import { errorFromHost } from '../host.ts';
import type { HostErrorPayload } from '../../bridge/host-callbacks.ts';

// Captured before user code runs: user code may replace JSON's methods in its own context.
const stringify = JSON.stringify;
const parse = JSON.parse;

interface Waiter {
  readonly resolve: (json: string) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The host operations an execution waits for. New operations are collected as JSON
 * fragments until the host polls; the host answers them with `settle`.
 *
 * @example
 * ```ts
 * const queue = new OpQueue();
 * const promise = queue.start('1.0/get', '{"id":"x"}');
 * queue.takeFresh(); // '[{"i":1,"o":"1.0/get","a":"{\\"id\\":\\"x\\"}"}]'
 * queue.settle('1:0:4:null'); // promise resolves with 'null'
 * ```
 * @internal
 */
export class OpQueue {
  #nextId = 1;
  #fresh: string[] = [];
  readonly #waiting = new Map<number, Waiter>();

  /** Starts an operation whose arguments are JSON text; resolves with its result JSON text. */
  start(op: string, argsJson: string): Promise<string> {
    const id = this.#nextId++;
    // The arguments stay JSON text (user code can pass anything to Convex.asyncSyscall).
    this.#fresh.push(`{"i":${id},"o":${stringify(op)},"a":${stringify(argsJson)}}`);
    return new Promise<string>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
    });
  }

  /** The operations started since the last call, as a JSON array text. */
  takeFresh(): string {
    if (this.#fresh.length === 0) return '[]';
    const text = `[${this.#fresh.join(',')}]`;
    this.#fresh = [];
    return text;
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
