import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { officialJson, officialV } from '../test-support/official.ts';
import {
  buildValidator,
  validatorSpecArbitrary,
  type Builder,
} from '../test-support/validator-specs.ts';
import { asObjectValidator, isValidator } from './as-object-validator.ts';
import type { GenericValidator } from './generic-validator.ts';
import { v } from './v.ts';

const ours = v as unknown as Builder;
const theirs = officialV as unknown as Builder;

function same(a: unknown, b: unknown): void {
  const mine = a as GenericValidator;
  const official = b as GenericValidator;
  expect(JSON.stringify(mine.json)).toBe(JSON.stringify(officialJson(official)));
  expect(mine.kind).toBe(official.kind);
  expect(mine.isOptional).toBe(official.isOptional);
  expect(mine.isConvexValidator).toBe(true);
}

describe('v', () => {
  test('builds validators whose JSON equals the convex/values JSON exactly', () => {
    fc.assert(
      fc.property(validatorSpecArbitrary, (spec) => {
        const mine = buildValidator(spec, ours) as GenericValidator;
        const official = buildValidator(spec, theirs) as GenericValidator;
        same(mine, official);
        same(mine.optional(), official.optional());
      }),
      { numRuns: 1000 },
    );
  });

  test('gives every builder the JSON of the spec table', () => {
    expect(v.null().json).toEqual({ type: 'null' });
    expect(v.number().json).toEqual({ type: 'number' });
    expect(v.float64().json).toEqual({ type: 'number' });
    expect(v.int64().json).toEqual({ type: 'bigint' });
    expect(v.bigint().json).toEqual({ type: 'bigint' });
    expect(v.commitTs().json).toEqual({ type: 'commitTs' });
    expect(v.boolean().json).toEqual({ type: 'boolean' });
    expect(v.string().json).toEqual({ type: 'string' });
    expect(v.bytes().json).toEqual({ type: 'bytes' });
    expect(v.any().json).toEqual({ type: 'any' });
    expect(v.literal(1n).json).toEqual({ type: 'literal', value: { $integer: 'AQAAAAAAAAA=' } });
    expect(v.id('users').json).toEqual({ type: 'id', tableName: 'users' });
    expect(v.array(v.string()).json).toEqual({ type: 'array', value: { type: 'string' } });
    expect(v.record(v.string(), v.number()).json).toEqual({
      type: 'record',
      keys: { type: 'string' },
      values: { fieldType: { type: 'number' }, optional: false },
    });
    expect(v.object({ a: v.optional(v.string()), b: v.null() }).json).toEqual({
      type: 'object',
      value: {
        a: { fieldType: { type: 'string' }, optional: true },
        b: { fieldType: { type: 'null' }, optional: false },
      },
    });
    expect(v.union(v.string(), v.null()).json).toEqual({
      type: 'union',
      value: [{ type: 'string' }, { type: 'null' }],
    });
    expect(v.nullable(v.string()).json).toEqual(v.union(v.string(), v.null()).json);
  });

  test('exposes the public properties of the official classes', () => {
    const users = v.id('users');
    expect(users.tableName).toBe('users');
    const list = v.array(v.string());
    expect(list.element.kind).toBe('string');
    const object = v.object({ a: v.string() });
    expect(Object.keys(object.fields)).toEqual(['a']);
    const record = v.record(v.string(), v.int64());
    expect([record.key.kind, record.value.kind]).toEqual(['string', 'int64']);
    expect(v.union(v.string(), v.null()).members).toHaveLength(2);
    expect(v.literal('x').value).toBe('x');
    expect(Object.isFrozen(object)).toBe(true);
  });

  test('has the object helpers of convex/values', () => {
    const fields = { a: v.string(), b: v.optional(v.number()), c: v.array(v.id('t')) };
    const officialFields = {
      a: officialV.string(),
      b: officialV.optional(officialV.number()),
      c: officialV.array(officialV.id('t')),
    };
    const mine = v.object(fields);
    const official = officialV.object(officialFields);
    same(mine.omit('a'), official.omit('a'));
    same(mine.pick('a', 'c'), official.pick('a', 'c'));
    same(mine.partial(), official.partial());
    same(mine.extend({ d: v.boolean() }), official.extend({ d: officialV.boolean() }));
    same(mine.optional().partial(), official.optional().partial());
  });

  test('rejects misuse like convex/values does', () => {
    expect(() => v.object({ a: undefined as never })).toThrow(
      'A validator is undefined for field "a" in v.object()',
    );
    expect(() => v.object({ a: 'string' as never })).toThrow(
      'v.object() expects validators built with v.*()',
    );
    expect(() => v.array(undefined as never)).toThrow('circular imports');
    expect(() => v.union(v.string(), undefined as never)).toThrow(
      'for the member at index 1 in v.union()',
    );
    expect(() => v.record(v.optional(v.string()) as never, v.string())).toThrow(
      'Record validator cannot have optional keys',
    );
    expect(() => v.record(v.string(), v.optional(v.string()) as never)).toThrow(
      'Record validator cannot have optional values',
    );
    expect(() => v.literal(null as never)).toThrow(
      'v.literal(value) must be a string, number, bigint or boolean',
    );
    expect(() => v.id(5 as never)).toThrow('v.id(tableName) requires a string table name');
  });

  test('only allows v.optional as an object field', () => {
    expect(() => v.array(v.optional(v.string()) as never)).toThrow(
      'v.array() cannot contain v.optional(...): optional validators are only valid as object fields',
    );
    expect(() => v.union(v.string(), v.optional(v.null()) as never)).toThrow(
      'v.union() cannot contain v.optional(...)',
    );
    expect(() => v.object({ a: v.optional(v.string()) })).not.toThrow();
  });
});

describe('asObjectValidator', () => {
  test('wraps field records and passes validators through', () => {
    const validator = v.string();
    expect(asObjectValidator(validator)).toBe(validator);
    expect(asObjectValidator({ a: v.string() }).json).toEqual(
      officialJson(officialV.object({ a: officialV.string() })),
    );
    expect(isValidator({ isConvexValidator: v.string() })).toBe(false);
    expect(isValidator(null)).toBe(false);
  });
});
