import { convexOrUndefinedToJson, type JSONValue, type Value } from '@selfhost/values';
import type { GenericTableInfo } from '../data-model/data-model.ts';
import { Expression, type ExpressionOrValue } from './expression.ts';
import type { FilterBuilder } from './filter-builder.ts';

/**
 * The expression objects the filter builder hands out: a wrapper around their Expr JSON.
 *
 * @example
 * ```ts
 * new ExpressionNode({ $field: 'channel' }).json; // { $field: 'channel' }
 * ```
 */
// The type argument is `any` so that one node class can stand for every Expression<T>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export class ExpressionNode extends Expression<any> {
  readonly json: JSONValue;

  constructor(json: JSONValue) {
    super();
    this.json = json;
  }
}

/**
 * The Expr JSON of an operand: an expression's own JSON, or `{"$literal": …}` for a plain value
 * (`undefined` becomes `{"$undefined": null}`, meaning "missing field").
 *
 * @example
 * ```ts
 * serializeExpression(3); // { $literal: 3 }
 * ```
 */
export function serializeExpression(operand: ExpressionOrValue<Value | undefined>): JSONValue {
  if (operand instanceof ExpressionNode) return operand.json;
  return { $literal: convexOrUndefinedToJson(operand as Value | undefined) };
}

function binary(operator: string) {
  return (l: ExpressionOrValue<Value | undefined>, r: ExpressionOrValue<Value | undefined>) =>
    new ExpressionNode({ [operator]: [serializeExpression(l), serializeExpression(r)] });
}

function unary(operator: string) {
  return (x: ExpressionOrValue<Value | undefined>) =>
    new ExpressionNode({ [operator]: serializeExpression(x) });
}

function variadic(operator: string) {
  return (...exprs: Array<ExpressionOrValue<boolean>>) =>
    new ExpressionNode({ [operator]: exprs.map(serializeExpression) });
}

/**
 * The filter builder passed to every `.filter(q => …)` callback.
 *
 * @example
 * ```ts
 * serializeExpression(filterBuilder.eq(filterBuilder.field('a'), 1)); // { $eq: [{ $field: 'a' }, { $literal: 1 }] }
 * ```
 */
export const filterBuilder: FilterBuilder<GenericTableInfo> = Object.freeze({
  eq: binary('$eq'),
  neq: binary('$neq'),
  lt: binary('$lt'),
  lte: binary('$lte'),
  gt: binary('$gt'),
  gte: binary('$gte'),
  add: binary('$add'),
  sub: binary('$sub'),
  mul: binary('$mul'),
  div: binary('$div'),
  mod: binary('$mod'),
  neg: unary('$neg'),
  and: variadic('$and'),
  or: variadic('$or'),
  not: unary('$not'),
  field: (fieldPath: string) => new ExpressionNode({ $field: fieldPath }),
});
