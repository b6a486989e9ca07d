import type {
  ActionMessage,
  ActionResponseMessage,
  MutationMessage,
  MutationResponseMessage,
  Timestamp,
} from '@selfhost/protocol';
import { jsonToConvex } from '@selfhost/values';
import { logFunctionError, logFunctionLines } from '../logging/log-function-lines.ts';
import type { Logger } from '../logging/logger.ts';
import type { FunctionResult } from './function-result.ts';

type Pending = {
  // "NotSent": made while the socket could not send; goes out on the next (re)connect.
  readonly phase: 'NotSent' | 'Requested';
  readonly requestedAt: Date;
};
type Answered = {
  // A successful mutation whose writes the client has not seen in a Transition yet.
  readonly phase: 'Answered';
  readonly result: FunctionResult;
  readonly ts: Timestamp;
};
type InflightRequest = {
  readonly message: MutationMessage | ActionMessage;
  readonly resolve: (result: FunctionResult) => void;
  state: Pending | Answered;
};

/**
 * Error message of actions that were in flight when the connection dropped (spec §3.5).
 *
 * @example
 * ```ts
 * if (result.errorMessage === ACTION_CONNECTION_LOST) retryLater();
 * ```
 */
export const ACTION_CONNECTION_LOST = 'Connection lost while action was in flight';

/**
 * The mutations and actions a client has sent and not finished, keyed by request id (spec §3.5).
 *
 * - A failed mutation and every action resolve as soon as their response arrives.
 * - A successful mutation resolves only once a Transition at or past its commit `ts` has been
 *   applied, so the caller then reads its own writes.
 * - On reconnect, `restart()` returns every unfinished mutation — answered ones included, with
 *   their original request ids, oldest first — and fails the in-flight actions, which are never
 *   re-sent.
 *
 * @example
 * ```ts
 * const manager = new RequestManager(logger, () => {});
 * const promise = manager.request(mutationMessage, true);
 * manager.onResponse(response); // null: answered, waiting for a Transition
 * manager.removeCompleted(transitionTs); // resolves `promise` if transitionTs >= response.ts
 * ```
 */
export class RequestManager {
  readonly #inflight = new Map<number, InflightRequest>();
  #olderThanRestart = new Set<number>();
  readonly #logger: Logger;
  readonly #onChange: () => void;

  constructor(logger: Logger, onChange: () => void) {
    this.#logger = logger;
    this.#onChange = onChange;
  }

