import { makeTimestamp, type TransitionMessage } from '@selfhost/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLogger } from '../logging/logger.ts';
import { AuthenticationManager } from './authentication-manager.ts';
import { IdentityState } from './identity-state.ts';

// An unsigned JWT: the client only reads iat/exp.
function jwt(claims: { iat: number; exp: number; sub: string }): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none' })}.${encode(claims)}.`;
}

function identityTransition(start: number, end: number): TransitionMessage {
  const version = (identity: number) => ({ querySet: 0, identity, ts: makeTimestamp(0n) });
  return {
    type: 'Transition',
    startVersion: version(start),
    endVersion: version(end),
    modifications: [],
  };
}

function setup(tokens: (string | null)[]) {
  const identity = new IdentityState();
  const calls: string[] = [];
  const fetches: boolean[] = [];
  const changes: boolean[] = [];
  const auth = new AuthenticationManager({
    identity,
    logger: createLogger({ logger: false }),
    refreshTokenLeewaySeconds: 10,
    hooks: {
      authenticate: (token) => {
        identity.setCredential({ tokenType: 'User', value: token });
        calls.push(`authenticate ${token.slice(-6)}`);
      },
      clearAuth: () => {
        identity.clear();
        calls.push('clearAuth');
      },
      pauseSocket: () => calls.push('pause'),
      resumeSocket: () => calls.push('resume'),
      stopSocket: () => {
        calls.push('stop');
        return Promise.resolve();
      },
      tryRestartSocket: () => calls.push('restart'),
    },
  });
  const fetchToken = ({ forceRefreshToken }: { forceRefreshToken: boolean }) => {
    fetches.push(forceRefreshToken);
    return Promise.resolve(tokens.shift() ?? null);
  };
  const start = () => auth.setConfig(fetchToken, (ok) => changes.push(ok));
  return { auth, identity, calls, fetches, changes, start };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000_000_000);
});
afterEach(() => vi.useRealTimers());

const now = 1_000_000_000;
const cached = jwt({ iat: now - 100, exp: now + 100, sub: 'cached' });
const fresh1 = jwt({ iat: now, exp: now + 3600, sub: 'fresh1' });
const fresh2 = jwt({ iat: now + 3590, exp: now + 7200, sub: 'fresh2' });

describe('AuthenticationManager', () => {
  test('sends the cached token while paused, then a fresh one once accepted, then refreshes before expiry', async () => {
    const { auth, calls, fetches, changes, start } = setup([cached, fresh1, fresh2]);
    await start();
    expect(calls).toEqual(['pause', `authenticate ${cached.slice(-6)}`, 'resume']);
    expect(fetches).toEqual([false]);
    auth.onTransition(identityTransition(0, 1)); // the server accepted the cached token
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual([true]);
    expect(fetches).toEqual([false, true]);
    expect(calls.at(-2)).toBe(`authenticate ${fresh1.slice(-6)}`);
    auth.onTransition(identityTransition(1, 2)); // fresh token accepted: no second onChange
    expect(changes).toEqual([true]);
    // Refetched 10 s (the leeway) before the fresh token's hour is up.
    await vi.advanceTimersByTimeAsync(3590 * 1000 - 1);
    expect(fetches).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetches).toEqual([false, true, true]);
    expect(calls).toContain(`authenticate ${fresh2.slice(-6)}`);
  });

  test('on an AuthError stops the socket, refetches with forceRefreshToken and reconnects; gives up after repeated rejections', async () => {
    const { auth, calls, fetches, changes, start } = setup([
      fresh1,
      fresh2,
      jwt({ iat: now, exp: now + 60, sub: 'third1' }),
      jwt({ iat: now, exp: now + 60, sub: 'fourth' }),
    ]);
    await start();
    calls.length = 0;
    auth.onAuthError({
      type: 'AuthError',
      error: 'bad token',
      baseVersion: 0,
      authUpdateAttempted: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['stop', `authenticate ${fresh2.slice(-6)}`, 'restart']);
    expect(fetches.at(-1)).toBe(true);
    // An error about an identity version older than the current one is ignored.
    auth.onAuthError({
      type: 'AuthError',
      error: 'stale',
      baseVersion: 0,
      authUpdateAttempted: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
    // The fresh tokens keep being rejected: two retries, then auth is given up.
    auth.onAuthError({
      type: 'AuthError',
      error: 'bad',
      baseVersion: 1,
      authUpdateAttempted: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    auth.onAuthError({
      type: 'AuthError',
      error: 'bad',
      baseVersion: 2,
      authUpdateAttempted: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    auth.onAuthError({
      type: 'AuthError',
      error: 'bad',
      baseVersion: 3,
      authUpdateAttempted: true,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(changes).toEqual([false]);
  });

  test('a fetcher with no token reports unauthenticated', async () => {
    const { calls, fetches, changes, start } = setup([null, null]);
    await start();
    expect(fetches).toEqual([false, true]);
    expect(changes).toEqual([false]);
    expect(calls).toEqual(['pause', 'restart', 'resume']);
  });
});
