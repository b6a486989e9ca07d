import { jsonToConvex, type JSONValue } from '@selfhost/values';
import { propertyName } from './codegen-text.ts';

/**
 * Validator JSON as `exportArgs()`/`exportReturns()` and schema `documentType` encode it (compat
 * spec §4.4).
 *
 * @example
 * ```ts
 * const validator: ValidatorJson = { type: 'object', value: { body: { fieldType: { type: 'string' }, optional: false } } };
 * ```
 */
export type ValidatorJson =
  | { type: 'null' | 'number' | 'bigint' | 'boolean' | 'string' | 'bytes' | 'any' | 'commitTs' }
  | { type: 'literal'; value: JSONValue }
  | { type: 'id'; tableName: string }
  | { type: 'array'; value: ValidatorJson }
  | { type: 'record'; keys: ValidatorJson; values: { fieldType: ValidatorJson; optional: boolean } }
  | { type: 'union'; value: ValidatorJson[] }
  | { type: 'object'; value: Record<string, { fieldType: ValidatorJson; optional: boolean }> };

/**
 * The TypeScript type a value passing `validator` has, as generated code spells it: `Id<"users">`
 * for IDs when `useIdType` (else `string`), `ArrayBuffer` for bytes, `Array<…>`, `Record<…>`,
 * object literals with `?` for optional fields.
 *
 * @example
 * ```ts
 * validatorType({ type: 'array', value: { type: 'id', tableName: 'users' } }, { useIdType: true, valuesModule: 'convex/values' });
 * // 'Array<Id<"users">>'
 * ```
 */
export function validatorType(
  validator: ValidatorJson,
  options: { readonly useIdType: boolean; readonly valuesModule: string },
): string {
  const recurse = (inner: ValidatorJson) => validatorType(inner, options);
  switch (validator.type) {
    case 'null':
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'string':
    case 'any':
      return validator.type;
    case 'bytes':
      return 'ArrayBuffer';
    case 'commitTs':
      // What `Infer<v.commitTs()>` is: a bigint, or the placeholder inside the writing mutation.
      return `bigint | import(${JSON.stringify(options.valuesModule)}).CommitTsPlaceholder`;
    case 'literal':
      return literalType(validator.value);
    case 'id':
      return options.useIdType ? `Id<${JSON.stringify(validator.tableName)}>` : 'string';
    case 'array':
      return `Array<${recurse(validator.value)}>`;
    case 'record':
      return `Record<${recurse(validator.keys)}, ${recurse(validator.values.fieldType)}>`;
    case 'union':
      return validator.value.map(recurse).join(' | ');
    case 'object': {
      const fields = Object.entries(validator.value).map(
        ([name, field]) =>
          `${propertyName(name)}${field.optional ? '?' : ''}: ${recurse(field.fieldType)}`,
      );
      return `{ ${fields.join('; ')} }`;
    }
    default:
      return unreachable(validator);
  }
}

function literalType(json: JSONValue): string {
  const value = jsonToConvex(json);
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  throw new Error(`Unsupported literal in a validator: ${JSON.stringify(json)}`);
}

/**
 * Parses validator JSON text (`null` or empty means "none").
 *
 * @example
 * ```ts
 * parseValidatorJson('{"type":"string"}'); // { type: 'string' }
 * ```
 */
export function parseValidatorJson(text: string | null): ValidatorJson | null {
  if (text === null || text === '') return null;
  return JSON.parse(text) as ValidatorJson | null;
}

function unreachable(value: never): never {
  throw new Error(`Unknown validator: ${JSON.stringify(value)}`);
}
