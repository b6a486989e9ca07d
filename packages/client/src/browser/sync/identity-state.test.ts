import { describe, expect, test } from 'vitest';
import { IdentityState } from './identity-state.ts';

describe('IdentityState', () => {
  test('counts Authenticate messages and re-sends the credential at version 0 after a reconnect', () => {
    const identity = new IdentityState();
    expect(identity.restart()).toBeUndefined();
    expect(identity.setCredential({ tokenType: 'User', value: 't1' })).toEqual({
      type: 'Authenticate',
      tokenType: 'User',
      value: 't1',
      baseVersion: 0,
    });
    expect(identity.setCredential({ tokenType: 'User', value: 't2' })).toMatchObject({
      baseVersion: 1,
    });
    expect(identity.isCurrentOrNewerVersion(1)).toBe(false);
    expect(identity.isCurrentOrNewerVersion(2)).toBe(true);
    expect(identity.restart()).toEqual({
      type: 'Authenticate',
      tokenType: 'User',
      value: 't2',
      baseVersion: 0,
    });
    expect(identity.version).toBe(1);
    expect(identity.hasSyncedPastLastReconnect()).toBe(false);
    identity.markConfirmed();
    expect(identity.hasSyncedPastLastReconnect()).toBe(true);
    expect(identity.clear()).toEqual({ type: 'Authenticate', tokenType: 'None', baseVersion: 1 });
    expect(identity.restart()).toBeUndefined();
    expect(identity.version).toBe(0);
  });

  test('does not advance while paused; resume sends the latest credential', () => {
    const identity = new IdentityState();
    identity.pause();
    identity.setCredential({
      tokenType: 'Admin',
      value: 'key',
      impersonating: { subject: 's', issuer: 'i' },
    });
    expect(identity.version).toBe(0);
    expect(identity.resume()).toEqual({
      type: 'Authenticate',
      tokenType: 'Admin',
      value: 'key',
      baseVersion: 0,
      impersonating: { subject: 's', issuer: 'i' },
    });
    expect(identity.version).toBe(1);
  });
});
