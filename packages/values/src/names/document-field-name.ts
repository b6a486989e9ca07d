import { fieldNameProblem, invalidFieldName } from './field-name.ts';

/**
 * The system fields every document has, and the only top-level fields that may start with `_`.
 *
 * @example
 * ```ts
 * SYSTEM_FIELDS.includes('_id'); // true
 * ```
 */
export const SYSTEM_FIELDS: readonly ['_id', '_creationTime'] = Object.freeze([
  '_id',
  '_creationTime',
] as const);

/**
 * Why `name` cannot be a top-level field of a document, or `undefined` if it can: it must be a
 * valid field name and must not start with `_`, except for `_id` and `_creationTime`.
 *
 * @example
 * ```ts
 * documentFieldNameProblem('_secret'); // "starts with '_', which is reserved for system fields…"
 * documentFieldNameProblem('_id'); // undefined
 * ```
 */
export function documentFieldNameProblem(name: string): string | undefined {
  const problem = fieldNameProblem(name);
  if (problem !== undefined) return problem;
  if (name.charCodeAt(0) === 95 /* _ */ && name !== '_id' && name !== '_creationTime') {
    return "starts with '_', which is reserved for system fields (only _id and _creationTime are allowed at the top level of a document)";
  }
  return undefined;
}

/**
 * Throws unless `name` can be a top-level field of a document (see {@link documentFieldNameProblem}).
 *
 * @throws {ValuesError} code `InvalidFieldName`, naming the field and the rule it breaks.
 * @example
 * ```ts
 * checkDocumentFieldName('_rank'); // throws
 * ```
 */
export function checkDocumentFieldName(name: string): void {
  const problem = documentFieldNameProblem(name);
  if (problem !== undefined) throw invalidFieldName(name, problem, `.${name}`);
}
