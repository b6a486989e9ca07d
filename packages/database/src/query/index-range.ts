import { jsonToConvexOrUndefined, type JSONValue, type Value } from '@selfhost/values';
import { DatabaseError } from '../errors/database-error.ts';
import { KEY_MAX, prefixEnd, sortKeyOf, type IndexKey } from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';
import type { RangeExpression } from './serialized-query.ts';

function rangeValue(json: JSONValue, field: string): Value | undefined {
  try {
    return jsonToConvexOrUndefined(json, { path: field });
  } catch (error) {
    throw new DatabaseError(
      'InvalidIndexRange',
      `Invalid value for ${field} in the index range: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Compiles range expressions on an index into one key interval `[start, end)` (semantics §3.2):
 * equalities on a prefix of the key fields, then at most one lower and one upper bound on the
 * next field.
 *
 * @throws {DatabaseError} `InvalidIndexRange` naming the problem.
 * @example
 * ```ts
 * compileIndexRange('messages.by_channel', ['channel', '_creationTime', '_id'], [{ type: 'Eq', fieldPath: 'channel', value: 'c' }]);
 * ```
 */
export function compileIndexRange(
  indexName: string,
  keyFields: readonly string[],
  range: readonly RangeExpression[],
): KeyInterval {
  const fail = (message: string): DatabaseError =>
    new DatabaseError(
      'InvalidIndexRange',
      `Invalid index range for ${indexName} (fields ${JSON.stringify(keyFields)}): ${message}`,
      { indexName },
    );
  const eq = new Map<string, Value | undefined>();
  const lower = new Map<string, { value: Value | undefined; inclusive: boolean }>();
  const upper = new Map<string, { value: Value | undefined; inclusive: boolean }>();
  for (const expr of range) {
    const field = expr.fieldPath;
    if (!keyFields.includes(field))
      throw fail(`the field "${field}" is not in the index (FieldNotInIndex)`);
    const value = rangeValue(expr.value, field);
    if (expr.type === 'Eq') {
      if (eq.has(field) || lower.has(field) || upper.has(field))
        throw fail(
          `"${field}" already has a bound; an equality must be its only bound (AlreadyDefinedBound)`,
        );
      eq.set(field, value);
    } else if (expr.type === 'Gt' || expr.type === 'Gte') {
      if (eq.has(field) || lower.has(field))
        throw fail(`"${field}" already has a lower bound or an equality (AlreadyDefinedBound)`);
      lower.set(field, { value, inclusive: expr.type === 'Gte' });
    } else {
      if (eq.has(field) || upper.has(field))
        throw fail(`"${field}" already has an upper bound or an equality (AlreadyDefinedBound)`);
      upper.set(field, { value, inclusive: expr.type === 'Lte' });
    }
  }
  const boundFields = new Set([...lower.keys(), ...upper.keys()]);
  if (boundFields.size > 1)
    throw fail(
      `inequalities on several fields (${[...boundFields].join(', ')}); only one field may have gt/gte/lt/lte (BoundsOnMultipleFields)`,
    );
  let prefix = '';
  let position = 0;
  for (; position < keyFields.length && eq.has(keyFields[position]!); position++) {
    prefix += sortKeyOf(eq.get(keyFields[position]!));
  }
  if (position !== eq.size) {
    throw fail(
      `equalities must cover a prefix of the index fields in order; "${keyFields[position]}" has none but a later field does (InvalidIndexRange)`,
    );
  }
  const boundField = [...boundFields][0];
  if (boundField !== undefined && keyFields[position] !== boundField) {
    throw fail(
      `the inequality on "${boundField}" must be on the field right after the equalities, "${keyFields[position]}" (InvalidIndexRange)`,
    );
  }
  const p = prefix as IndexKey;
  let start: IndexKey = p;
  let end: IndexKey = p === '' ? KEY_MAX : prefixEnd(p);
  if (boundField !== undefined) {
    const lo = lower.get(boundField);
    const hi = upper.get(boundField);
    if (lo !== undefined) {
      const k = (p + sortKeyOf(lo.value)) as IndexKey;
      start = lo.inclusive ? k : prefixEnd(k);
    }
    if (hi !== undefined) {
      const k = (p + sortKeyOf(hi.value)) as IndexKey;
      end = hi.inclusive ? prefixEnd(k) : k;
    }
  }
  return { start, end };
}
