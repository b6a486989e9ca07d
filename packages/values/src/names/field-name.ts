import { ValuesError } from '../errors/values-error.ts';
import { MAX_FIELD_NAME_LENGTH } from '../limits/value-limits.ts';

/**
 * Why `name` is not a valid object field name, or `undefined` if it is one. Field names (at any
 * depth) have at most 1024 characters, only non-control ASCII (0x20–0x7E), and do not start with
 * `$`. The empty string is allowed.
 *
 * @example
 * ```ts
 * fieldNameProblem('$set'); // "starts with '$', which is reserved"
 * fieldNameProblem('ok'); // undefined
 * ```
 */
export function fieldNameProblem(name: string): string | undefined {
  if (name.length > MAX_FIELD_NAME_LENGTH) {
    return `is ${name.length} characters long, over the maximum of ${MAX_FIELD_NAME_LENGTH}`;
  }
  if (name.charCodeAt(0) === 36 /* $ */) return "starts with '$', which is reserved";
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      return (
        `has the invalid character ${JSON.stringify(name[i])} at index ${i}: ` +
        'field names may only contain non-control ASCII characters (0x20–0x7E)'
      );
    }
  }
  return undefined;
}

/**
 * Whether `name` is a valid object field name (see {@link fieldNameProblem}).
 *
 * @example
 * ```ts
 * isValidFieldName('a b'); // true
 * isValidFieldName('é'); // false
 * ```
 */
export function isValidFieldName(name: string): boolean {
  return fieldNameProblem(name) === undefined;
}

/**
 * Throws unless `name` is a valid object field name (see {@link fieldNameProblem}).
 *
 * @param path where the field is, for the error (e.g. `.author`).
 * @throws {ValuesError} code `InvalidFieldName`, naming the field and the rule it breaks.
 * @example
 * ```ts
 * checkFieldName('$bad'); // throws: Field name "$bad" starts with '$', which is reserved
 * ```
 */
export function checkFieldName(name: string, path?: string): void {
  const problem = fieldNameProblem(name);
  if (problem !== undefined) throw invalidFieldName(name, problem, path);
}

/**
 * The error {@link checkFieldName} throws.
 *
 * @internal
 * @example
 * ```ts
 * throw invalidFieldName('$a', "starts with '$', which is reserved");
 * ```
 */
export function invalidFieldName(name: string, problem: string, path?: string): ValuesError {
  const where = path === undefined || path === '' ? '' : ` at ${path}`;
  return new ValuesError(
    'InvalidFieldName',
    `Field name ${JSON.stringify(name)}${where} ${problem}.`,
    { path },
  );
}
