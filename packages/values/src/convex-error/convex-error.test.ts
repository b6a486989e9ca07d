import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { OfficialConvexError } from '../test-support/official.ts';
import type { Value } from '../value/value.ts';
import { CONVEX_ERROR_MARKER, ConvexError } from './convex-error.ts';
import {
  convexErrorDataToText,
  convexErrorFromWire,
  convexErrorToWire,
  parseConvexErrorData,
} from './convex-error-wire.ts';
import { isConvexError } from './is-convex-error.ts';

describe('ConvexError', () => {
  test('has the shape and message of the convex/values ConvexError', () => {
    const samples: Value[] = ['plain message', { code: 'NOT_FOUND', n: 5n }, [1, null], 42, null];
    for (const data of samples) {
      const ours = new ConvexError(data);
      const theirs = new OfficialConvexError(data as never);
      expect(ours.message).toBe(theirs.message);
      expect(ours.name).toBe('ConvexError');
      expect(ours.data).toBe(data);
      expect(ours).toBeInstanceOf(Error);
      expect(ours[CONVEX_ERROR_MARKER]).toBe(true);
      expect((theirs as unknown as Record<symbol, unknown>)[Symbol.for('ConvexError')]).toBe(true);
    }
    expect(new ConvexError({ n: 5n }).message).toBe('{"n":"5n"}');
  });
});

describe('isConvexError', () => {
  test('recognises ConvexErrors by their marker, across copies and realms', () => {
    expect(isConvexError(new ConvexError('x'))).toBe(true);
    expect(isConvexError(new OfficialConvexError('x'))).toBe(true);
    const foreign: unknown = runInNewContext(
      "const e = new Error('x'); e[Symbol.for('ConvexError')] = true; e.data = 1; e",
    );
    expect(isConvexError(foreign)).toBe(true);
    expect(isConvexError(new Error('x'))).toBe(false);
    expect(isConvexError({ [Symbol.for('ConvexError')]: 'yes' })).toBe(false);
    expect(isConvexError(null)).toBe(false);
    expect(isConvexError('ConvexError')).toBe(false);
  });
});

describe('ConvexError data on the wire', () => {
  test('round-trips data through its Convex-JSON text', () => {
    const data: Value = { code: 'LIMIT', max: 10n, bytes: new Uint8Array([1]).buffer };
    const text = convexErrorDataToText(data);
    expect(text).toBe(
      '{"bytes":{"$bytes":"AQ=="},"code":"LIMIT","max":{"$integer":"CgAAAAAAAAA="}}',
    );
    expect(parseConvexErrorData(text)).toEqual(data);
  });

  test('reports invalid data as the backend does', () => {
    expect(() => parseConvexErrorData('{not json')).toThrow(/^ConvexError with invalid data: /);
    expect(() => parseConvexErrorData('{"$set":[]}')).toThrow(
      'ConvexError with invalid data: Invalid Convex-JSON at .$set',
    );
    try {
      parseConvexErrorData('[');
    } catch (error) {
      expect((error as { code: string }).code).toBe('InvalidConvexErrorData');
    }
  });

  test('rebuilds a ConvexError from message and errorData, like clients do', () => {
    const wire = convexErrorToWire(new ConvexError({ code: 'NOPE', at: 3n }));
    expect(wire).toEqual({
      message: '{"code":"NOPE","at":"3n"}',
      errorData: { at: { $integer: 'AwAAAAAAAAA=' }, code: 'NOPE' },
    });
    const rebuilt = convexErrorFromWire({
      message: '[Request ID: abc] Server Error',
      errorData: wire.errorData,
    });
    expect(rebuilt.message).toBe('[Request ID: abc] Server Error');
    expect(rebuilt.data).toEqual({ code: 'NOPE', at: 3n });
    expect(isConvexError(rebuilt)).toBe(true);
  });
});