  /** Tracks a request; `sent` says whether the socket took the message. */
  request(message: MutationMessage | ActionMessage, sent: boolean): Promise<FunctionResult> {
    const promise = new Promise<FunctionResult>((resolve) => {
      this.#inflight.set(message.requestId, {
        message,
        resolve,
        state: { phase: sent ? 'Requested' : 'NotSent', requestedAt: new Date() },
      });
    });
    this.#onChange();
    return promise;
  }

  /**
   * Handles a `MutationResponse`/`ActionResponse`. Returns the request id and result when the
   * request is now finished (its optimistic update can go), `null` when it is unknown, already
   * answered, or a successful mutation that must wait for its Transition.
   */
  onResponse(
    response: MutationResponseMessage | ActionResponseMessage,
  ): { requestId: number; result: FunctionResult } | null {
    const request = this.#inflight.get(response.requestId);
    // Unknown ids happen after a reconnect re-sent a mutation that a Transition then completed.
    if (request === undefined || request.state.phase === 'Answered') return null;
    const source = {
      kind: request.message.type === 'Mutation' ? ('mutation' as const) : ('action' as const),
      udfPath: request.message.udfPath,
    };
    logFunctionLines(this.#logger, source, response.logLines);
    let result: FunctionResult;
    if (response.success) {
      result = { success: true, value: jsonToConvex(response.result), logLines: response.logLines };
    } else {
      logFunctionError(this.#logger, source, response.result);
      result = {
        success: false,
        errorMessage: response.result,
        errorData: response.errorData === undefined ? undefined : jsonToConvex(response.errorData),
        logLines: response.logLines,
      };
    }
    if (response.type === 'MutationResponse' && response.success) {
      request.state = { phase: 'Answered', result, ts: response.ts };
      return null;
    }
    this.#finish(response.requestId, result);
    this.#onChange();
    return { requestId: response.requestId, result };
  }

  /** Resolves every answered mutation whose commit ts is at or before `ts`; returns them. */
  removeCompleted(ts: Timestamp): Map<number, FunctionResult> {
    const completed = new Map<number, FunctionResult>();
    for (const [requestId, request] of this.#inflight) {
      if (request.state.phase === 'Answered' && request.state.ts <= ts) {
        completed.set(requestId, request.state.result);
        this.#finish(requestId, request.state.result);
      }
    }
    if (completed.size > 0) this.#onChange();
    return completed;
  }

  /**
   * For a new connection: the messages to re-send (every unfinished mutation and every action
   * not sent yet), in request order. Actions that were sent fail with
   * {@link ACTION_CONNECTION_LOST}.
   */
  restart(): (MutationMessage | ActionMessage)[] {
    this.#olderThanRestart = new Set(this.#inflight.keys());
    const messages: (MutationMessage | ActionMessage)[] = [];
    for (const [requestId, request] of this.#inflight) {
      if (request.state.phase === 'NotSent') {
        request.state = { phase: 'Requested', requestedAt: request.state.requestedAt };
        messages.push(request.message);
      } else if (request.message.type === 'Mutation') {
        // Answered ones too: the server replays the stored outcome and moves us past its ts.
        messages.push(request.message);
      } else {
        this.#finish(requestId, {
          success: false,
          errorMessage: ACTION_CONNECTION_LOST,
          logLines: [],
        });
      }
    }
    this.#onChange();
    return messages;
  }

  /** After a pause on the same connection: the messages that could not be sent meanwhile. */
  resume(): (MutationMessage | ActionMessage)[] {
    const messages: (MutationMessage | ActionMessage)[] = [];
    for (const request of this.#inflight.values()) {
      if (request.state.phase === 'NotSent') {
        request.state = { phase: 'Requested', requestedAt: request.state.requestedAt };
        messages.push(request.message);
      }
    }
    return messages;
  }

  /** Whether some request was sent and has no response yet. */
  hasIncompleteRequests(): boolean {
    for (const request of this.#inflight.values())
      if (request.state.phase === 'Requested') return true;
    return false;
  }

  /** Whether anything is unfinished, answered mutations included. */
  hasInflightRequests(): boolean {
    return this.#inflight.size > 0;
  }

  /** Whether every request re-sent at the last reconnect has finished. */
  hasSyncedPastLastReconnect(): boolean {
    return this.#olderThanRestart.size === 0;
  }

  /** When the oldest unanswered request was made, or `null` when nothing is in flight. */
  timeOfOldestInflightRequest(): Date | null {
    if (this.#inflight.size === 0) return null;
    let oldest = Date.now();
    for (const { state } of this.#inflight.values()) {
      if (state.phase !== 'Answered') oldest = Math.min(oldest, state.requestedAt.getTime());
    }
    return new Date(oldest);
  }

  /** How many mutations are unfinished. */
  inflightMutations(): number {
    return this.#count('Mutation');
  }

  /** How many actions are unfinished. */
  inflightActions(): number {
    return this.#count('Action');
  }

  #count(type: 'Mutation' | 'Action'): number {
    let count = 0;
    for (const { message } of this.#inflight.values()) if (message.type === type) count += 1;
    return count;
  }

  #finish(requestId: number, result: FunctionResult): void {
    const request = this.#inflight.get(requestId);
    this.#inflight.delete(requestId);
    this.#olderThanRestart.delete(requestId);
    request?.resolve(result);
  }
}
