import type { AuthErrorMessage, TransitionMessage } from '@selfhost/protocol';
import type { Logger } from '../logging/logger.ts';
import type { AuthTokenFetcher } from './auth-token-fetcher.ts';
import { decodeJwtClaims } from './decode-jwt-claims.ts';
import type { IdentityState } from './identity-state.ts';

// setTimeout holds a signed 32-bit delay (about 24.8 days).
const MAXIMUM_REFRESH_DELAY = 20 * 24 * 60 * 60 * 1000;
// A fresh token the server rejects is retried this many times before auth is given up.
const MAX_TOKEN_CONFIRMATION_ATTEMPTS = 2;
// What a token fetch returns when setConfig()/stop() ran while it was in progress.
const STALE = Symbol('stale token fetch');

type AuthConfig = {
  readonly fetchToken: AuthTokenFetcher;
  readonly onAuthChange: (isAuthenticated: boolean) => void;
  readonly onRefreshChange: ((isRefreshing: boolean) => void) | undefined;
};

// The server is the source of truth: a token counts once a Transition advances the identity.
//   cachedToken:  sent a possibly cached token, waiting for the server to accept it
//   initialFetch: the cached fetch gave nothing, fetching a fresh token
//   freshToken:   sent a fresh token, waiting for the server to accept it
//   scheduled:    accepted; a refetch is scheduled before the token expires
//   notRefetching: accepted, but the fetcher keeps returning the same token
type AuthState =
  | { readonly state: 'noAuth' }
  | { readonly state: 'cachedToken'; readonly config: AuthConfig }
  | { readonly state: 'initialFetch'; readonly config: AuthConfig }
  | {
      readonly state: 'freshToken';
      readonly config: AuthConfig;
      readonly token: string;
      readonly hadAuth: boolean;
    }
  | {
      readonly state: 'scheduled';
      readonly config: AuthConfig;
      readonly timer: ReturnType<typeof setTimeout>;
    }
  | { readonly state: 'notRefetching'; readonly config: AuthConfig };

/**
 * What the authentication manager may do to the client around it.
 *
 * @example
 * ```ts
 * const hooks: AuthenticationHooks = { authenticate, clearAuth, pauseSocket, resumeSocket, stopSocket, tryRestartSocket };
 * ```
 */
export type AuthenticationHooks = {
  /** Use this user token from now on (sends `Authenticate`). */
  readonly authenticate: (token: string) => void;
  /** Drop the credential (sends `Authenticate{tokenType:"None"}`). */
  readonly clearAuth: () => void;
  readonly pauseSocket: () => void;
  readonly resumeSocket: () => void;
  readonly stopSocket: () => Promise<void>;
  readonly tryRestartSocket: () => void;
};

/**
 * Runs the token lifecycle of `setAuth(fetchToken, onChange)` (spec §3.6): fetch a (possibly
 * cached) token while holding the socket paused, send it, fetch a fresh one once the server
 * accepts it, refetch `refreshTokenLeewaySeconds` before it expires, and on an `AuthError` stop
 * the socket, fetch with `forceRefreshToken: true` and reconnect — giving up (and reporting
 * `onChange(false)`) after repeated rejections of fresh tokens.
 *
 * @example
 * ```ts
 * const auth = new AuthenticationManager({ identity, hooks, logger, refreshTokenLeewaySeconds: 10 });
 * await auth.setConfig(fetchToken, (ok) => console.log('authenticated:', ok));
 * ```
 */
export class AuthenticationManager {
  #auth: AuthState = { state: 'noAuth' };
  // Bumped by every fetch and by setConfig/stop, so a slow fetch of an old config is ignored.
  #configVersion = 0;
  #confirmationAttempts = 0;
  #lastRefreshing = false;
  readonly #identity: IdentityState;
  readonly #hooks: AuthenticationHooks;
  readonly #logger: Logger;
  readonly #leewaySeconds: number;
  readonly #reuseInitialToken: boolean;

