import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { makeDocumentId } from '../ids/document-id.ts';
import { makeInternalId } from '../ids/internal-id.ts';
import { makeTableNumber } from '../ids/table-number.ts';
import {
  buildValidator,
  isSatisfiable,
  sampleValue,
  validatorSpecArbitrary,
} from '../test-support/validator-specs.ts';
import { commitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import type { Value } from '../value/value.ts';
import type { GenericValidator } from './generic-validator.ts';
import { v } from './v.ts';
import { assertValid, validate, type ValidateOptions } from './validate.ts';
import type { ValidatorJSON } from './validator-json.ts';

const internalId = makeInternalId(Uint8Array.from({ length: 16 }, (_, i) => i));
const tables = new Map([
  ['users', 10_001],
  ['posts', 10_002],
  ['_storage', 513],
]);
const tableNumberFor = (name: string): number | undefined => tables.get(name);
const idOf = (table: string): string =>
  makeDocumentId(makeTableNumber(tableNumberFor(table) ?? 20_000), internalId);

function failure(
  value: unknown,
  validator: GenericValidator | ValidatorJSON,
  options?: ValidateOptions,
): ValuesError {
  const result = validate(value, validator, options);
  if (result.ok) throw new Error(`expected ${String(value)} to be rejected`);
  expect(result.error.code).toBe('ValidationFailed');
  return result.error;
}

describe('validate', () => {
  test('accepts values built to match random validators, from the object and the JSON form', () => {
    fc.assert(
      fc.property(validatorSpecArbitrary.filter(isSatisfiable), (spec) => {
        const validator = buildValidator(spec, v) as GenericValidator;
        for (const table of JSON.stringify(validator.json).matchAll(/"tableName":"(\w+)"/g)) {
          if (!tables.has(table[1]!)) tables.set(table[1]!, 20_000 + tables.size);
        }
        const value = sampleValue(spec, idOf);
        const options = { tableNumberFor };
        expect(validate(value, validator, options)).toEqual({ ok: true });
        expect(validate(value, validator.json, options)).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });

  test('says where, what was found and what was expected', () => {
    const validator = v.object({
      messages: v.array(v.object({ author: v.string(), body: v.string() })),
    });
    const error = failure(
      {
        messages: [
          { author: 'a', body: '' },
          { author: 'b', body: '' },
          { author: 42, body: '' },
        ],
      },
      validator,
    );
    expect(error.path).toBe('.messages[2].author');
    expect(error.message).toMatchInlineSnapshot(`
      "Value does not match validator.
      Path: .messages[2].author
      Value: 42
      Validator: v.string()"
    `);
    expect(failure(5n, v.string(), { path: 'args' }).message).toContain(
      'Path: args\nValue: 5n\nValidator: v.string()',
    );
    expect(failure(5n, v.string()).message).toBe(
      'Value does not match validator.\nValue: 5n\nValidator: v.string()',
    );
  });

  test('checks each scalar type exactly', () => {
    const cases: [GenericValidator, Value, Value][] = [
      [v.null(), null, 0],
      [v.number(), NaN, 1n],
      [v.float64(), -0, '1'],
      [v.int64(), -(2n ** 63n), 1],
      [v.boolean(), false, null],
      [v.string(), '', new ArrayBuffer(0)],
      [v.bytes(), new ArrayBuffer(1), 'AA=='],
      [v.commitTs(), commitTsPlaceholder, 1.5],
      [v.commitTs(), 5n, null],
      [v.any(), { a: [1n] }, undefined as unknown as Value],
    ];
    for (const [validator, good, bad] of cases) {
      expect(validate(good, validator).ok).toBe(true);
      expect(validate(bad, validator).ok).toBe(false);
    }
    expect(validate(2n ** 63n, v.int64()).ok).toBe(false);
  });

  test('compares literals by the Convex total order', () => {
    expect(validate('a', v.literal('a')).ok).toBe(true);
    expect(validate(1n, v.literal(1n)).ok).toBe(true);
    expect(validate(1, v.literal(1n)).ok).toBe(false);
    expect(validate(-0, v.literal(0)).ok).toBe(false);
    expect(validate(NaN, v.literal(NaN)).ok).toBe(true);
    expect(validate(true, v.literal(false)).ok).toBe(false);
    expect(failure(1, v.literal(1n)).message).toContain('Validator: v.literal(1n)');
    expect(failure(0, v.literal(-0)).message).toContain('Validator: v.literal(-0)');
    expect(failure('b', { type: 'literal', value: 'a' }).message).toContain(
      'Validator: v.literal("a")',
    );
  });

  test('rejects missing required fields, but not missing optional ones', () => {
    const validator = v.object({ name: v.string(), nickname: v.optional(v.string()) });
    expect(validate({ name: 'a' }, validator).ok).toBe(true);
    expect(validate({ name: 'a', nickname: undefined }, validator).ok).toBe(true);
    expect(failure({ nickname: 'b' }, validator).path).toBe('');
    expect(failure({ inner: { nickname: 'b' } }, v.object({ inner: validator })).message)
      .toMatchInlineSnapshot(`
      "Object is missing the required field \`name\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.
      Path: .inner
      Object: {"nickname": "b"}
      Validator: v.object({name: v.string(), nickname: v.optional(v.string())})"
    `);
  });

  test('rejects null in an optional field unless its validator allows null', () => {
    expect(failure({ n: null }, v.object({ n: v.optional(v.string()) })).path).toBe('.n');
    expect(validate({ n: null }, v.object({ n: v.optional(v.nullable(v.string())) })).ok).toBe(
      true,
    );
  });

  test('rejects unknown fields', () => {
    const error = failure({ a: 1, b: 2 }, v.object({ a: v.number() }));
    expect(error.message).toMatchInlineSnapshot(`
      "Object contains extra field \`b\` that is not in the validator.
      Object: {"a": 1, "b": 2}
      Validator: v.object({a: v.float64()})"
    `);
    expect(validate({ a: 1, b: undefined }, v.object({ a: v.number() })).ok).toBe(true);
    expect(failure([1], v.object({})).message).toContain('Value: [1]');
    expect(failure(new Date() as unknown as Value, v.object({})).message).toContain(
      'Value does not match validator.',
    );
  });

  test('checks records: keys against the key validator, values against the value validator', () => {
    const scores = v.record(v.id('users'), v.number());
    const user = idOf('users');
    expect(validate({ [user]: 1 }, scores, { tableNumberFor }).ok).toBe(true);
    expect(failure({ [user]: 'x' }, scores, { tableNumberFor }).path).toBe(`.${user}`);
    const keyError = failure({ [idOf('posts')]: 1 }, scores, { tableNumberFor });
    expect(keyError.message).toBe(
      `Record key "${idOf('posts')}" does not match the key validator.\nKey validator: v.id("users")`,
    );
    expect(validate({ anything: 1 }, v.record(v.string(), v.number())).ok).toBe(true);
    expect(failure({ a: 1 }, v.record(v.string(), v.string()), { path: 'args' }).message).toContain(
      'Path: args.a',
    );
  });

  test('checks ids: any valid id without a table map, only the right table with one', () => {
    const user = idOf('users');
    expect(validate(user, v.id('posts')).ok).toBe(true);
    expect(validate('not an id', v.id('users')).ok).toBe(false);
    expect(validate(user, v.id('users'), { tableNumberFor }).ok).toBe(true);
    expect(failure(user, v.id('posts'), { tableNumberFor }).message).toBe(
      `Found ID "${user}" from table number 10001, which does not match the table name in validator \`v.id("posts")\` (table "posts" has number 10002).`,
    );
    expect(failure(user, v.id('missing'), { tableNumberFor }).message).toContain(
      '(there is no table "missing")',
    );
    expect(validate(idOf('_storage'), v.id('_storage'), { tableNumberFor }).ok).toBe(true);
  });

  test('accepts a union when one member matches; reports the union otherwise', () => {
    const validator = v.union(v.string(), v.object({ kind: v.literal('n'), n: v.number() }));
    expect(validate('x', validator).ok).toBe(true);
    expect(validate({ kind: 'n', n: 1 }, validator).ok).toBe(true);
    expect(failure({ kind: 'n', n: '1' }, validator).message).toContain(
      'Validator: v.union(v.string(), v.object({kind: v.literal("n"), n: v.float64()}))',
    );
    expect(failure(1, { type: 'union', value: [] }).message).toContain('v.union()');
    expect(failure({ a: 1 }, v.union(v.object({ a: v.string() }))).path).toBe('.a');
  });

  test('assertValid throws the same error', () => {
    expect(() => assertValid('x', v.number())).toThrow(ValuesError);
    expect(() => assertValid(1, v.number())).not.toThrow();
  });
});
