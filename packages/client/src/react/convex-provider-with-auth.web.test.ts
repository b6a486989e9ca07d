// @vitest-environment jsdom
import { encodeTimestamp, makeTimestamp } from '@selfhost/protocol';
import { cleanup, render, screen } from '@testing-library/react';
import { createElement, Fragment, StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket as NodeWsWebSocket } from 'ws';
import { ScriptedSyncServer } from '../browser/test-support/scripted-sync-server.ts';
import * as official from 'convex/react';
import * as ours from './index.ts';

// The same suite runs against the official `convex/react`.
const implementations = [
  ['@selfhost/client/react', ours],
  ['convex/react', official as unknown as typeof ours],
] as const;

const now = Math.floor(Date.now() / 1000);
const token = (sub: string) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, iat: now, exp: now + 3600 })).toString('base64url')}.`;
const version = (identity: number) => ({
  querySet: 0,
  identity,
  ts: encodeTimestamp(makeTimestamp(0n)),
});

afterEach(() => cleanup());

describe.each(implementations)('ConvexProviderWithAuth (%s)', (_name, lib) => {
  test('is loading until the server accepts the token, then authenticated', async () => {
    await using server = await ScriptedSyncServer.start();
    const client = new lib.ConvexReactClient(server.url, {
      webSocketConstructor: NodeWsWebSocket as unknown as typeof WebSocket,
      logger: false,
      unsavedChangesWarning: false,
    });
    // StrictMode sets auth twice; the provider's cache answers unless a refresh is forced.
    const fetchAccessToken = ({ forceRefreshToken }: { forceRefreshToken: boolean }) =>
      Promise.resolve(token(forceRefreshToken ? 'fresh' : 'cached'));
    const useAuth = () => ({ isLoading: false, isAuthenticated: true, fetchAccessToken });
    function Status(): ReactNode {
      const { isLoading, isAuthenticated } = lib.useConvexAuth();
      return createElement('i', null, `loading=${isLoading} authenticated=${isAuthenticated}`);
    }
    const app = createElement(
      Fragment,
      null,
      createElement(lib.AuthLoading, null, 'wait'),
      createElement(lib.Authenticated, null, 'in'),
      createElement(lib.Unauthenticated, null, 'out'),
      createElement(Status),
    );
    try {
      render(
        createElement(
          StrictMode,
          null,
          createElement(lib.ConvexProviderWithAuth, { client, useAuth }, app),
        ),
      );
      expect(screen.getByText('wait')).toBeTruthy();
      const connection = await server.nextConnection();
      expect(await connection.next()).toMatchObject({ type: 'Connect' });
      // The socket was held until the (cached) token was there: it goes first.
      const authenticate = await connection.next();
      expect(authenticate).toMatchObject({
        type: 'Authenticate',
        tokenType: 'User',
        baseVersion: 0,
      });
      expect((authenticate as { value: string }).value).toBe(token('cached'));
      connection.send({
        type: 'Transition',
        startVersion: version(0),
        endVersion: version(1),
        modifications: [],
      });
      await screen.findByText('in');
      expect(screen.getByText('loading=false authenticated=true')).toBeTruthy();
      expect(screen.queryByText('out')).toBeNull();
      // Then a fresh token replaces the cached one.
      let next = await connection.next();
      while (next.type !== 'Authenticate') next = await connection.next();
      expect(next).toMatchObject({ tokenType: 'User', baseVersion: 1, value: token('fresh') });
    } finally {
      cleanup(); // unmount (which clears auth) before closing the client
      await client.close();
    }
  });
});
