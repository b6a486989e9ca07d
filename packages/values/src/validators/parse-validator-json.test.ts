import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { buildValidator, validatorSpecArbitrary } from '../test-support/validator-specs.ts';
import type { GenericValidator } from './generic-validator.ts';
import { parseValidatorJson } from './parse-validator-json.ts';
import { v } from './v.ts';

function invalid(json: unknown): ValuesError {
  try {
    parseValidatorJson(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ValuesError);
    expect((error as ValuesError).code).toBe('InvalidValidator');
    return error as ValuesError;
  }
  throw new Error(`expected ${JSON.stringify(json)} to be rejected`);
}

describe('parseValidatorJson', () => {
  test('accepts the JSON of every validator v can build and returns an equal copy', () => {
    fc.assert(
      fc.property(validatorSpecArbitrary, (spec) => {
        const json = (buildValidator(spec, v) as GenericValidator).json;
        const parsed = parseValidatorJson(JSON.parse(JSON.stringify(json)));
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(json));
      }),
      { numRuns: 500 },
    );
  });

  test('turns the legacy map and set types into any', () => {
    expect(
      parseValidatorJson({ type: 'map', keys: { type: 'string' }, values: { type: 'string' } }),
    ).toEqual({ type: 'any' });
    expect(parseValidatorJson({ type: 'set', value: { type: 'string' } })).toEqual({ type: 'any' });
  });

  test('rejects malformed JSON with the path inside it', () => {
    expect(invalid(null).message).toBe('Invalid validator JSON: expected an object, found null');
    expect(invalid({ type: 'float' }).message).toBe(
      'Invalid validator JSON at .type: unknown validator type "float"',
    );
    expect(invalid({ type: 'array' }).path).toBe('.value');
    expect(invalid({ type: 'union', value: [{ type: 'string' }, { type: 7 }] }).path).toBe(
      '.value[1].type',
    );
    expect(
      invalid({ type: 'object', value: { a: { fieldType: { type: 'string' } } } }).message,
    ).toBe('Invalid validator JSON at .value.a.optional: expected a boolean');
    expect(invalid({ type: 'id', tableName: 'my-table' }).message).toContain(
      'invalid table name "my-table"',
    );
    expect(invalid({ type: 'literal', value: { $set: [] } }).message).toContain(
      'the literal is not valid Convex-JSON',
    );
    expect(invalid({ type: 'literal', value: null }).message).toContain(
      'a literal must be a string, number, bigint or boolean',
    );
  });

  test('requires identifier field names in object validators', () => {
    const error = invalid({
      type: 'object',
      value: { 'a b': { fieldType: { type: 'string' }, optional: false } },
    });
    expect(error.path).toBe('.value["a b"]');
    expect(error.message).toContain('invalid field name "a b": has the invalid character " "');
    expect(
      invalid({ type: 'object', value: { $a: { fieldType: { type: 'string' }, optional: false } } })
        .message,
    ).toContain("starts with '$'");
  });

  test('enforces the record rules', () => {
    const record = (keys: unknown, optional = false): unknown => ({
      type: 'record',
      keys,
      values: { fieldType: { type: 'number' }, optional },
    });
    expect(
      parseValidatorJson(
        record({ type: 'union', value: [{ type: 'string' }, { type: 'id', tableName: 'users' }] }),
      ),
    ).toBeTruthy();
    expect(invalid(record({ type: 'number' })).message).toMatchInlineSnapshot(
      `"Invalid validator JSON at .keys: records can only have string keys; this record's keys are typed as \`v.float64()\`, which is not a subtype of \`v.string()\`"`,
    );
    expect(invalid(record({ type: 'any' })).message).toContain('typed as `v.any()`');
    expect(
      invalid(record({ type: 'union', value: [{ type: 'literal', value: 'a' }] })).message,
    ).toContain('records cannot have string literal keys');
    expect(invalid(record({ type: 'string' }, true)).message).toBe(
      'Invalid validator JSON at .values: records cannot have optional values',
    );
  });
});
