import type { ConnectionState } from './connection-state.ts';

/**
 * Tells listeners about {@link ConnectionState} changes. `markDirty()` may be called often: the
 * state is read once per microtask and listeners hear only of real changes.
 *
 * @example
 * ```ts
 * const publisher = new ConnectionStatePublisher(() => client.connectionState());
 * publisher.subscribe((state) => console.log(state.isWebSocketConnected));
 * publisher.markDirty();
 * ```
 */
export class ConnectionStatePublisher {
  readonly #read: () => ConnectionState;
  readonly #listeners = new Map<number, (state: ConnectionState) => void>();
  #nextId = 0;
  #lastPublished: string | undefined;

  constructor(read: () => ConnectionState) {
    this.#read = read;
  }

  /** Adds a listener; returns its remover. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    const id = this.#nextId++;
    this.#listeners.set(id, listener);
    return () => this.#listeners.delete(id);
  }

  /** Something in the state may have changed. */
  markDirty(): void {
    void Promise.resolve().then(() => {
      if (this.#listeners.size === 0) return;
      const state = this.#read();
      const serialized = JSON.stringify(state);
      if (serialized === this.#lastPublished) return;
      this.#lastPublished = serialized;
      for (const listener of this.#listeners.values()) listener(state);
    });
  }
}
