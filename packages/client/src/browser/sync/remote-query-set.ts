import {
  MIN_TIMESTAMP,
  type StateVersion,
  type Timestamp,
  type TransitionMessage,
} from '@selfhost/protocol';
import { jsonToConvex } from '@selfhost/values';
import type { FunctionResult } from './function-result.ts';

/**
 * What the server has told this connection: the latest result of every query it has sent one
 * for, and the {@link StateVersion} those results are valid at. Each connection starts a fresh
 * set at `{querySet: 0, identity: 0, ts: 0}`; every Transition must start exactly where the last
 * one ended (spec §3.4), otherwise the client's view would silently diverge from the server's.
 *
 * @example
 * ```ts
 * const remote = new RemoteQuerySet();
 * remote.transition(transition); // throws "Invalid start version: …" if it does not chain
 * remote.results().get(queryId);
 * ```
 */
export class RemoteQuerySet {
  #version: StateVersion = { querySet: 0, identity: 0, ts: MIN_TIMESTAMP };
  readonly #results = new Map<number, FunctionResult>();

  /**
   * Applies one Transition: checks its start version, then records each query's new result or
   * drops removed ones, and moves to its end version.
   */
  transition(transition: TransitionMessage): void {
    const start = transition.startVersion;
    const current = this.#version;
    if (
      start.querySet !== current.querySet ||
      start.identity !== current.identity ||
      start.ts !== current.ts
    ) {
      throw new Error(
        `Invalid start version: ${start.ts}:${start.querySet}:${start.identity}, transitioning from ${current.ts}:${current.querySet}:${current.identity}`,
      );
    }
    for (const modification of transition.modifications) {
      switch (modification.type) {
        case 'QueryUpdated':
          this.#results.set(modification.queryId, {
            success: true,
            value: jsonToConvex(modification.value),
            logLines: modification.logLines,
          });
          break;
        case 'QueryFailed':
          this.#results.set(modification.queryId, {
            success: false,
            errorMessage: modification.errorMessage,
            errorData:
              modification.errorData === undefined
                ? undefined
                : jsonToConvex(modification.errorData),
            logLines: modification.logLines,
          });
          break;
        case 'QueryRemoved':
          this.#results.delete(modification.queryId);
          break;
        default:
          modification satisfies never;
      }
    }
    this.#version = transition.endVersion;
  }

  /** The latest result per query id. Entries keep their identity until the server changes them. */
  results(): ReadonlyMap<number, FunctionResult> {
    return this.#results;
  }

  /** The version reached by the last Transition. */
  version(): StateVersion {
    return this.#version;
  }

  /** The snapshot timestamp all held results are valid at. */
  timestamp(): Timestamp {
    return this.#version.ts;
  }
}
