import { describeValidator, type JSONValue, type ValidatorJSON } from '@selfhost/values';
import type { ValidatorJson } from './validator-json.ts';

/** The validator as code, for messages (the same JSON form `@selfhost/values` describes). */
function validatorText(validator: ValidatorJson): string {
  return describeValidator(validator as ValidatorJSON);
}

/**
 * Checks whether an id string is an id of a table; supplied by the transaction when there
 * is one (ids of unknown tables fail).
 *
 * @example
 * ```ts
 * const isIdOf: IdTableCheck = (id, table) => transaction.normalizeId(table, id, false) === id;
 * ```
 */
export type IdTableCheck = (id: string, table: string) => boolean;

type JsonObject = { readonly [key: string]: JSONValue };

function isObject(value: JSONValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function specialKey(value: JSONValue | undefined): string | null {
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]?.startsWith('$') === true ? (keys[0] ?? null) : null;
}

function printValue(value: JSONValue | undefined): string {
  if (value === undefined) return 'undefined';
  const special = specialKey(value);
  if (special === '$integer' || special === '$float' || special === '$bytes') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) ? `${value}.0` : String(value);
  if (Array.isArray(value)) return `[${value.map(printValue).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${printValue(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

class Mismatch {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function valueMismatch(value: JSONValue | undefined, validator: ValidatorJson, path: readonly (string | number)[]): Mismatch {
  const where = path.length > 0 ? `Path: ${pathText(path)}\n` : '';
  return new Mismatch(`Value does not match validator.\n${where}Value: ${printValue(value)}\nValidator: ${validatorText(validator)}`);
}

function check(value: JSONValue | undefined, validator: ValidatorJson, at: { readonly path: (string | number)[]; readonly isIdOf: IdTableCheck | null }): Mismatch | null {
  const { path, isIdOf } = at;
  const special = specialKey(value);
  switch (validator.type) {
    case 'any':
      return null;
    case 'null':
      return value === null ? null : valueMismatch(value, validator, path);
    case 'boolean':
      return typeof value === 'boolean' ? null : valueMismatch(value, validator, path);
    case 'string':
      return typeof value === 'string' ? null : valueMismatch(value, validator, path);
    case 'number':
      return typeof value === 'number' || special === '$float' ? null : valueMismatch(value, validator, path);
    case 'bigint':
      return special === '$integer' ? null : valueMismatch(value, validator, path);
    case 'commitTs':
      return special === '$integer' || special === '$commitTs' ? null : valueMismatch(value, validator, path);
    case 'bytes':
      return special === '$bytes' ? null : valueMismatch(value, validator, path);
    case 'literal':
      return sameJson(value, validator.value) ? null : valueMismatch(value, validator, path);
    case 'id':
      if (typeof value !== 'string') return valueMismatch(value, validator, path);
      if (isIdOf !== null && !isIdOf(value, validator.tableName)) {
        return new Mismatch(
          `Value does not match validator.\n${path.length > 0 ? `Path: ${pathText(path)}\n` : ''}Value: ${printValue(value)}\nValidator: ${validatorText(validator)}`,
        );
      }
      return null;
    case 'array': {
      if (!Array.isArray(value)) return valueMismatch(value, validator, path);
      for (let i = 0; i < value.length; i++) {
        const failure = check(value[i], validator.value, { path: [...path, i], isIdOf });
        if (failure !== null) return failure;
      }
      return null;
    }
    case 'record': {
      if (!isObject(value) || special !== null) return valueMismatch(value, validator, path);
      for (const [key, entry] of Object.entries(value)) {
        const keyFailure = check(key, validator.keys, { path: [...path, key], isIdOf });
        if (keyFailure !== null) return keyFailure;
        const failure = check(entry, validator.values.fieldType, { path: [...path, key], isIdOf });
        if (failure !== null) return failure;
      }
      return null;
    }
    case 'object': {
      if (!isObject(value) || special !== null) return valueMismatch(value, validator, path);
      for (const [name, field] of Object.entries(validator.value)) {
        const entry = value[name];
        if (entry === undefined) {
          if (field.optional) continue;
          return new Mismatch(
            `Object is missing the required field \`${name}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n\n${path.length > 0 ? `Path: ${pathText(path)}\n` : ''}Object: ${printValue(value)}\nValidator: ${validatorText(validator)}`,
          );
        }
        const failure = check(entry, field.fieldType, { path: [...path, name], isIdOf });
        if (failure !== null) return failure;
      }
      for (const name of Object.keys(value)) {
        if (!(name in validator.value)) {
          return new Mismatch(
            `Object contains extra field \`${name}\` that is not in the validator.\n\n${path.length > 0 ? `Path: ${pathText(path)}\n` : ''}Object: ${printValue(value)}\nValidator: ${validatorText(validator)}`,
          );
        }
      }
      return null;
    }
    case 'union': {
      for (const member of validator.value) if (check(value, member, { path, isIdOf }) === null) return null;
      return valueMismatch(value, validator, path);
    }
  }
}

/**
 * Validates a Convex-JSON value against a validator; returns the reason it does not match
 * (the text after `ArgumentValidationError: `), or `null` when it does.
 *
 * @example
 * ```ts
 * validateConvexJson({ body: 1 }, { type: 'object', value: { body: { fieldType: { type: 'string' }, optional: false } } });
 * // 'Value does not match validator.\nPath: .body\nValue: 1.0\nValidator: v.string()'
 * ```
 */
export function validateConvexJson(value: JSONValue | undefined, validator: ValidatorJson, isIdOf: IdTableCheck | null = null): string | null {
  return check(value, validator, { path: [], isIdOf })?.message ?? null;
}
