import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { valueArbitrary } from '../test-support/arbitraries.ts';
import { officialToJson } from '../test-support/official.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { Value } from '../value/value.ts';
import { convexOrUndefinedToJson, convexToJson, patchValueToJson } from './convex-to-json.ts';

function thrown(run: () => unknown): ValuesError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValuesError) return error;
    throw error;
  }
  throw new Error('expected a ValuesError');
}

describe('convexToJson', () => {
  test('produces exactly the JSON text of convex/values for every value', () => {
    fc.assert(
      fc.property(valueArbitrary({ undefinedFields: true }), (value) => {
        expect(JSON.stringify(convexToJson(value))).toBe(JSON.stringify(officialToJson(value)));
      }),
      { numRuns: 1000 },
    );
  });

  test('encodes the special numbers and types like the reference examples', () => {
    expect(
      convexToJson({
        n: 1n,
        x: 1.5,
        b: new Uint8Array([0, 1, 2]).buffer,
        nan: NaN,
        negZero: -0,
        inf: -Infinity,
      }),
    ).toEqual({
      b: { $bytes: 'AAEC' },
      inf: { $float: 'AAAAAAAA8P8=' },
      n: { $integer: 'AQAAAAAAAAA=' },
      nan: { $float: 'AAAAAAAA+H8=' },
      negZero: { $float: 'AAAAAAAAAIA=' },
      x: 1.5,
    });
    expect(convexToJson(-1n)).toEqual({ $integer: '//////////8=' });
    expect(convexToJson(commitTsPlaceholder)).toEqual({ $commitTs: null });
  });

  test('sorts object keys and drops fields holding undefined', () => {
    expect(JSON.stringify(convexToJson({ b: 1, a: 2, c: undefined }))).toBe('{"a":2,"b":1}');
  });

  test('keeps __proto__ as an own field instead of changing the prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Value;
    const out = convexToJson(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  test('accepts plain objects from another realm and null-prototype objects', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('({ a: [1, { b: 2 }] })') as Value;
    expect(convexToJson(foreign)).toEqual({ a: [1, { b: 2 }] });
    const bare = Object.assign(Object.create(null) as Record<string, Value>, { z: 1 });
    expect(convexToJson(bare)).toEqual({ z: 1 });
  });

  test('rejects undefined with the path where it is', () => {
    const error = thrown(() => convexToJson({ a: [1, undefined] } as unknown as Value));
    expect(error.code).toBe('InvalidValue');
    expect(error.path).toBe('.a[1]');
    expect(error.message).toMatchInlineSnapshot(
      `"undefined is not a valid Convex value (at path .a[1] in {"a":[1,"undefined"]}). To learn about Convex's supported types, see https://docs.convex.dev/using/types."`,
    );
  });

  test('rejects values that are not Convex values', () => {
    expect(thrown(() => convexToJson(new Map([[1, 2]]) as unknown as Value)).message).toContain(
      'Map [[1,2]] is not a supported Convex type',
    );
    expect(thrown(() => convexToJson({ s: new Set([1]) } as unknown as Value)).path).toBe('.s');
    expect(thrown(() => convexToJson(new Date(0) as unknown as Value)).message).toContain('Date');
    expect(thrown(() => convexToJson(new Uint8Array(2) as unknown as Value)).message).toContain(
      'Uint8Array',
    );
    expect(thrown(() => convexToJson((() => 1) as unknown as Value)).code).toBe('InvalidValue');
    expect(thrown(() => convexToJson(Symbol('s') as unknown as Value)).code).toBe('InvalidValue');
    expect(thrown(() => convexToJson(2n ** 63n)).message).toContain(
      'BigInt 9223372036854775808 does not fit into a 64-bit signed integer',
    );
    expect(thrown(() => convexToJson(-(2n ** 63n) - 1n)).code).toBe('InvalidValue');
  });

  test('rejects bad field names, naming the field and the rule', () => {
    const dollar = thrown(() => convexToJson({ ok: { $bad: 1 } }));
    expect(dollar.code).toBe('InvalidFieldName');
    expect(dollar.path).toBe('.ok.$bad');
    expect(dollar.message).toContain(`Field name "$bad" starts with '$', which is reserved`);
    expect(thrown(() => convexToJson({ é: 1 })).message).toContain(
      'has the invalid character "é" at index 0',
    );
    expect(thrown(() => convexToJson({ ['x'.repeat(1025)]: 1 })).message).toContain(
      '1025 characters long, over the maximum of 1024',
    );
  });
});

describe('convexOrUndefinedToJson', () => {
  test('encodes undefined as $undefined and other values like convex/values', () => {
    expect(convexOrUndefinedToJson(undefined)).toEqual({ $undefined: null });
    fc.assert(
      fc.property(valueArbitrary(), (value) => {
        expect(JSON.stringify(convexOrUndefinedToJson(value))).toBe(
          JSON.stringify(officialToJson(value)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('patchValueToJson', () => {
  test('keeps top-level undefined fields as $undefined, only at the top level', () => {
    expect(patchValueToJson({ a: undefined, b: 1 })).toEqual({ a: { $undefined: null }, b: 1 });
    expect(
      thrown(() => patchValueToJson({ a: { b: undefined }, c: [undefined] } as unknown as Value))
        .path,
    ).toBe('.c[0]');
    expect(patchValueToJson({ a: { b: undefined } })).toEqual({ a: {} });
  });

  test('equals convex/values convexToJson plus $undefined for the undefined top-level fields', () => {
    const objects = valueArbitrary({ undefinedFields: true }).filter(
      (value): value is Record<string, Value | undefined> =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        !(value instanceof ArrayBuffer),
    );
    fc.assert(
      fc.property(objects, (value) => {
        const expected = officialToJson(value) as Record<string, unknown>;
        for (const key of Object.keys(value))
          if (value[key] === undefined) expected[key] = { $undefined: null };
        const sorted = Object.fromEntries(
          Object.keys(expected)
            .sort()
            .map((key) => [key, expected[key]]),
        );
        expect(JSON.stringify(patchValueToJson(value))).toBe(JSON.stringify(sorted));
      }),
      { numRuns: 300 },
    );
  });
});
