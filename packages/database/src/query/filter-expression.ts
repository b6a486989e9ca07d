import {
  compareValues,
  describeValue,
  jsonToConvexOrUndefined,
  MAX_INT64,
  MIN_INT64,
  type JSONValue,
  type Value,
} from '@selfhost/values';
import type { DocumentValue } from '../documents/stored-document.ts';
import { getFieldPath } from '../documents/field-path.ts';
import { DatabaseError } from '../errors/database-error.ts';

/**
 * A compiled filter expression: evaluates against one document.
 *
 * @example
 * ```ts
 * const keep = compileFilter({ $eq: [{ $field: 'done' }, { $literal: false }] });
 * keep(doc.value); // true | false | other values
 * ```
 */
export type CompiledExpression = (document: DocumentValue) => Value | undefined;

const invalid = (message: string): DatabaseError =>
  new DatabaseError('InvalidQuery', `Invalid filter expression: ${message}`);
const evalError = (message: string): DatabaseError => new DatabaseError('EvalError', message);

type Comparison = '$eq' | '$neq' | '$lt' | '$lte' | '$gt' | '$gte';
type Arithmetic = '$add' | '$sub' | '$mul' | '$div' | '$mod';

const comparisons: Record<Comparison, (c: number) => boolean> = {
  $eq: (c) => c === 0,
  $neq: (c) => c !== 0,
  $lt: (c) => c < 0,
  $lte: (c) => c <= 0,
  $gt: (c) => c > 0,
  $gte: (c) => c >= 0,
};

function checkedInt(value: bigint, op: string): bigint {
  if (value > MAX_INT64 || value < MIN_INT64) throw evalError(`Int64 overflow in ${op}`);
  return value;
}

function arithmetic(op: Arithmetic, a: Value | undefined, b: Value | undefined): Value {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '$add':
        return checkedInt(a + b, op);
      case '$sub':
        return checkedInt(a - b, op);
      case '$mul':
        return checkedInt(a * b, op);
      case '$div':
        if (b === 0n) throw evalError('Int64 division by zero');
        return checkedInt(a / b, op);
      case '$mod':
        if (b === 0n) throw evalError('Int64 modulo by zero');
        return a % b;
    }
  }
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '$add':
        return a + b;
      case '$sub':
        return a - b;
      case '$mul':
        return a * b;
      case '$div':
        return a / b;
      case '$mod':
        return a % b;
    }
  }
  throw evalError(
    `Cannot apply ${op} to ${describeValue(a)} and ${describeValue(b)}: both operands must be Int64 (bigint) or both Float64 (number)`,
  );
}

function requireBoolean(value: Value | undefined, op: string): boolean {
  if (typeof value !== 'boolean')
    throw evalError(`${op} requires boolean operands, got ${describeValue(value)}`);
  return value;
}

function pair(args: unknown, op: string): [CompiledExpression, CompiledExpression] {
  if (!Array.isArray(args) || args.length !== 2) throw invalid(`${op} takes exactly two operands`);
  return [compileExpression(args[0] as JSONValue), compileExpression(args[1] as JSONValue)];
}

/**
 * Compiles a filter expression of compat §4.7 into a function. Comparisons use the total value
 * order (undefined lowest); arithmetic is Int64×Int64 (checked) or Float64×Float64; `$and`/`$or`
 * short-circuit and require booleans.
 *
 * @throws {DatabaseError} `InvalidQuery` for a malformed expression; the compiled function throws
 * `EvalError` when evaluation fails.
 * @example
 * ```ts
 * compileExpression({ $gt: [{ $field: 'n' }, { $literal: 5 }] })({ n: 7 }); // true
 * ```
 */
export function compileExpression(json: JSONValue): CompiledExpression {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid(`expected an object, got ${JSON.stringify(json)}`);
  const keys = Object.keys(json);
  if (keys.length !== 1)
    throw invalid(`expected exactly one operator key, got ${JSON.stringify(keys)}`);
  const op = keys[0]!;
  const args = json[op];
  switch (op) {
    case '$field': {
      if (typeof args !== 'string') throw invalid('$field takes a field path string');
      return (doc) => getFieldPath(doc, args);
    }
    case '$literal': {
      let value: Value | undefined;
      try {
        value = jsonToConvexOrUndefined(args as JSONValue);
      } catch (error) {
        throw new DatabaseError(
          'InvalidQuery',
          `Invalid filter expression: bad $literal: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      return () => value;
    }
    case '$eq':
    case '$neq':
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte': {
      const [left, right] = pair(args, op);
      const test = comparisons[op];
      return (doc) => test(compareValues(left(doc), right(doc)));
    }
    case '$add':
    case '$sub':
    case '$mul':
    case '$div':
    case '$mod': {
      const [left, right] = pair(args, op);
      return (doc) => arithmetic(op, left(doc), right(doc));
    }
    case '$neg': {
      const inner = compileExpression(args as JSONValue);
      return (doc) => {
        const value = inner(doc);
        if (typeof value === 'bigint') return checkedInt(-value, op);
        if (typeof value === 'number') return -value;
        throw evalError(`Cannot apply $neg to ${describeValue(value)}`);
      };
    }
    case '$not': {
      const inner = compileExpression(args as JSONValue);
      return (doc) => !requireBoolean(inner(doc), op);
    }
    case '$and':
    case '$or': {
      if (!Array.isArray(args)) throw invalid(`${op} takes a list of operands`);
      const parts = args.map((arg) => compileExpression(arg));
      const stopOn = op === '$or';
      return (doc) => {
        for (const part of parts) if (requireBoolean(part(doc), op) === stopOn) return stopOn;
        return !stopOn;
      };
    }
    default:
      throw invalid(`unknown operator ${JSON.stringify(op)}`);
  }
}
