import { ValuesError } from '../errors/values-error.ts';
import { MAX_IDENTIFIER_LENGTH } from '../limits/value-limits.ts';

/**
 * Why `name` is not an identifier (the rule for table names, index names, function export names,
 * cron ids, component names…), or `undefined` if it is one: it matches
 * `^[A-Za-z_][A-Za-z0-9_]*$`, has at most 64 characters and is not made only of underscores.
 *
 * @example
 * ```ts
 * identifierProblem('9lives'); // "must start with a letter or '_', not \"9\""
 * identifierProblem('messages'); // undefined
 * ```
 */
export function identifierProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  const first = name.charCodeAt(0);
  if (!isLetter(first) && first !== 95)
    return `must start with a letter or '_', not ${JSON.stringify(name[0])}`;
  let onlyUnderscores = true;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 95) continue;
    if (!isLetter(code) && !(code >= 48 && code <= 57)) {
      return `has the invalid character ${JSON.stringify(name[i])} at index ${i}: only letters, digits and '_' are allowed`;
    }
    onlyUnderscores = false;
  }
  if (name.length > MAX_IDENTIFIER_LENGTH) {
    return `is ${name.length} characters long, over the maximum of ${MAX_IDENTIFIER_LENGTH}`;
  }
  if (onlyUnderscores) return 'must not consist only of underscores';
  return undefined;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Whether `name` is an identifier (see {@link identifierProblem}).
 *
 * @example
 * ```ts
 * isValidIdentifier('by_author'); // true
 * isValidIdentifier('___'); // false
 * ```
 */
export function isValidIdentifier(name: string): boolean {
  return identifierProblem(name) === undefined;
}

/**
 * Throws unless `name` is an identifier (see {@link identifierProblem}).
 *
 * @param kind what the name is for, used in the message (`'table name'`, `'index name'`…).
 * @throws {ValuesError} code `InvalidIdentifier`, naming the identifier and the rule it breaks.
 * @example
 * ```ts
 * checkIdentifier('my-table', 'table name'); // throws: Invalid table name "my-table": has the invalid character "-"…
 * ```
 */
export function checkIdentifier(name: string, kind = 'identifier'): void {
  const problem = identifierProblem(name);
  if (problem !== undefined) throw invalidIdentifier(name, kind, problem);
}

/**
 * Throws unless `name` can be the name of a user table: an identifier that does not start with `_`
 * (names starting with `_` belong to system tables).
 *
 * @throws {ValuesError} code `InvalidIdentifier`.
 * @example
 * ```ts
 * checkUserTableName('messages'); // ok
 * checkUserTableName('_storage'); // throws
 * ```
 */
export function checkUserTableName(name: string): void {
  checkIdentifier(name, 'table name');
  if (name.startsWith('_')) {
    throw invalidIdentifier(
      name,
      'table name',
      "starts with '_', which is reserved for system tables",
    );
  }
}

/**
 * Throws unless `name` can be the name of a user index: an identifier that does not start with `_`
 * and is not one of the built-in index names `by_id` and `by_creation_time`.
 *
 * @throws {ValuesError} code `InvalidIdentifier`.
 * @example
 * ```ts
 * checkUserIndexName('by_author'); // ok
 * checkUserIndexName('by_id'); // throws
 * ```
 */
export function checkUserIndexName(name: string): void {
  checkIdentifier(name, 'index name');
  if (name.startsWith('_')) {
    throw invalidIdentifier(name, 'index name', "starts with '_', which is reserved");
  }
  if (name === 'by_id' || name === 'by_creation_time') {
    throw invalidIdentifier(name, 'index name', 'is the name of a built-in index');
  }
}

function invalidIdentifier(name: string, kind: string, problem: string): ValuesError {
  return new ValuesError(
    'InvalidIdentifier',
    `Invalid ${kind} ${JSON.stringify(name)}: ${problem}.`,
  );
}
