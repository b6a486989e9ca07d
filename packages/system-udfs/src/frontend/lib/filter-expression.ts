import type { JSONValue } from '@selfhost/client/values';

/** A comparison the data page can apply to one field (values are Convex-JSON). */
export type ComparisonClause = {
  op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte';
  field?: string;
  value?: JSONValue;
  enabled?: boolean;
  id?: string;
};

/** "field is one of / none of these values". */
export type ListClause = {
  op: 'anyOf' | 'noneOf';
  field?: string;
  value?: JSONValue[];
  enabled?: boolean;
  id?: string;
};

/** The Convex type names a type filter can test for. */
export const typeFilterValues = ['string', 'boolean', 'number', 'bigint', 'null', 'id', 'array', 'object', 'bytes', 'unset'] as const;

/** "field has / has not this type". */
export type TypeClause = {
  op: 'type' | 'notype';
  field?: string;
  value?: (typeof typeFilterValues)[number];
  enabled?: boolean;
  id?: string;
};

/** One filter row of the data page. */
export type FilterClause = ComparisonClause | ListClause | TypeClause;

/** An equality on the next field of the chosen index. */
export type IndexEqClause = { type: 'indexEq'; enabled: boolean; value?: JSONValue };

/** A range on the next field of the chosen index (only as the last index clause). */
export type IndexRangeClause = {
  type: 'indexRange';
  enabled: boolean;
  lowerOp?: 'gt' | 'gte';
  lowerValue?: JSONValue;
  upperOp?: 'lt' | 'lte';
  upperValue?: JSONValue;
};

/**
 * What the data page sends as `filters` (base64 of this JSON, as the Convex dashboard does): the
 * filter rows, the sort order, and optionally the index to read through with clauses on its
 * fields in index order.
 */
export type FilterExpression = {
  clauses: FilterClause[];
  order?: 'asc' | 'desc';
  index?: { name: string; clauses: (IndexEqClause | IndexRangeClause)[] };
};

const comparisonOps = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'anyOf', 'noneOf', 'type', 'notype']);

/**
 * Decodes the `filters` argument (base64 of UTF-8 JSON) and checks its shape.
 *
 * @example
 * decodeFilterExpression(btoa('{"clauses":[]}')); // { clauses: [] }
 */
export function decodeFilterExpression(encoded: string): FilterExpression {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { clauses?: unknown }).clauses)) {
    throw new Error('Invalid filters: expected an object with a `clauses` array.');
  }
  const expression = parsed as FilterExpression;
  for (const clause of expression.clauses) {
    if (!comparisonOps.has(clause.op)) throw new Error(`Invalid filters: unknown operator ${JSON.stringify(clause.op)}.`);
  }
  if (expression.order !== undefined && expression.order !== 'asc' && expression.order !== 'desc') {
    throw new Error('Invalid filters: `order` must be "asc" or "desc".');
  }
  return expression;
}
