import { utf8ByteLength } from '../encoding/utf8.ts';
import { ValuesError } from '../errors/values-error.ts';
import { formatValuePath, type PathSegment } from '../json/value-path.ts';
import { isCommitTsPlaceholder } from '../value/commit-ts-placeholder.ts';
import { isArrayBuffer, isPlainObject } from '../value/is-plain-object.ts';
import type { Value } from '../value/value.ts';
import { DEFAULT_VALUE_LIMITS, type ValueLimits } from './value-limits.ts';

/**
 * Options of {@link checkValueLimits}.
 *
 * @example
 * ```ts
 * const options: CheckLimitsOptions = { limits: { maxSize: 64 << 20 }, path: 'args' };
 * ```
 */
export interface CheckLimitsOptions {
  /** Limits to use instead of the defaults; missing entries keep their default. */
  readonly limits?: Partial<ValueLimits>;
  /** The defaults the overrides apply to. Default {@link DEFAULT_VALUE_LIMITS}. */
  readonly defaults?: ValueLimits;
  /** Label of the root in error paths. */
  readonly path?: string;
}

/**
 * What {@link checkValueLimits} measured.
 *
 * @example
 * ```ts
 * const { size, nesting } = checkValueLimits(value);
 * ```
 */
export interface ValueMeasurements {
  /** The size by the size formula ({@link getConvexSize}). */
  readonly size: number;
  /** The deepest nesting (a scalar is 0, an object of scalars 1). */
  readonly nesting: number;
}

/**
 * Checks a value against size, length and nesting limits (by default those for any value: arrays
 * ≤ 8192 elements, objects ≤ 1024 fields, nesting ≤ 64, size ≤ 32 MiB) in one pass, and returns its
 * size and nesting. Operators may raise limits through `options.limits`.
 *
 * @throws {ValuesError} code `LimitExceeded`, naming the limit, its value and where it was hit, or
 *   `InvalidValue` for something that is not a Convex value.
 * @example
 * ```ts
 * checkValueLimits(args, { path: 'args' });
 * checkValueLimits(doc, { defaults: DEFAULT_DOCUMENT_LIMITS, limits: { maxSize: 2 << 20 } });
 * ```
 */
export function checkValueLimits(
  value: Value,
  options: CheckLimitsOptions = {},
): ValueMeasurements {
  const limits: ValueLimits = { ...(options.defaults ?? DEFAULT_VALUE_LIMITS), ...options.limits };
  const segments: PathSegment[] = [];
  const fail = (message: string): ValuesError => {
    const path = formatValuePath(segments, options.path ?? '');
    return new ValuesError('LimitExceeded', path === '' ? message : `${message} (at ${path})`, {
      path,
    });
  };
  let deepest = 0;

  function measure(item: unknown, depth: number): number {
    switch (typeof item) {
      case 'undefined':
        return 0;
      case 'boolean':
        return 1;
      case 'bigint':
      case 'number':
        return 9;
      case 'string':
        return 2 + utf8ByteLength(item);
      case 'object':
        break;
      case 'function':
      case 'symbol':
        throw new ValuesError('InvalidValue', `a ${typeof item} is not a Convex value`);
    }
    if (item === null) return 1;
    if (isArrayBuffer(item)) return 2 + item.byteLength;
    if (isCommitTsPlaceholder(item)) return 9;
    const nesting = depth + 1;
    if (nesting > limits.maxNesting)
      throw fail(
        `Value is nested ${nesting} levels deep, over the limit maxNesting = ${limits.maxNesting}`,
      );
    if (nesting > deepest) deepest = nesting;
    if (Array.isArray(item)) {
      if (item.length > limits.maxArrayLength) {
        throw fail(
          `Array has ${item.length} elements, over the limit maxArrayLength = ${limits.maxArrayLength}`,
        );
      }
      let size = 2;
      for (let i = 0; i < item.length; i++) {
        segments.push(i);
        size += measure(item[i], nesting);
        segments.pop();
      }
      return size;
    }
    if (!isPlainObject(item))
      throw new ValuesError(
        'InvalidValue',
        `${item.constructor?.name ?? 'Object'} is not a Convex value`,
      );
    let size = 2;
    let fields = 0;
    for (const key of Object.keys(item)) {
      const field = item[key];
      if (field === undefined) continue;
      fields++;
      segments.push(key);
      size += utf8ByteLength(key) + 1 + measure(field, nesting);
      segments.pop();
    }
    if (fields > limits.maxObjectFields) {
      throw fail(
        `Object has ${fields} fields, over the limit maxObjectFields = ${limits.maxObjectFields}`,
      );
    }
    return size;
  }

  const size = measure(value, 0);
  if (size > limits.maxSize)
    throw fail(`Value is ${size} bytes, over the limit maxSize = ${limits.maxSize} bytes`);
  return { size, nesting: deepest };
}
