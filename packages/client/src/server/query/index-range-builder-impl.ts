import { convexOrUndefinedToJson, type Value } from '@selfhost/values';
import { IndexRange } from './index-range-builder.ts';
import type { SerializedRangeExpression } from './serialized-query.ts';

/**
 * The index range builder handed to `.withIndex(name, q => …)`. Every call returns a new builder;
 * each builder may be used once, so a range is built by one chain (`q.eq(…).gt(…)`).
 *
 * @example
 * ```ts
 * IndexRangeBuilderImpl.start().eq('channel', 'general').gt('_creationTime', 5).serialize();
 * ```
 */
export class IndexRangeBuilderImpl extends IndexRange {
  readonly #bounds: readonly SerializedRangeExpression[];
  #used = false;

  private constructor(bounds: readonly SerializedRangeExpression[]) {
    super();
    this.#bounds = bounds;
  }

  /** An empty range: the whole index. */
  static start(): IndexRangeBuilderImpl {
    return new IndexRangeBuilderImpl([]);
  }

  eq(fieldName: string, value: Value | undefined): IndexRangeBuilderImpl {
    return this.#with('Eq', fieldName, value);
  }

  gt(fieldName: string, value: Value | undefined): IndexRangeBuilderImpl {
    return this.#with('Gt', fieldName, value);
  }

  gte(fieldName: string, value: Value | undefined): IndexRangeBuilderImpl {
    return this.#with('Gte', fieldName, value);
  }

  lt(fieldName: string, value: Value | undefined): IndexRangeBuilderImpl {
    return this.#with('Lt', fieldName, value);
  }

  lte(fieldName: string, value: Value | undefined): IndexRangeBuilderImpl {
    return this.#with('Lte', fieldName, value);
  }

  /** The range expressions, in the order they were added. */
  serialize(): readonly SerializedRangeExpression[] {
    this.#markUsed();
    return this.#bounds;
  }

  #with(
    type: SerializedRangeExpression['type'],
    fieldPath: string,
    value: Value | undefined,
  ): IndexRangeBuilderImpl {
    this.#markUsed();
    return new IndexRangeBuilderImpl([
      ...this.#bounds,
      { type, fieldPath, value: convexOrUndefinedToJson(value) },
    ]);
  }

  #markUsed(): void {
    if (this.#used) {
      throw new Error(
        'This index range builder has already been used. Chain the calls in one expression, ' +
          'like `q => q.eq("a", 1).gt("b", 2)`, instead of calling `q.eq(...)` twice on the same `q`. ' +
          'See https://docs.convex.dev/using/indexes',
      );
    }
    this.#used = true;
  }
}

/**
 * The range built by a `.withIndex` callback: `undefined` means the whole index. A callback that
 * returns something other than a builder from this library is a programming error.
 *
 * @example
 * ```ts
 * serializeIndexRange((q) => q.eq('channel', 'general'));
 * ```
 */
export function serializeIndexRange(
  indexRange: ((q: IndexRangeBuilderImpl) => unknown) | undefined,
): readonly SerializedRangeExpression[] {
  const start = IndexRangeBuilderImpl.start();
  const built = indexRange === undefined ? start : indexRange(start);
  if (!(built instanceof IndexRangeBuilderImpl)) {
    throw new Error(
      'The `withIndex` callback must return the range builder it was given, e.g. `(q) => q.eq("field", value)`.',
    );
  }
  return built.serialize();
}
