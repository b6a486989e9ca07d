import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { compareBytes } from '../order/compare-bytes.ts';
import { compareValues } from '../order/compare-values.ts';
import {
  float64WithPayloadsArbitrary,
  smallValueArbitrary,
  valueArbitrary,
  valuePairArbitrary,
} from '../test-support/arbitraries.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { MAX_INT64, MIN_INT64 } from '../value/int64.ts';
import type { Value } from '../value/value.ts';
import { decodeIndexKey, decodeSortKey } from './decode-sort-key.ts';
import { encodeIndexKey, encodeSortKey } from './encode-sort-key.ts';

const key = (value: Value | undefined): number[] => [...encodeSortKey(value)];

function compareTuples(
  a: readonly (Value | undefined)[],
  b: readonly (Value | undefined)[],
): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

describe('encodeSortKey', () => {
  test('orders keys like compareValues orders values', () => {
    fc.assert(
      fc.property(valuePairArbitrary({ undefinedFields: true }), ([a, b]) => {
        expect(compareBytes(encodeSortKey(a), encodeSortKey(b))).toBe(compareValues(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  test('writes the reference layout for scalars', () => {
    expect(key(undefined)).toEqual([0x01]);
    expect(key(null)).toEqual([0x03]);
    expect(key(false)).toEqual([0x0e]);
    expect(key(true)).toEqual([0x0f]);
  });

  test('writes Int64 with the narrowest width in the tag', () => {
    expect(key(0n)).toEqual([0x08]);
    expect(key(1n)).toEqual([0x09, 0x01]);
    expect(key(127n)).toEqual([0x09, 0x7f]);
    expect(key(128n)).toEqual([0x0a, 0x00, 0x80]);
    expect(key(-1n)).toEqual([0x07, 0xff]);
    expect(key(-128n)).toEqual([0x07, 0x80]);
    expect(key(-129n)).toEqual([0x06, 0xff, 0x7f]);
    expect(key(32_768n)).toEqual([0x0b, 0x00, 0x00, 0x80, 0x00]);
    expect(key(-32_769n)).toEqual([0x05, 0xff, 0xff, 0x7f, 0xff]);
    expect(key(2n ** 31n)).toEqual([0x0c, 0, 0, 0, 0, 0x80, 0, 0, 0]);
    expect(key(MAX_INT64)).toEqual([0x0c, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(key(MIN_INT64)).toEqual([0x04, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    expect(key(commitTsPlaceholder)).toEqual(key(MAX_INT64));
  });

  test('writes Float64 as the total-order transform of its bits', () => {
    expect(key(0)).toEqual([0x0d, 0x80, 0, 0, 0, 0, 0, 0, 0]);
    expect(key(-0)).toEqual([0x0d, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(key(1)).toEqual([0x0d, 0xbf, 0xf0, 0, 0, 0, 0, 0, 0]);
    expect(key(NaN)).toEqual([0x0d, 0xff, 0xf8, 0, 0, 0, 0, 0, 0]);
    expect(key(-Infinity)).toEqual([0x0d, 0x00, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  test('writes strings and bytes with 0x00 escaped and a terminator', () => {
    expect(key('')).toEqual([0x10, 0x00]);
    expect(key('a\0b')).toEqual([0x10, 0x61, 0x00, 0xff, 0x62, 0x00]);
    expect(key('é😀')).toEqual([0x10, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x00]);
    expect(key(new Uint8Array([0, 1, 0]).buffer)).toEqual([
      0x11, 0x00, 0xff, 0x01, 0x00, 0xff, 0x00,
    ]);
    const long = `${'x'.repeat(100)}\0${'é'.repeat(20)}\0😀\0`;
    const escaped = [...Buffer.from(long)].flatMap((byte) => (byte === 0 ? [0, 0xff] : [byte]));
    expect(key(long)).toEqual([0x10, ...escaped, 0x00]);
    expect(key('\ud800')).toEqual([0x10, 0xef, 0xbf, 0xbd, 0x00]);
    vi.stubGlobal('TextEncoder', undefined);
    try {
      expect(key(long)).toEqual([0x10, ...escaped, 0x00]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('writes arrays and objects as their parts and a terminator', () => {
    expect(key([])).toEqual([0x12, 0x00]);
    expect(key([null, 1n])).toEqual([0x12, 0x03, 0x09, 0x01, 0x00]);
    expect(key({})).toEqual([0x15, 0x00]);
    expect(key({ b: true, '': null })).toEqual([0x15, 0x00, 0xff, 0x03, 0x62, 0x00, 0x0f, 0x00]);
  });

  test('keeps an empty field name apart from the end of an object', () => {
    // Without the 0xFF after an empty name, {} would be read as ending at the name's terminator.
    const a: Value = [{}, 5];
    const b: Value = [{ '': null }];
    expect(compareValues(a, b)).toBe(-1);
    expect(compareBytes(encodeSortKey(a), encodeSortKey(b))).toBe(-1);
  });

  test('grows its buffer for big values', () => {
    const big = {
      list: Array.from({ length: 2000 }, (_, i) => ({ i: BigInt(i), s: 'x'.repeat(i % 50) })),
    };
    expect(decodeSortKey(encodeSortKey(big))).toStrictEqual(big);
  });

  test('rejects what is not a Convex value', () => {
    expect(() => encodeSortKey(new Date() as unknown as Value)).toThrow(ValuesError);
    expect(() => encodeSortKey([Symbol('x')] as unknown as Value)).toThrow(
      'a symbol is not a Convex value',
    );
    expect(() => encodeSortKey(2n ** 63n)).toThrow('does not fit into a 64-bit signed integer');
  });

  test('is re-entrant (a getter may encode while encoding)', () => {
    const inner = encodeSortKey('inner');
    const value = {
      get a(): Value {
        return encodeSortKey('nested').length;
      },
    };
    expect(decodeSortKey(encodeSortKey(value as unknown as Value))).toEqual({ a: 8 });
    expect(encodeSortKey('inner')).toEqual(inner);
  });
});

describe('decodeSortKey', () => {
  test('inverts encodeSortKey, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          valueArbitrary({ undefinedFields: true, allowProto: true }),
          smallValueArbitrary(),
        ),
        (value) => {
          const encoded = encodeSortKey(value);
          const decoded = decodeSortKey(encoded);
          expect(decoded).toStrictEqual(value);
          expect(encodeSortKey(decoded)).toEqual(encoded);
        },
      ),
      { numRuns: 1000 },
    );
    expect(decodeSortKey(encodeSortKey(undefined))).toBeUndefined();
  });

  test('keeps the exact bits of a float, NaN payloads and signs included', () => {
    fc.assert(
      fc.property(float64WithPayloadsArbitrary, (value) => {
        const encoded = encodeSortKey(value);
        expect(encodeSortKey(decodeSortKey(encoded))).toEqual(encoded);
      }),
      { numRuns: 1000 },
    );
  });

  test('says where and what is wrong with bad keys', () => {
    expect(() => decodeSortKey(new Uint8Array([0x02]))).toThrow(
      'Invalid sort key at byte 0: unknown tag 0x02',
    );
    expect(() => decodeSortKey(new Uint8Array([0x0d, 1, 2]))).toThrow(
      'Invalid sort key at byte 1: truncated key',
    );
    expect(() => decodeSortKey(new Uint8Array([0x03, 0x03]))).toThrow(
      'Invalid sort key at byte 1: unexpected bytes after the value',
    );
    expect(() => decodeSortKey(new Uint8Array([0x10, 0xff, 0x00]))).toThrow(
      'Invalid sort key at byte 1: string is not valid UTF-8',
    );
    expect(() => decodeSortKey(new Uint8Array([0x12, 0x03]))).toThrow('truncated key');
    expect(() =>
      decodeSortKey(new Uint8Array([0x15, 0x61, 0x00, 0x03, 0x61, 0x00, 0x03, 0x00])),
    ).toThrow('duplicate field "a"');
    expect(() => decodeSortKey(new Uint8Array([]))).toThrow('truncated key');
    try {
      decodeSortKey(new Uint8Array([0xff]));
    } catch (error) {
      expect((error as ValuesError).code).toBe('InvalidSortKey');
    }
  });
});

describe('encodeIndexKey', () => {
  test('concatenates sort keys', () => {
    expect([...encodeIndexKey(['a', undefined, 1n])]).toEqual([
      ...key('a'),
      ...key(undefined),
      ...key(1n),
    ]);
    expect(decodeIndexKey(encodeIndexKey(['a', undefined, 1n]))).toEqual(['a', undefined, 1n]);
  });

  test('orders tuples lexicographically, a prefix first', () => {
    const element = fc.oneof(
      smallValueArbitrary({ undefinedFields: true }),
      fc.constant(undefined),
    );
    const tuple = fc.array(element, { maxLength: 4 });
    fc.assert(
      fc.property(tuple, tuple, (a, b) => {
        expect(compareBytes(encodeIndexKey(a), encodeIndexKey(b))).toBe(compareTuples(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
