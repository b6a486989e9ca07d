import type { Value } from '@selfhost/values';

/**
 * A filter expression that evaluates to a value of type `TValue`. Build them with the
 * {@link FilterBuilder} handed to `.filter(q => …)`; they cannot be constructed directly.
 *
 * @example
 * ```ts
 * const isGeneral: Expression<boolean> = q.eq(q.field('channel'), 'general');
 * ```
 */
export abstract class Expression<TValue extends Value | undefined> {
  // Type-only members: the private marker makes the class nominal, and `valueType` keeps
  // `Expression<boolean>` and `Expression<string>` apart.
  declare private readonly isExpression: undefined;
  declare private readonly valueType: TValue;

  /** @internal */
  constructor() {}
}

/**
 * An expression of type `TValue`, or a plain value of that type (used as a literal).
 *
 * @example
 * ```ts
 * const operand: ExpressionOrValue<number> = 3;
 * ```
 */
export type ExpressionOrValue<TValue extends Value | undefined> = Expression<TValue> | TValue;
