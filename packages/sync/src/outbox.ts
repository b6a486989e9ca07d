import { type SyncSocket } from './sync-socket.ts';

/**
 * Limits and callbacks of an {@link Outbox}.
 *
 * @internal
 * @example
 * ```ts
 * const options: OutboxOptions = { highWaterBytes: 1 << 20, maxBytes: 64 << 20, onSent, onTransitionSent, onOverflow };
 * ```
 */
export interface OutboxOptions {
  /** Frames go to the socket only while its `bufferedAmount()` is below this. */
  readonly highWaterBytes: number;
  /** More than this waiting calls `onOverflow` (the connection is then closed). */
  readonly maxBytes: number;
  /** A frame was handed to the socket (keepalive bookkeeping). */
  onSent(): void;
  /** A queued Transition (or its last chunk) was handed to the socket: room for another. */
  onTransitionSent(): void;
  onOverflow(): void;
}

interface Frame {
  readonly text: string;
  /** The last frame of a Transition (or of its chunks). */
  readonly endsTransition: boolean;
}

/** How often a blocked outbox looks at the socket again when the transport sends no drain event. */
const POLL_MS = 250;

/**
 * The frames of one connection waiting for its socket, in order. A frame goes out at once while
 * the socket's buffer is below the high-water mark; otherwise it waits, so a slow client holds
 * at most the socket's buffer plus this queue — and the session puts at most
 * `maxBufferedTransitions` Transitions here, coalescing later updates into the next one.
 *
 * @internal
 * @example
 * ```ts
 * const outbox = new Outbox(socket, options);
 * outbox.push('{"type":"Ping"}', false);
 * outbox.pump(); // after the transport's drain event
 * ```
 */
export class Outbox {
  readonly #socket: SyncSocket;
  readonly #options: OutboxOptions;
  #frames: Frame[] = [];
  #head = 0;
  #bytes = 0;
  #transitions = 0;
  #poll: ReturnType<typeof setTimeout> | null = null;
  #closed = false;

  constructor(socket: SyncSocket, options: OutboxOptions) {
    this.#socket = socket;
    this.#options = options;
  }

  /** Transitions waiting (a chunked one counts once). */
  get transitionCount(): number {
    return this.#transitions;
  }

  /** Whether nothing is waiting. */
  get isEmpty(): boolean {
    return this.#head === this.#frames.length;
  }

  /** Sends or queues frames that must stay together and in order (one message, or all chunks of one Transition). */
  push(texts: readonly string[], isTransition: boolean): void {
    if (this.#closed || texts.length === 0) return;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      this.#frames.push({ text, endsTransition: isTransition && i === texts.length - 1 });
      this.#bytes += text.length;
    }
    if (isTransition) this.#transitions++;
    this.pump();
    if (this.#bytes > this.#options.maxBytes) this.#options.onOverflow();
  }

  /** Hands waiting frames to the socket while it has room. */
  pump(): void {
    if (this.#closed) return;
    const socket = this.#socket;
    let sentTransition = false;
    while (
      this.#head < this.#frames.length &&
      socket.bufferedAmount() < this.#options.highWaterBytes
    ) {
      const frame = this.#frames[this.#head]!;
      this.#head++;
      this.#bytes -= frame.text.length;
      socket.send(frame.text);
      this.#options.onSent();
      if (frame.endsTransition) {
        this.#transitions--;
        sentTransition = true;
      }
    }
    if (this.#head === this.#frames.length) {
      this.#frames = [];
      this.#head = 0;
    } else if (this.#poll === null) {
      this.#poll = setTimeout(() => {
        this.#poll = null;
        this.pump();
      }, POLL_MS);
      this.#poll.unref?.();
    }
    if (sentTransition) this.#options.onTransitionSent();
  }

  /** Drops everything; nothing more is sent. */
  close(): void {
    this.#closed = true;
    this.#frames = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#transitions = 0;
    if (this.#poll !== null) clearTimeout(this.#poll);
    this.#poll = null;
  }
}
