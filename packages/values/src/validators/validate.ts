import { ValuesError } from '../errors/values-error.ts';
import { tryParseDocumentId } from '../ids/parse-document-id.ts';
import { jsonToConvex } from '../json/json-to-convex.ts';
import { formatValuePath, type PathSegment } from '../json/value-path.ts';
import { compareValues } from '../order/compare-values.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { describeValue } from '../value/describe-value.ts';
import { isInt64 } from '../value/int64.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import type { JSONValue, Value } from '../value/value.ts';
import { describeValidator } from './describe-validator.ts';
import type { GenericValidator } from './generic-validator.ts';
import type { ValidatorJSON } from './validator-json.ts';

/**
 * Options of {@link validate}.
 *
 * @example
 * ```ts
 * const options: ValidateOptions = { tableNumberFor: (name) => tables.get(name)?.number, path: 'args' };
 * ```
 */
export interface ValidateOptions {
  /**
   * The table number of a table name (`undefined` if there is no such table). With it, `v.id(t)`
   * accepts only ids of table `t`; without it, any valid id string.
   */
  readonly tableNumberFor?: (tableName: string) => number | undefined;
  /** Label of the root in error paths (e.g. `args`). Default: none, paths start with `.` or `[`. */
  readonly path?: string;
}

/**
 * The outcome of {@link validate}: `ok`, or the first mismatch as a `ValuesError` with code
 * `ValidationFailed`, its `path`, and a message naming the path, the value found and the
 * validator expected.
 *
 * @example
 * ```ts
 * const result: ValidationResult = validate(args, argsValidator);
 * if (!result.ok) throw result.error;
 * ```
 */
export type ValidationResult =
  { readonly ok: true } | { readonly ok: false; readonly error: ValuesError };

interface Issue {
  readonly reversedSegments: PathSegment[];
  readonly describe: (pathLine: string) => string;
}

interface Context {
  readonly tableNumberFor: ((tableName: string) => number | undefined) | undefined;
}

const OK: ValidationResult = Object.freeze({ ok: true });

/**
 * Checks a Convex value against a validator, given as a validator object (`v.*`) or as its JSON
 * form (what the server has from push-time analysis). Objects must have exactly the validator's
 * fields: unknown fields are rejected; optional fields may be missing (or `undefined`) but not
 * `null` unless their validator accepts `null`. Returns a result instead of throwing (see
 * {@link assertValid} for the throwing form). Assumes `value` is a Convex value (e.g. decoded by
 * {@link jsonToConvex}); `v.any()` accepts anything but `undefined`.
 *
 * @example
 * ```ts
 * const result = validate({ author: 42 }, v.object({ author: v.string() }));
 * // result.error.message:
 * // Value does not match validator.
 * // Path: .author
 * // Value: 42
 * // Validator: v.string()
 * ```
 */
export function validate(
  value: unknown,
  validator: GenericValidator | ValidatorJSON,
  options: ValidateOptions = {},
): ValidationResult {
  const json: ValidatorJSON = 'isConvexValidator' in validator ? validator.json : validator;
  const issue = check(value, json, { tableNumberFor: options.tableNumberFor });
  if (issue === undefined) return OK;
  const path = formatValuePath([...issue.reversedSegments].reverse(), options.path ?? '');
  const message = issue.describe(path === '' ? '' : `\nPath: ${path}`);
  return { ok: false, error: new ValuesError('ValidationFailed', message, { path }) };
}

/**
 * Like {@link validate}, but throws the error instead of returning it.
 *
 * @throws {ValuesError} code `ValidationFailed`.
 * @example
 * ```ts
 * assertValid(args, { type: 'object', value: {} }); // throws if args has any field
 * ```
 */
export function assertValid(
  value: unknown,
  validator: GenericValidator | ValidatorJSON,
  options: ValidateOptions = {},
): void {
  const result = validate(value, validator, options);
  if (!result.ok) throw result.error;
}

function check(value: unknown, json: ValidatorJSON, context: Context): Issue | undefined {
  switch (json.type) {
    case 'any':
      return value === undefined ? noMatch(value, json) : undefined;
    case 'null':
      return value === null ? undefined : noMatch(value, json);
    case 'number':
      return typeof value === 'number' ? undefined : noMatch(value, json);
    case 'bigint':
      return isInt64(value) ? undefined : noMatch(value, json);
    case 'commitTs':
      return isInt64(value) || isCommitTsPlaceholder(value) ? undefined : noMatch(value, json);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : noMatch(value, json);
    case 'string':
      return typeof value === 'string' ? undefined : noMatch(value, json);
    case 'bytes':
      return isArrayBuffer(value) ? undefined : noMatch(value, json);
    case 'literal':
      return compareValues(value as Value, literalValue(json.value)) === 0 && value !== undefined
        ? undefined
        : noMatch(value, json);
    case 'id':
      return checkId(value, json, context);
    case 'array':
      return checkArray(value, json, context);
    case 'object':
      return checkObject(value, json, context);
    case 'record':
      return checkRecord(value, json, context);
    case 'union':
      return checkUnion(value, json, context);
    default:
      return issueAt(() => `Unknown validator type in ${JSON.stringify(json)}.`);
  }
}

