import type {
  FieldTypeFromFieldPath,
  GenericDocument,
  GenericIndexFields,
} from '../data-model/data-model.ts';

/**
 * A finished index range, as returned from the callback of `.withIndex(name, q => …)`.
 *
 * @example
 * ```ts
 * const range = (q: IndexRangeBuilder<Doc, ['channel', '_creationTime']>): IndexRange => q.eq('channel', 'general');
 * ```
 */
export abstract class IndexRange {
  declare private readonly isIndexRange: undefined;

  /** @internal */
  constructor() {}
}

type PlusOne<TNumber extends number> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15][TNumber];

type NextIndexRangeBuilder<
  TDocument extends GenericDocument,
  TIndexFields extends GenericIndexFields,
  TFieldNum extends number,
> =
  PlusOne<TFieldNum> extends TIndexFields['length']
    ? IndexRange
    : IndexRangeBuilder<TDocument, TIndexFields, PlusOne<TFieldNum>>;

/**
 * Describes a range of an index: equalities on a prefix of the index fields, in index order,
 * optionally followed by a lower and/or upper bound on the next field.
 *
 * @example
 * ```ts
 * ctx.db.query('messages').withIndex('by_channel', (q) => q.eq('channel', c).gt('_creationTime', since));
 * ```
 */
export interface IndexRangeBuilder<
  TDocument extends GenericDocument,
  TIndexFields extends GenericIndexFields,
  TFieldNum extends number = 0,
> extends LowerBoundIndexRangeBuilder<TDocument, TIndexFields[TFieldNum]> {
  /** Restricts the range to documents whose `fieldName` equals `value`. */
  eq(
    fieldName: TIndexFields[TFieldNum],
    value: FieldTypeFromFieldPath<TDocument, TIndexFields[TFieldNum]>,
  ): NextIndexRangeBuilder<TDocument, TIndexFields, TFieldNum>;
}

/**
 * An index range builder after the equalities: a lower bound may follow.
 *
 * @example
 * ```ts
 * q.gte('score', 10).lt('score', 20);
 * ```
 */
export interface LowerBoundIndexRangeBuilder<
  TDocument extends GenericDocument,
  TIndexFieldName extends string,
> extends UpperBoundIndexRangeBuilder<TDocument, TIndexFieldName> {
  /** Only documents whose `fieldName` is greater than `value`. */
  gt(
    fieldName: TIndexFieldName,
    value: FieldTypeFromFieldPath<TDocument, TIndexFieldName>,
  ): UpperBoundIndexRangeBuilder<TDocument, TIndexFieldName>;
  /** Only documents whose `fieldName` is greater than or equal to `value`. */
  gte(
    fieldName: TIndexFieldName,
    value: FieldTypeFromFieldPath<TDocument, TIndexFieldName>,
  ): UpperBoundIndexRangeBuilder<TDocument, TIndexFieldName>;
}

/**
 * An index range builder after the lower bound: an upper bound may follow.
 *
 * @example
 * ```ts
 * q.lt('score', 20);
 * ```
 */
export interface UpperBoundIndexRangeBuilder<
  TDocument extends GenericDocument,
  TIndexFieldName extends string,
> extends IndexRange {
  /** Only documents whose `fieldName` is less than `value`. */
  lt(
    fieldName: TIndexFieldName,
    value: FieldTypeFromFieldPath<TDocument, TIndexFieldName>,
  ): IndexRange;
  /** Only documents whose `fieldName` is less than or equal to `value`. */
  lte(
    fieldName: TIndexFieldName,
    value: FieldTypeFromFieldPath<TDocument, TIndexFieldName>,
  ): IndexRange;
}