  constructor(options: {
    identity: IdentityState;
    hooks: AuthenticationHooks;
    logger: Logger;
    refreshTokenLeewaySeconds: number;
    initialAuthTokenReuse?: boolean | undefined;
  }) {
    this.#identity = options.identity;
    this.#hooks = options.hooks;
    this.#logger = options.logger;
    this.#leewaySeconds = options.refreshTokenLeewaySeconds;
    this.#reuseInitialToken = options.initialAuthTokenReuse ?? false;
  }

  /** Starts authenticating with a new token fetcher (replacing any previous one). */
  async setConfig(
    fetchToken: AuthTokenFetcher,
    onChange: (isAuthenticated: boolean) => void,
    onRefreshChange?: (isRefreshing: boolean) => void,
  ): Promise<void> {
    this.#reset();
    this.#hooks.pauseSocket();
    const token = await this.#fetchToken(fetchToken, false);
    if (token === STALE) return;
    const config: AuthConfig = { fetchToken, onAuthChange: onChange, onRefreshChange };
    if (token) {
      this.#setState({ state: 'cachedToken', config });
      this.#hooks.authenticate(token);
    } else {
      this.#setState({ state: 'initialFetch', config });
      await this.#refetchToken();
    }
    this.#hooks.resumeSocket();
  }

  /** Called for every Transition: one that advances the identity confirms the token sent. */
  onTransition(transition: TransitionMessage): void {
    const { startVersion, endVersion } = transition;
    if (!this.#identity.isCurrentOrNewerVersion(endVersion.identity)) return;
    if (endVersion.identity <= startVersion.identity) return;
    this.#identity.markConfirmed();
    const auth = this.#auth;
    if (auth.state === 'cachedToken') {
      const cached = this.#identity.credential?.value;
      if (this.#reuseInitialToken && cached !== undefined)
        this.#scheduleRefetch(cached, transition.clientClockSkew);
      else void this.#refetchToken();
      auth.config.onAuthChange(true);
    } else if (auth.state === 'freshToken') {
      this.#notifyRefreshing(false);
      this.#scheduleRefetch(auth.token, undefined);
      this.#confirmationAttempts = 0;
      if (!auth.hadAuth) auth.config.onAuthChange(true);
    }
  }

  /** Called for an `AuthError`: fetches a fresh token and reconnects, or gives up. */
  onAuthError(error: AuthErrorMessage): void {
    const waiting = this.#auth.state === 'freshToken' || this.#auth.state === 'cachedToken';
    // An expired-token error while a new token is already on its way is moot.
    if (error.authUpdateAttempted === false && waiting) return;
    // The error names the identity version the server was at; an older one is about a token
    // this client has already replaced.
    if (
      error.baseVersion !== null &&
      !this.#identity.isCurrentOrNewerVersion(error.baseVersion + 1)
    )
      return;
    void this.#reauthenticate(error);
  }

  /** Forgets the fetcher (on `clearAuth`/`close`), cancelling any fetch in progress. */
  stop(): void {
    this.#reset();
    this.#configVersion += 1;
  }

  async #reauthenticate(error: AuthErrorMessage): Promise<void> {
    const auth = this.#auth;
    if (
      auth.state === 'noAuth' ||
      (auth.state === 'freshToken' && this.#confirmationAttempts >= MAX_TOKEN_CONFIRMATION_ATTEMPTS)
    ) {
      this.#logger.error(`Failed to authenticate: "${error.error}", check your server auth config`);
      // The server closes the socket after an AuthError; the next connection goes without auth.
      if (this.#identity.credential !== undefined) this.#identity.clear();
      if (auth.state !== 'noAuth') this.#reportFailed(auth.config);
      return;
    }
    if (auth.state === 'freshToken') this.#confirmationAttempts += 1;
    this.#notifyRefreshing(true);
    await this.#hooks.stopSocket();
    const current = this.#auth;
    if (current.state === 'noAuth') return; // setConfig() or stop() ran meanwhile
    const token = await this.#fetchToken(current.config.fetchToken, true);
    if (token === STALE) return;
    if (token && this.#identity.isNewToken(token)) {
      this.#hooks.authenticate(token);
      this.#setState({
        state: 'freshToken',
        config: current.config,
        token,
        hadAuth: current.state === 'notRefetching' || current.state === 'scheduled',
      });
    } else {
      if (this.#identity.credential !== undefined) this.#identity.clear();
      this.#reportFailed(current.config);
    }
    this.#hooks.tryRestartSocket();
  }

  async #refetchToken(): Promise<void> {
    const auth = this.#auth;
    if (auth.state === 'noAuth') return;
    const token = await this.#fetchToken(auth.config.fetchToken, true);
    if (token === STALE) return;
    if (token) {
      if (this.#identity.isNewToken(token)) {
        this.#setState({
          state: 'freshToken',
          config: auth.config,
          token,
          hadAuth: this.#identity.credential !== undefined,
        });
        this.#hooks.authenticate(token);
      } else {
        this.#setState({ state: 'notRefetching', config: auth.config });
      }
    } else {
      if (this.#identity.credential !== undefined) this.#hooks.clearAuth();
      this.#reportFailed(auth.config);
    }
    // A scheduled refetch may land while a reauthentication stopped the socket.
    this.#hooks.tryRestartSocket();
  }

