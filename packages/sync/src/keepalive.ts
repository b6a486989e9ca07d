/**
 * Periods and actions of a {@link Keepalive}.
 *
 * @internal
 * @example
 * ```ts
 * const options: KeepaliveOptions = { heartbeatMs: 15_000, inactivityTimeoutMs: 120_000, sendPing, pingFrame, onTimeout };
 * ```
 */
export interface KeepaliveOptions {
  readonly heartbeatMs: number;
  readonly inactivityTimeoutMs: number;
  /** Nothing was sent for `heartbeatMs`: send a `Ping` message. */
  sendPing(): void;
  /** Every `heartbeatMs`: a WebSocket protocol ping frame. */
  pingFrame(): void;
  /** Nothing was received for `inactivityTimeoutMs`. */
  onTimeout(): void;
}

/**
 * The keepalive of one connection (compat §3.7): a `Ping` message whenever `heartbeatMs` pass
 * without sending anything (the client drops connections silent for 60 s), a protocol ping
 * frame every `heartbeatMs` (browsers answer with pongs), and a timeout when nothing at all
 * arrives for `inactivityTimeoutMs`. One timer per connection, re-armed for the earliest
 * deadline; noting traffic only stores a time, so busy connections pay nothing per frame.
 *
 * @internal
 * @example
 * ```ts
 * const keepalive = new Keepalive(options);
 * keepalive.start();
 * keepalive.noteSent();
 * keepalive.stop();
 * ```
 */
export class Keepalive {
  readonly #options: KeepaliveOptions;
  #lastSent = 0;
  #lastReceived = 0;
  #lastPingFrame = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(options: KeepaliveOptions) {
    this.#options = options;
  }

  /** Starts the clock (now counts as both sent and received). */
  start(): void {
    const now = Date.now();
    this.#lastSent = now;
    this.#lastReceived = now;
    this.#lastPingFrame = now;
    this.#arm(now);
  }

  /** A frame went out. */
  noteSent(): void {
    this.#lastSent = Date.now();
  }

  /** A frame (or pong) came in. */
  noteReceived(): void {
    this.#lastReceived = Date.now();
  }

  /** Stops for good. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #tick(): void {
    this.#timer = null;
    if (this.#stopped) return;
    const { heartbeatMs, inactivityTimeoutMs } = this.#options;
    const now = Date.now();
    if (now - this.#lastReceived >= inactivityTimeoutMs) {
      this.#options.onTimeout();
      return;
    }
    if (now - this.#lastPingFrame >= heartbeatMs) {
      this.#lastPingFrame = now;
      this.#options.pingFrame();
    }
    if (now - this.#lastSent >= heartbeatMs) {
      this.#options.sendPing();
      // Counted as sent even if the Ping had to wait behind a blocked socket: data is pending.
      this.#lastSent = now;
    }
    if (!this.#stopped) this.#arm(now);
  }

  #arm(now: number): void {
    const { heartbeatMs, inactivityTimeoutMs } = this.#options;
    const due = Math.min(
      this.#lastSent + heartbeatMs,
      this.#lastPingFrame + heartbeatMs,
      this.#lastReceived + inactivityTimeoutMs,
    );
    this.#timer = setTimeout(() => this.#tick(), Math.max(1, due - now));
    this.#timer.unref?.();
  }
}
