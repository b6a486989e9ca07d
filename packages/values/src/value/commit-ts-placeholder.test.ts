import { describe, expect, test } from 'vitest';
import {
  CommitTsPlaceholder,
  commitTsPlaceholder,
  isCommitTsPlaceholder,
} from './commit-ts-placeholder.ts';

describe('CommitTsPlaceholder', () => {
  test('cannot be used as a number but can be printed', () => {
    expect(() => Number(commitTsPlaceholder)).toThrow('This commit timestamp is not known yet');
    expect(() => JSON.stringify(commitTsPlaceholder)).toThrow('not known yet');
    expect(() => commitTsPlaceholder.valueOf()).toThrow('not known yet');
    expect(String(commitTsPlaceholder)).toBe('[unresolved commit timestamp]');
  });

  test('is one frozen singleton that isCommitTsPlaceholder recognises', () => {
    expect(Object.isFrozen(commitTsPlaceholder)).toBe(true);
    expect(isCommitTsPlaceholder(commitTsPlaceholder)).toBe(true);
    expect(isCommitTsPlaceholder(new CommitTsPlaceholder())).toBe(true);
    expect(isCommitTsPlaceholder({ toString: () => '[unresolved commit timestamp]' })).toBe(false);
  });
});