function checkId(
  value: unknown,
  json: { type: 'id'; tableName: string },
  context: Context,
): Issue | undefined {
  if (typeof value !== 'string') return noMatch(value, json);
  const parsed = tryParseDocumentId(value);
  if (parsed === null) return noMatch(value, json);
  if (context.tableNumberFor === undefined) return undefined;
  const expected = context.tableNumberFor(json.tableName);
  if (expected === parsed.tableNumber) return undefined;
  const table =
    expected === undefined
      ? `there is no table "${json.tableName}"`
      : `table "${json.tableName}" has number ${expected}`;
  return issueAt(
    (pathLine) =>
      `Found ID ${JSON.stringify(value)} from table number ${parsed.tableNumber}, which does not match the table name in validator \`${describeValidator(json)}\` (${table}).${pathLine}`,
  );
}

function checkArray(
  value: unknown,
  json: { type: 'array'; value: ValidatorJSON },
  context: Context,
): Issue | undefined {
  if (!Array.isArray(value)) return noMatch(value, json);
  for (let i = 0; i < value.length; i++) {
    const issue = check(value[i], json.value, context);
    if (issue !== undefined) return inside(issue, i);
  }
  return undefined;
}

function checkObject(
  value: unknown,
  json: Extract<ValidatorJSON, { type: 'object' }>,
  context: Context,
): Issue | undefined {
  if (!isPlainObject(value)) return noMatch(value, json);
  for (const name in json.value) {
    if (!Object.hasOwn(json.value, name)) continue;
    const field = json.value[name]!;
    const fieldValue = Object.hasOwn(value, name) ? value[name] : undefined;
    if (fieldValue === undefined) {
      if (field.optional) continue;
      return objectIssue(
        value,
        json,
        `Object is missing the required field \`${name}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.`,
      );
    }
    const issue = check(fieldValue, field.fieldType, context);
    if (issue !== undefined) return inside(issue, name);
  }
  for (const name of Object.keys(value)) {
    if (value[name] !== undefined && !Object.hasOwn(json.value, name)) {
      return objectIssue(
        value,
        json,
        `Object contains extra field \`${name}\` that is not in the validator.`,
      );
    }
  }
  return undefined;
}

function checkRecord(
  value: unknown,
  json: Extract<ValidatorJSON, { type: 'record' }>,
  context: Context,
): Issue | undefined {
  if (!isPlainObject(value)) return noMatch(value, json);
  for (const key of Object.keys(value)) {
    const fieldValue = value[key];
    if (fieldValue === undefined) continue;
    if (check(key, json.keys, context) !== undefined) {
      return issueAt(
        (pathLine) =>
          `Record key ${JSON.stringify(key)} does not match the key validator.${pathLine}\nKey validator: ${describeValidator(json.keys)}`,
      );
    }
    const issue = check(fieldValue, json.values.fieldType, context);
    if (issue !== undefined) return inside(issue, key);
  }
  return undefined;
}

function checkUnion(
  value: unknown,
  json: { type: 'union'; value: ValidatorJSON[] },
  context: Context,
): Issue | undefined {
  // With one member, its own (more precise) mismatch is the better message.
  if (json.value.length === 1) return check(value, json.value[0]!, context);
  for (const member of json.value) {
    if (check(value, member, context) === undefined) return undefined;
  }
  return noMatch(value, json);
}

const literalCache = new WeakMap<object, Value>();

function literalValue(json: JSONValue): Value {
  if (typeof json !== 'object' || json === null) return json;
  let decoded = literalCache.get(json);
  if (decoded === undefined) {
    decoded = jsonToConvex(json);
    literalCache.set(json, decoded);
  }
  return decoded;
}

function issueAt(describe: (pathLine: string) => string): Issue {
  return { reversedSegments: [], describe };
}

function inside(issue: Issue, segment: PathSegment): Issue {
  issue.reversedSegments.push(segment);
  return issue;
}

function noMatch(value: unknown, json: ValidatorJSON): Issue {
  return issueAt(
    (pathLine) =>
      `Value does not match validator.${pathLine}\nValue: ${describeValue(value)}\nValidator: ${describeValidator(json)}`,
  );
}

function objectIssue(value: unknown, json: ValidatorJSON, headline: string): Issue {
  return issueAt(
    (pathLine) =>
      `${headline}${pathLine}\nObject: ${describeValue(value)}\nValidator: ${describeValidator(json)}`,
  );
}
