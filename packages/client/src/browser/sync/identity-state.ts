import type { AuthenticateMessage, UserIdentityAttributes } from '@selfhost/protocol';

/**
 * The credential a client presents: a user's JWT, or an admin key (optionally acting as a user).
 *
 * @example
 * ```ts
 * const auth: AuthCredential = { tokenType: 'User', value: jwt };
 * ```
 */
export type AuthCredential =
  | { readonly tokenType: 'User'; readonly value: string }
  | {
      readonly tokenType: 'Admin';
      readonly value: string;
      readonly impersonating?: UserIdentityAttributes | undefined;
    };

/**
 * The client's side of the identity version (spec §3.2, §3.6): the credential it wants the server
 * to use and how many `Authenticate` messages this connection has sent. Each change yields the
 * message to send; while paused the version does not advance and `resume()` re-sends the latest
 * credential.
 *
 * @example
 * ```ts
 * const identity = new IdentityState();
 * send(identity.setCredential({ tokenType: 'User', value: jwt })); // baseVersion 0
 * ```
 */
export class IdentityState {
  #credential: AuthCredential | undefined;
  #version = 0;
  #paused = false;
  // Set on reconnect while a credential is re-sent, cleared when the server confirms it.
  #awaitingSinceRestart = false;

  /** Uses `credential` from now on; returns the `Authenticate` to send. */
  setCredential(credential: AuthCredential): AuthenticateMessage {
    this.#credential = credential;
    return this.#advance(authenticateMessage(credential, this.#version));
  }

  /** Drops the credential; returns the `Authenticate{tokenType:"None"}` to send. */
  clear(): AuthenticateMessage {
    this.#credential = undefined;
    this.#awaitingSinceRestart = false;
    return this.#advance({ type: 'Authenticate', tokenType: 'None', baseVersion: this.#version });
  }

  /** The credential to re-send first on a new connection (version 0 → 1), if any. */
  restart(): AuthenticateMessage | undefined {
    this.#paused = false;
    if (this.#credential === undefined) {
      this.#version = 0;
      this.#awaitingSinceRestart = false;
      return undefined;
    }
    this.#version = 1;
    this.#awaitingSinceRestart = true;
    return authenticateMessage(this.#credential, 0);
  }

  /** Stops advancing the version until {@link resume}. */
  pause(): void {
    this.#paused = true;
  }

  /** Ends a pause: the credential to send now, if any. */
  resume(): AuthenticateMessage | undefined {
    this.#paused = false;
    if (this.#credential === undefined) return undefined;
    const message = authenticateMessage(this.#credential, this.#version);
    this.#version += 1;
    return message;
  }

  /** The server confirmed the current credential (a Transition advanced the identity version). */
  markConfirmed(): void {
    this.#awaitingSinceRestart = false;
  }

  /** Whether `version` is the client's current identity version or newer. */
  isCurrentOrNewerVersion(version: number): boolean {
    return version >= this.#version;
  }

  /** Whether a credential re-sent at the last reconnect is still unconfirmed. */
  hasSyncedPastLastReconnect(): boolean {
    return !this.#awaitingSinceRestart;
  }

  /** Whether `value` differs from the credential in use. */
  isNewToken(value: string): boolean {
    return this.#credential?.value !== value;
  }

  /** The credential in use, if any. */
  get credential(): AuthCredential | undefined {
    return this.#credential;
  }

  /** The current identity version. */
  get version(): number {
    return this.#version;
  }

  #advance(message: AuthenticateMessage): AuthenticateMessage {
    if (!this.#paused) this.#version += 1;
    return message;
  }
}

function authenticateMessage(credential: AuthCredential, baseVersion: number): AuthenticateMessage {
  if (credential.tokenType === 'User')
    return { type: 'Authenticate', tokenType: 'User', value: credential.value, baseVersion };
  const message: AuthenticateMessage = {
    type: 'Authenticate',
    tokenType: 'Admin',
    value: credential.value,
    baseVersion,
  };
  if (credential.impersonating !== undefined) message.impersonating = credential.impersonating;
  return message;
}
