import { describe, expect, test } from 'vitest';
import { isProtocolError } from '../protocol-error.ts';
import {
  clientVersionFromSyncPath,
  isVersionAtLeast,
  parseConvexClientHeader,
  supportsTransitionChunks,
} from './client-version.ts';

describe('parseConvexClientHeader', () => {
  test('splits at the longest semver suffix', () => {
    expect(parseConvexClientHeader('npm-1.45.0')).toEqual({ client: 'npm', version: '1.45.0' });
    expect(parseConvexClientHeader('npm-cli-1.45.0')).toEqual({
      client: 'npm-cli',
      version: '1.45.0',
    });
    expect(parseConvexClientHeader('python-convex-0.5.0')).toEqual({
      client: 'python-convex',
      version: '0.5.0',
    });
    expect(parseConvexClientHeader('custom-swift-0.0.10-alpha.0')).toEqual({
      client: 'custom-swift',
      version: '0.0.10-alpha.0',
    });
    expect(parseConvexClientHeader('some-custom-thing-1.2.3-4.5.6-alpha.7')).toEqual({
      client: 'some-custom-thing',
      version: '1.2.3-4.5.6-alpha.7',
    });
    expect(parseConvexClientHeader('NPM-1.0.0')).toEqual({ client: 'npm', version: '1.0.0' });
  });

  test('rejects headers without a client and a semver: InvalidClientVersion', () => {
    for (const bad of ['npm', 'npm1.45.0', 'npm-1.2.3.4', '-1.0.0', 'npm-latest', '']) {
      let caught: unknown;
      try {
        parseConvexClientHeader(bad);
      } catch (error) {
        caught = error;
      }
      expect(isProtocolError(caught, 'InvalidClientVersion'), bad).toBe(true);
    }
    expect(() => parseConvexClientHeader('npm')).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: Failed to parse client version string: "npm". Expected format is {client_name}-{semver}, e.g. my-esolang-client-0.0.1]`,
    );
  });
});

describe('clientVersionFromSyncPath', () => {
  test('reads the npm version from /api/<version>/sync', () => {
    expect(clientVersionFromSyncPath('/api/1.45.0/sync')).toEqual({
      client: 'npm',
      version: '1.45.0',
    });
    expect(clientVersionFromSyncPath('/api/sync')).toBeUndefined();
    expect(clientVersionFromSyncPath('/api/latest/sync')).toBeUndefined();
  });
});

describe('feature gates', () => {
  test('compare versions and gate TransitionChunk on npm ≥ 1.28.0', () => {
    expect(isVersionAtLeast({ client: 'npm', version: '1.28.0' }, '1.28.0')).toBe(true);
    expect(isVersionAtLeast({ client: 'npm', version: '1.28.0-alpha.1' }, '1.28.0')).toBe(false);
    expect(supportsTransitionChunks({ client: 'npm', version: '1.45.0' })).toBe(true);
    expect(supportsTransitionChunks({ client: 'npm', version: '1.27.9' })).toBe(false);
    expect(supportsTransitionChunks({ client: 'python-convex', version: '9.0.0' })).toBe(false);
    expect(() => isVersionAtLeast({ client: 'npm', version: '1.0.0' }, 'one')).toThrow(RangeError);
  });
});
