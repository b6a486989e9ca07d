import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { float64WithPayloadsArbitrary, valueArbitrary } from '../test-support/arbitraries.ts';
import { officialFromJson, officialToJson } from '../test-support/official.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { convexToJson } from './convex-to-json.ts';
import {
  jsonToConvex,
  jsonToConvexOrUndefined,
  type JsonToConvexOptions,
} from './json-to-convex.ts';

function failure(json: unknown, options?: JsonToConvexOptions): ValuesError {
  try {
    jsonToConvex(json as JSONValue, options);
  } catch (error) {
    if (error instanceof ValuesError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(json)} to be rejected`);
}

describe('jsonToConvex', () => {
  test('round-trips every value through JSON text', () => {
    fc.assert(
      fc.property(valueArbitrary({ allowProto: true }), (value) => {
        const text = JSON.stringify(convexToJson(value));
        expect(jsonToConvex(JSON.parse(text) as JSONValue)).toStrictEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  test('decodes what convex/values encodes, and vice versa, to the same values', () => {
    fc.assert(
      fc.property(valueArbitrary(), (value) => {
        const officialJson = JSON.parse(JSON.stringify(officialToJson(value))) as JSONValue;
        const ourJson = JSON.parse(JSON.stringify(convexToJson(value))) as JSONValue;
        expect(jsonToConvex(officialJson)).toStrictEqual(officialFromJson(officialJson));
        expect(officialFromJson(ourJson)).toStrictEqual(jsonToConvex(ourJson));
      }),
      { numRuns: 500 },
    );
  });

  test('keeps the exact bits of special floats, NaN payloads and signs included', () => {
    fc.assert(
      fc.property(
        float64WithPayloadsArbitrary.filter(
          (value) => !Number.isFinite(value) || Object.is(value, -0),
        ),
        (value) => {
          const json = convexToJson(value);
          expect(convexToJson(jsonToConvex(json))).toEqual(json);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('reads every JSON number as a Float64 and $integer as an Int64', () => {
    expect(jsonToConvex(5)).toBe(5);
    expect(jsonToConvex({ $integer: 'BQAAAAAAAAA=' })).toBe(5n);
    expect(jsonToConvex({ $integer: '//////////8=' })).toBe(-1n);
    expect(Object.is(jsonToConvex(JSON.parse('-0') as JSONValue), -0)).toBe(true);
  });

  test('accepts URL-safe base64', () => {
    expect(jsonToConvex({ $bytes: '-_8=' })).toEqual(new Uint8Array([0xfb, 0xff]).buffer);
  });

  test('makes __proto__ an own field, never the prototype', () => {
    const value = jsonToConvex(
      JSON.parse('{"__proto__": {"isAdmin": true}}') as JSONValue,
    ) as Record<string, Value>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ isAdmin: true });
  });

  test('says where and what for a short $integer', () => {
    const error = failure({ messages: [0, 1, 2, { $integer: 'AQAAAAA=' }] }, { path: 'args[0]' });
    expect(error.code).toBe('InvalidJson');
    expect(error.path).toBe('args[0].messages[3].$integer');
    expect(error.message).toMatchInlineSnapshot(
      `"Invalid Convex-JSON at args[0].messages[3].$integer: expected 8 bytes for $integer, got 5"`,
    );
  });

  test('rejects a $float that holds an ordinary number', () => {
    const error = failure({ x: { $float: 'AAAAAAAA8D8=' } });
    expect(error.path).toBe('.x.$float');
    expect(error.message).toMatchInlineSnapshot(
      `"Invalid Convex-JSON at .x.$float: $float must hold NaN, Infinity, -Infinity or -0, but holds 1, which must be written as a JSON number"`,
    );
    expect(failure({ $float: 'AAAAAAAAAAA=' }).message).toContain('holds 0');
    expect(failure({ $float: 'AAAAAAAAAQA=' }).message).toContain('holds 1.390671161567e-309');
  });

  test('rejects malformed special objects', () => {
    expect(failure({ $integer: 5 }).message).toBe(
      'Invalid Convex-JSON at .$integer: expected a base64 string for $integer, found 5',
    );
    expect(failure({ $integer: 'AQAAAAAAAAA' }).message).toContain(
      '$integer is not valid base64 (length 11 is not a multiple of 4)',
    );
    expect(failure({ $float: 'AAAA' }).message).toContain('expected 8 bytes for $float, got 3');
    expect(failure({ $bytes: 'AB*=' }).message).toContain(
      '$bytes is not valid base64 (unexpected character "*" at index 2)',
    );
    expect(failure({ $bytes: 'AB=C' }).message).toContain(
      "unexpected '=' before the end at index 2",
    );
    expect(failure({ $bytes: 'AB==' }).message).toContain('non-zero padding bits');
    expect(failure({ $bytes: null }).message).toContain(
      'expected a base64 string for $bytes, found null',
    );
    expect(failure({ $commitTs: 1 }).message).toContain('expected null for $commitTs, found 1');
  });

  test('rejects the removed $set and $map types', () => {
    expect(failure({ $set: [] }).message).toBe(
      'Invalid Convex-JSON at .$set: received a Set ($set), which is no longer supported as a Convex type',
    );
    expect(failure([{ $map: [] }]).message).toContain(
      'received a Map ($map), which is no longer supported',
    );
  });

  test('rejects unknown $-keys and $-prefixed field names', () => {
    const unknown = failure({ a: { $decimal: '1' } });
    expect(unknown.code).toBe('InvalidJson');
    expect(unknown.message).toContain('unknown Convex-JSON type "$decimal"');
    const field = failure({ a: { $integer: 'AQAAAAAAAAA=', b: 1 } });
    expect(field.code).toBe('InvalidFieldName');
    expect(field.path).toBe('.a.$integer');
  });

  test('rejects field names that break the rules, naming the field and the rule', () => {
    expect(failure({ ok: { 'tab\there': 1 } }).message).toBe(
      'Invalid Convex-JSON at .ok["tab\\there"]: field name "tab\\there" has the invalid character "\\t" at index 3: field names may only contain non-control ASCII characters (0x20–0x7E)',
    );
    expect(failure({ ['x'.repeat(1025)]: 1 }).message).toContain(
      'is 1025 characters long, over the maximum of 1024',
    );
  });

  test('rejects $undefined unless the caller allows it where it is', () => {
    expect(failure({ $undefined: null }).message).toContain('$undefined is not allowed here');
    expect(failure({ a: { $undefined: null } }).path).toBe('.a.$undefined');
    const patch = jsonToConvex(
      { a: { $undefined: null }, b: 1 },
      { allowUndefinedFields: true },
    ) as Record<string, Value | undefined>;
    expect(Object.keys(patch)).toEqual(['a', 'b']);
    expect(patch['a']).toBeUndefined();
    expect(failure({ a: { b: { $undefined: null } } }, { allowUndefinedFields: true }).path).toBe(
      '.a.b.$undefined',
    );
    expect(failure([{ $undefined: null }], { allowUndefinedFields: true }).path).toBe(
      '[0].$undefined',
    );
    expect(jsonToConvexOrUndefined({ $undefined: null })).toBeUndefined();
    expect(jsonToConvexOrUndefined({ a: 1 })).toEqual({ a: 1 });
    expect(() => jsonToConvexOrUndefined({ a: { $undefined: null } })).toThrow(ValuesError);
  });

  test('accepts $commitTs unless told not to', () => {
    expect(jsonToConvex({ $commitTs: null })).toBe(commitTsPlaceholder);
    expect(failure({ at: { $commitTs: null } }, { allowCommitTs: false }).message).toContain(
      '$commitTs is only allowed in mutation writes and arguments',
    );
  });

  test('rejects strings with lone surrogates', () => {
    expect(failure({ s: 'a\ud800' }).message).toBe(
      'Invalid Convex-JSON at .s: string contains a lone UTF-16 surrogate, which is not valid Unicode',
    );
    expect(jsonToConvex('😀')).toBe('😀');
  });

  test('rejects input that is not JSON', () => {
    expect(failure([1, undefined]).message).toBe(
      'Invalid Convex-JSON at [1]: expected a JSON value, found undefined',
    );
    expect(failure({ a: 1n }).message).toContain('found bigint');
    expect(failure({ a: new Date() }).message).toContain('found a Date');
    expect(failure(() => 1).message).toBe(
      'Invalid Convex-JSON: expected a JSON value, found function',
    );
  });

  test('limits nesting, by default to 64 levels', () => {
    let deep: JSONValue = 1;
    for (let i = 0; i < 64; i++) deep = [deep];
    expect(() => jsonToConvex(deep)).not.toThrow();
    const error = failure([deep]);
    expect(error.code).toBe('LimitExceeded');
    expect(error.message).toContain('nested deeper than the limit maxNesting = 64');
    expect(failure({ a: { b: 1 } }, { maxNesting: 1 }).path).toBe('.a');
    let hostile: JSONValue = 1;
    for (let i = 0; i < 100_000; i++) hostile = { a: hostile };
    expect(failure(hostile).code).toBe('LimitExceeded');
  });
});
