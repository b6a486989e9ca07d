// fast-check arbitraries shared by the tests of this package (not part of the build: the build
// excludes src/**/test-*/**).
import fc from 'fast-check';
import type { Value } from '../value/value.ts';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Int64 values, biased towards the width boundaries of the sort key and the extremes. */
export const int64Arbitrary: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  fc.bigInt({ min: -70_000n, max: 70_000n }),
  fc.constantFrom(
    0n,
    1n,
    -1n,
    127n,
    128n,
    -128n,
    -129n,
    32_767n,
    32_768n,
    -32_768n,
    -32_769n,
    2_147_483_647n,
    2_147_483_648n,
    -2_147_483_648n,
    -2_147_483_649n,
    INT64_MIN,
    INT64_MAX,
  ),
);

/** A float with arbitrary bits: every NaN payload and sign, subnormals, ±0, ±Infinity. */
export const floatBitsArbitrary: fc.Arbitrary<number> = fc
  .tuple(fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 0, max: 0xffff_ffff }))
  .map(([high, low]) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, high);
    view.setUint32(4, low);
    return view.getFloat64(0);
  });

/** NaNs with random payloads and signs. */
export const nanArbitrary: fc.Arbitrary<number> = fc
  .tuple(
    fc.boolean(),
    fc.integer({ min: 0, max: 0x7_ffff }),
    fc.integer({ min: 0, max: 0xffff_ffff }),
  )
  .map(([negative, high, low]) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, (negative ? 0xfff8_0000 : 0x7ff8_0000) | high);
    view.setUint32(4, low);
    return view.getFloat64(0);
  });

/**
 * Float64 values: ordinary doubles, the special ones, and raw bit patterns, with every NaN made the
 * canonical `NaN`. V8 does not keep NaN payloads reliably once a NaN is stored in an array
 * (optimized code canonicalizes NaNs in double arrays), so values with structure only get the
 * canonical NaN; payloads are tested on plain numbers (see {@link float64WithPayloadsArbitrary}).
 */
export const float64Arbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer().map((n) => n),
  fc.constantFrom(
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    2 ** 53,
  ),
  floatBitsArbitrary.map((value) => (Number.isNaN(value) ? NaN : value)),
);

/** Float64 values including NaNs with any payload and sign (for tests on plain numbers). */
export const float64WithPayloadsArbitrary: fc.Arbitrary<number> = fc.oneof(
  float64Arbitrary,
  floatBitsArbitrary,
  nanArbitrary,
);

/** Strings: ASCII with NULs and control characters, and full Unicode including astral characters. */
export const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '\0', 'a\0b', '\uffff', '😀', '\ud7ff', '\ue000', 'é', 'z'),
);

/** Bytes (an exact-size `ArrayBuffer`), empty to a few hundred bytes, often with zero bytes. */
export const bytesArbitrary: fc.Arbitrary<ArrayBuffer> = fc
  .oneof(
    fc.uint8Array({ maxLength: 16 }),
    fc.uint8Array({ maxLength: 300 }),
    fc.uint8Array({ maxLength: 6, min: 0, max: 1 }),
  )
  .map((bytes) => Uint8Array.from(bytes).buffer);

/** Valid field names (non-control ASCII, not starting with `$`), short so that they collide. */
export function fieldNameArbitrary(
  options: { readonly allowProto?: boolean } = {},
): fc.Arbitrary<string> {
  const plain = fc
    .string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      maxLength: 6,
    })
    .filter((name) => !name.startsWith('$'));
  const names = fc.oneof(plain, fc.constantFrom('', 'a', 'b', 'ab', '_id', 'a b', '0', '10', '9'));
  return options.allowProto === true ? fc.oneof(names, fc.constant('__proto__')) : names;
}

/** Options of {@link valueArbitrary}. */
export interface ValueArbitraryOptions {
  /** Include objects whose fields hold `undefined`. */
  readonly undefinedFields?: boolean;
  /** Include the `__proto__` field name. */
  readonly allowProto?: boolean;
  /** Maximum depth of arrays/objects. */
  readonly maxDepth?: number;
}

/** Builds an object with own fields, `__proto__` included, in the given order. */
export function objectFromEntries(
  entries: readonly (readonly [string, Value | undefined])[],
): Record<string, Value | undefined> {
  const out: Record<string, Value | undefined> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Convex values of every type (no commit-timestamp placeholder). */
export function valueArbitrary(options: ValueArbitraryOptions = {}): fc.Arbitrary<Value> {
  const leaf: fc.Arbitrary<Value> = fc.oneof(
    fc.constant(null),
    int64Arbitrary,
    float64Arbitrary,
    fc.boolean(),
    stringArbitrary,
    bytesArbitrary,
  );
  const fieldValue = (inner: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> =>
    options.undefinedFields === true
      ? fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(undefined) })
      : inner;
  const { tree } = fc.letrec<{ tree: Value }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: options.maxDepth ?? 4 },
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 5 }) },
      {
        weight: 1,
        arbitrary: fc
          .uniqueArray(fc.tuple(fieldNameArbitrary(options), fieldValue(tie('tree'))), {
            maxLength: 5,
            selector: ([key]) => key,
          })
          .map((entries) => objectFromEntries(entries) as Value),
      },
    ),
  }));
  return tree;
}

/** A small universe of values, so that random pairs are often equal or share long prefixes. */
export function smallValueArbitrary(
  options: { readonly undefinedFields?: boolean } = {},
): fc.Arbitrary<Value> {
  const leaf: fc.Arbitrary<Value> = fc.oneof(
    fc.constantFrom<Value>(
      null,
      0n,
      1n,
      -1n,
      300n,
      0,
      -0,
      1,
      -1,
      Infinity,
      -Infinity,
      NaN,
      true,
      false,
      '',
      'a',
      'b',
      'ab',
      '😀',
      '\uffff',
      'a\0',
    ),
    fc
      .constantFrom(0, 1, 2)
      .chain((length) => fc.uint8Array({ minLength: length, maxLength: length, max: 1 }))
      .map((bytes) => Uint8Array.from(bytes).buffer),
  );
  const fieldValue = (inner: fc.Arbitrary<Value>): fc.Arbitrary<Value | undefined> =>
    options.undefinedFields === true
      ? fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(undefined) })
      : inner;
  const { tree } = fc.letrec<{ tree: Value }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: fc.array(tie('tree'), { maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc
          .uniqueArray(fc.tuple(fc.constantFrom('', 'a', 'b', 'ab'), fieldValue(tie('tree'))), {
            maxLength: 3,
            selector: ([key]) => key,
          })
          .map((entries) => objectFromEntries(entries) as Value),
      },
    ),
  }));
  return tree;
}

/** Pairs of values that are often equal, similar, or of the same type. */
export function valuePairArbitrary(
  options: { readonly undefinedFields?: boolean } = {},
): fc.Arbitrary<[Value, Value]> {
  return fc.oneof(
    fc.tuple(valueArbitrary(options), valueArbitrary(options)),
    fc.tuple(smallValueArbitrary(options), smallValueArbitrary(options)),
    smallValueArbitrary(options).map((value): [Value, Value] => [value, value]),
    fc.tuple(float64WithPayloadsArbitrary, float64WithPayloadsArbitrary),
    fc.tuple(int64Arbitrary, int64Arbitrary),
    fc.tuple(stringArbitrary, stringArbitrary),
    fc.tuple(bytesArbitrary, bytesArbitrary),
  );
}