  #scheduleRefetch(token: string, clientClockSkewMs: number | undefined): void {
    const auth = this.#auth;
    if (auth.state === 'noAuth') return;
    const claims = decodeJwtClaims(token);
    if (claims === null) {
      this.#logger.error('Auth token is not a valid JWT, cannot refetch the token');
      return;
    }
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || !iat || !exp) {
      this.#logger.error('Auth token does not have required fields, cannot refetch the token');
      return;
    }
    const lifetimeSeconds = exp - iat;
    if (lifetimeSeconds <= 2) {
      this.#logger.error('Auth token does not live long enough, cannot refetch the token');
      return;
    }
    // A fresh token lives its full lifetime from now; a cached one only until `exp` by the
    // server's clock (client clock minus the skew the server measured).
    const validSeconds =
      clientClockSkewMs === undefined
        ? lifetimeSeconds
        : Math.max(0, exp - (Date.now() - clientClockSkewMs) / 1000);
    let delay = Math.min(MAXIMUM_REFRESH_DELAY, (validSeconds - this.#leewaySeconds) * 1000);
    if (delay <= 0) {
      this.#logger.warn(
        `Refetching auth token immediately, configured leeway ${this.#leewaySeconds}s is larger than the token's lifetime ${validSeconds}s`,
      );
      delay = 0;
    }
    const timer = setTimeout(() => void this.#refetchToken(), delay);
    this.#setState({ state: 'scheduled', config: auth.config, timer });
  }

  async #fetchToken(
    fetchToken: AuthTokenFetcher,
    forceRefreshToken: boolean,
  ): Promise<string | null | undefined | typeof STALE> {
    const version = ++this.#configVersion;
    let token: string | null | undefined;
    try {
      token = await fetchToken({ forceRefreshToken });
    } catch (error) {
      this.#logger.error('Failed to fetch an auth token:', error);
      token = null;
    }
    return version === this.#configVersion ? token : STALE;
  }

  #reportFailed(config: AuthConfig): void {
    config.onAuthChange(false);
    this.#reset();
  }

  // The only way back to "noAuth"; it also ends any "refreshing" report.
  #reset(): void {
    this.#notifyRefreshing(false);
    this.#setState({ state: 'noAuth' });
  }

  #notifyRefreshing(isRefreshing: boolean): void {
    const auth = this.#auth;
    if (
      auth.state === 'noAuth' ||
      auth.state === 'initialFetch' ||
      this.#lastRefreshing === isRefreshing
    )
      return;
    if (auth.config.onRefreshChange === undefined) return;
    this.#lastRefreshing = isRefreshing;
    auth.config.onRefreshChange(isRefreshing);
  }

  #setState(next: AuthState): void {
    if (this.#auth.state === 'scheduled') clearTimeout(this.#auth.timer);
    if (next.state === 'scheduled' || next.state === 'notRefetching' || next.state === 'noAuth')
      this.#confirmationAttempts = 0;
    this.#auth = next;
  }
}
