import { jsonToConvex } from '../json/json-to-convex.ts';
import { PathError, toValuesError, withSegment } from '../json/path-error.ts';
import { identifierProblem } from '../names/identifier.ts';
import { fieldNameProblem } from '../names/field-name.ts';
import { isPlainObject } from '../value/is-plain-object.ts';
import type { JSONValue } from '../value/value.ts';
import { describeValidator } from './describe-validator.ts';
import type { ObjectFieldType, RecordKeyValidatorJSON, ValidatorJSON } from './validator-json.ts';

const SIMPLE_TYPES = new Set([
  'null',
  'number',
  'bigint',
  'commitTs',
  'boolean',
  'string',
  'bytes',
  'any',
]);

/**
 * Checks untrusted validator JSON (from push-time analysis: `exportArgs()`, `exportReturns()`,
 * schema `documentType`) and returns a clean copy. Beyond the shape it enforces the server's rules:
 * object validator field names are identifiers, `id` table names are identifiers, literals decode
 * to a string, number, bigint or boolean, record keys are strings, ids or unions of those (no
 * string literals) and record values are not optional. The legacy types `map` and `set` become
 * `any`, as in the reference backend.
 *
 * @throws {ValuesError} code `InvalidValidator`, with the `path` inside the JSON.
 * @example
 * ```ts
 * const args = parseValidatorJson(JSON.parse(exportArgsText));
 * ```
 */
export function parseValidatorJson(input: unknown): ValidatorJSON {
  try {
    return parseValidator(input);
  } catch (error) {
    throw toValuesError(error, '', (path, message) =>
      path === ''
        ? `Invalid validator JSON: ${message}`
        : `Invalid validator JSON at ${path}: ${message}`,
    );
  }
}

function fail(message: string): PathError {
  return new PathError('InvalidValidator', message);
}

function parseValidator(input: unknown): ValidatorJSON {
  if (!isPlainObject(input))
    throw fail(`expected an object, found ${JSON.stringify(input) ?? typeof input}`);
  const type = input['type'];
  if (typeof type !== 'string') throw withSegment(fail('expected a string validator type'), 'type');
  if (SIMPLE_TYPES.has(type)) return { type } as ValidatorJSON;
  if (type === 'map' || type === 'set') return { type: 'any' };
  switch (type) {
    case 'literal':
      return { type, value: parseLiteral(input['value']) };
    case 'id':
      return { type, tableName: parseTableName(input['tableName']) };
    case 'array':
      return { type, value: within('value', () => parseValidator(input['value'])) };
    case 'union': {
      const members = input['value'];
      if (!Array.isArray(members))
        throw withSegment(fail('expected an array of validators'), 'value');
      return {
        type,
        value: members.map((member, index) =>
          within('value', () => within(index, () => parseValidator(member))),
        ),
      };
    }
    case 'object':
      return { type, value: within('value', () => parseFields(input['value'])) };
    case 'record':
      return parseRecord(input);
    default:
      throw withSegment(fail(`unknown validator type ${JSON.stringify(type)}`), 'type');
  }
}

function within<TResult>(segment: string | number, parse: () => TResult): TResult {
  try {
    return parse();
  } catch (error) {
    throw withSegment(error, segment);
  }
}

function parseLiteral(value: unknown): JSONValue {
  return within('value', () => {
    let decoded: unknown;
    try {
      decoded = jsonToConvex(value as JSONValue);
    } catch (error) {
      throw fail(`the literal is not valid Convex-JSON: ${(error as Error).message}`);
    }
    const type = typeof decoded;
    if (type !== 'string' && type !== 'number' && type !== 'bigint' && type !== 'boolean') {
      throw fail('a literal must be a string, number, bigint or boolean');
    }
    return structuredClone(value) as JSONValue;
  });
}

function parseTableName(name: unknown): string {
  return within('tableName', () => {
    if (typeof name !== 'string') throw fail('expected a string table name');
    const problem = identifierProblem(name);
    if (problem !== undefined) throw fail(`invalid table name ${JSON.stringify(name)}: ${problem}`);
    return name;
  });
}

function parseFields(input: unknown): Record<string, ObjectFieldType> {
  if (!isPlainObject(input)) throw fail('expected an object of fields');
  const fields: Record<string, ObjectFieldType> = {};
  for (const name of Object.keys(input)) {
    const problem = fieldNameProblem(name) ?? identifierProblem(name);
    if (problem !== undefined)
      throw withSegment(fail(`invalid field name ${JSON.stringify(name)}: ${problem}`), name);
    Object.defineProperty(fields, name, {
      value: within(name, () => parseField(input[name])),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return fields;
}

function parseField(input: unknown): ObjectFieldType {
  if (!isPlainObject(input)) throw fail('expected {fieldType, optional}');
  const optional = input['optional'];
  if (typeof optional !== 'boolean') throw withSegment(fail('expected a boolean'), 'optional');
  return { fieldType: within('fieldType', () => parseValidator(input['fieldType'])), optional };
}

function parseRecord(input: Record<string, unknown>): ValidatorJSON {
  const keys = within('keys', () => parseValidator(input['keys']));
  within('keys', () => checkRecordKeys(keys));
  const values = within('values', () => parseField(input['values']));
  if (values.optional) throw withSegment(fail('records cannot have optional values'), 'values');
  return {
    type: 'record',
    keys: keys as RecordKeyValidatorJSON,
    values: { fieldType: values.fieldType, optional: false },
  };
}

function checkRecordKeys(keys: ValidatorJSON): void {
  if (containsStringLiteral(keys)) throw fail('records cannot have string literal keys');
  if (!isStringKey(keys)) {
    throw fail(
      `records can only have string keys; this record's keys are typed as \`${describeValidator(keys)}\`, which is not a subtype of \`v.string()\``,
    );
  }
}

function isStringKey(keys: ValidatorJSON): boolean {
  if (keys.type === 'string' || keys.type === 'id') return true;
  return keys.type === 'union' && keys.value.every(isStringKey);
}

function containsStringLiteral(keys: ValidatorJSON): boolean {
  if (keys.type === 'literal') return typeof keys.value === 'string';
  return keys.type === 'union' && keys.value.some(containsStringLiteral);
}
