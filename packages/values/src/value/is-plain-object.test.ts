import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { isArrayBuffer, isPlainObject } from './is-plain-object.ts';

describe('isPlainObject', () => {
  test('accepts object literals, null-prototype and cross-realm plain objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(runInNewContext('({ a: 1 })'))).toBe(true);
  });

  test('rejects everything else', () => {
    for (const value of [
      null,
      undefined,
      1,
      'x',
      [],
      new Date(),
      new Map(),
      new ArrayBuffer(1),
      new (class Thing {})(),
      runInNewContext('[]'),
    ]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });
});

describe('isArrayBuffer', () => {
  test('accepts ArrayBuffers from any realm, nothing else', () => {
    expect(isArrayBuffer(new ArrayBuffer(1))).toBe(true);
    expect(isArrayBuffer(runInNewContext('new ArrayBuffer(2)'))).toBe(true);
    expect(isArrayBuffer(new Uint8Array(1))).toBe(false);
    expect(isArrayBuffer({})).toBe(false);
  });
});
