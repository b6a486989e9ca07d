import type { NumericValue, Value } from '@selfhost/values';
import type {
  DocumentByInfo,
  FieldPaths,
  FieldTypeFromFieldPath,
  GenericTableInfo,
} from '../data-model/data-model.ts';
import type { Expression, ExpressionOrValue } from './expression.ts';

/**
 * Builds filter expressions for `.filter(q => …)`. Comparisons use the total order of Convex
 * values (a missing field is `undefined`, which sorts first); `and`/`or`/`not` take booleans.
 *
 * @example
 * ```ts
 * ctx.db.query('messages').filter((q) => q.and(q.eq(q.field('channel'), 'general'), q.gt(q.field('likes'), 3)));
 * ```
 */
export interface FilterBuilder<TTableInfo extends GenericTableInfo> {
  /** `l === r` */
  eq<TValue extends Value | undefined>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l !== r` */
  neq<TValue extends Value | undefined>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l < r` */
  lt<TValue extends Value>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l <= r` */
  lte<TValue extends Value>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l > r` */
  gt<TValue extends Value>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l >= r` */
  gte<TValue extends Value>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<boolean>;
  /** `l + r` */
  add<TValue extends NumericValue>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<TValue>;
  /** `l - r` */
  sub<TValue extends NumericValue>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<TValue>;
  /** `l * r` */
  mul<TValue extends NumericValue>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<TValue>;
  /** `l / r` */
  div<TValue extends NumericValue>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<TValue>;
  /** `l % r` */
  mod<TValue extends NumericValue>(
    l: ExpressionOrValue<TValue>,
    r: ExpressionOrValue<TValue>,
  ): Expression<TValue>;
  /** `-x` */
  neg<TValue extends NumericValue>(x: ExpressionOrValue<TValue>): Expression<TValue>;
  /** `exprs[0] && exprs[1] && …` */
  and(...exprs: Array<ExpressionOrValue<boolean>>): Expression<boolean>;
  /** `exprs[0] || exprs[1] || …` */
  or(...exprs: Array<ExpressionOrValue<boolean>>): Expression<boolean>;
  /** `!x` */
  not(x: ExpressionOrValue<boolean>): Expression<boolean>;
  /** The value of the document field at `fieldPath` (dotted for nested fields). */
  field<TFieldPath extends FieldPaths<TTableInfo>>(
    fieldPath: TFieldPath,
  ): Expression<FieldTypeFromFieldPath<DocumentByInfo<TTableInfo>, TFieldPath>>;
}
