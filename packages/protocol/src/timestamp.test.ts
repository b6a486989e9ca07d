import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isProtocolError } from './protocol-error.ts';
import { MAX_TIMESTAMP, MIN_TIMESTAMP, makeTimestamp, parseTimestamp } from './timestamp.ts';
import { decodeTimestamp, encodeTimestamp } from './timestamp-wire.ts';

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('makeTimestamp / parseTimestamp', () => {
  test('accepts 0 through i64 max', () => {
    expect(makeTimestamp(0n)).toBe(0n);
    expect(makeTimestamp(9223372036854775807n)).toBe(MAX_TIMESTAMP);
    expect(parseTimestamp('1724300000004000000')).toBe(1724300000004000000n);
    expect(parseTimestamp(12)).toBe(12n);
    expect(parseTimestamp(5n)).toBe(5n);
  });

  test('rejects negative, too large and malformed values with InvalidTimestamp', () => {
    const errors = [
      () => makeTimestamp(-1n),
      () => makeTimestamp(MAX_TIMESTAMP + 1n),
      () => parseTimestamp('12abc'),
      () => parseTimestamp(1.5),
      () => parseTimestamp(null),
    ].map(errorOf);
    for (const error of errors) expect(isProtocolError(error, 'InvalidTimestamp')).toBe(true);
    expect(errors.map((error) => (error as Error).message)).toMatchInlineSnapshot(`
      [
        "timestamp -1 is negative",
        "timestamp 9223372036854775808 is larger than the maximum 9223372036854775807 (i64 max)",
        "expected a timestamp (non-negative integer nanoseconds), received "12abc"",
        "expected a timestamp (non-negative integer nanoseconds), received 1.5",
        "expected a timestamp (non-negative integer nanoseconds), received null",
      ]
    `);
  });
});

describe('encodeTimestamp / decodeTimestamp', () => {
  test('uses base64 of 8 little-endian bytes', () => {
    expect(encodeTimestamp(MIN_TIMESTAMP)).toBe('AAAAAAAAAAA=');
    expect(encodeTimestamp(makeTimestamp(1n))).toBe('AQAAAAAAAAA=');
    expect(encodeTimestamp(makeTimestamp(256n))).toBe('AAEAAAAAAAA=');
    expect(encodeTimestamp(MAX_TIMESTAMP)).toBe('/////////38=');
    expect(decodeTimestamp('AAAAAAAAAAA=')).toBe(0n);
    expect(decodeTimestamp('/////////38=')).toBe(MAX_TIMESTAMP);
  });

  test('round-trips every timestamp from 0 to i64 max', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_TIMESTAMP }), (ns) => {
        const ts = makeTimestamp(ns);
        expect(decodeTimestamp(encodeTimestamp(ts))).toBe(ts);
      }),
      { numRuns: 2000 },
    );
  });

  test('says what is wrong with a bad u64b64 string', () => {
    const messages = ['not base64!', 'AAAA', 'AAAAAAAAAAAAAAAA', '//////////8=', ''].map((text) => {
      const error = errorOf(() => decodeTimestamp(text));
      expect(isProtocolError(error, 'InvalidTimestamp')).toBe(true);
      return (error as Error).message;
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "invalid u64b64 timestamp "not base64!": not standard padded base64",
        "invalid u64b64 timestamp "AAAA": expected 8 bytes, decoded 3",
        "invalid u64b64 timestamp "AAAAAAAAAAAAAAAA": expected 8 bytes, decoded 12",
        "invalid u64b64 timestamp "//////////8=": value 18446744073709551615 is larger than the maximum timestamp (i64 max)",
        "invalid u64b64 timestamp "": expected 8 bytes, decoded 0",
      ]
    `);
  });
});
