// What a client holds after the frames a session sent, with the official client's checks
// (`remote_query_set.ts`: exact version chaining) plus the ordering rules of compat §3.5.
// Test-only.
import { parseServerMessage, type ServerMessage } from '@selfhost/protocol';

/** One Transition as the client applied it: the results it held afterwards. */
export interface AppliedTransition {
  readonly ts: bigint;
  readonly querySet: number;
  readonly identity: number;
  readonly results: ReadonlyMap<number, unknown>;
}

/** Replays server frames like a client; throws on any protocol violation. */
export class ClientModel {
  readonly transitions: AppliedTransition[] = [];
  readonly mutationTs = new Map<number, bigint>();
  #version = { querySet: 0, identity: 0, ts: 0n };
  readonly #results = new Map<number, unknown>();
  /** Successful mutations whose commit ts no Transition has reached yet. */
  readonly #awaiting = new Map<number, bigint>();

  get pendingMutations(): number {
    return this.#awaiting.size;
  }

  apply(text: string): void {
    const message: ServerMessage = parseServerMessage(text);
    if (message.type === 'MutationResponse') {
      if (!message.success) return;
      const ts = message.ts;
      // No Transition at or past the commit may come before its response (compat §3.5).
      // (Holds for mutations that write: a read-only one reports its snapshot ts.)
      if (this.#version.ts >= ts)
        throw new Error(
          `A Transition at ${this.#version.ts} came before the response of a mutation committed at ${ts}`,
        );
      this.mutationTs.set(message.requestId, ts);
      this.#awaiting.set(message.requestId, ts);
      return;
    }
    if (message.type !== 'Transition') return;
    const { startVersion: start, endVersion: end } = message;
    const v = this.#version;
    if (start.querySet !== v.querySet || start.identity !== v.identity || start.ts !== v.ts) {
      throw new Error(
        `Invalid start version ${JSON.stringify(start, big)} after ${JSON.stringify(v, big)}`,
      );
    }
    if (end.ts < start.ts) throw new Error(`ts went back from ${start.ts} to ${end.ts}`);
    for (const modification of message.modifications) {
      if (modification.type === 'QueryRemoved') this.#results.delete(modification.queryId);
      else if (modification.type === 'QueryUpdated')
        this.#results.set(modification.queryId, modification.value);
      else this.#results.set(modification.queryId, { failed: modification.errorMessage });
    }
    this.#version = { querySet: end.querySet, identity: end.identity, ts: end.ts };
    for (const [requestId, ts] of this.#awaiting)
      if (end.ts >= ts) this.#awaiting.delete(requestId);
    this.transitions.push({
      ts: end.ts,
      querySet: end.querySet,
      identity: end.identity,
      results: new Map(this.#results),
    });
  }
}

function big(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
