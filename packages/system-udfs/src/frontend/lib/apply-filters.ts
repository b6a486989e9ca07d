import type { ExpressionOrValue, FilterBuilder, GenericTableInfo } from '@selfhost/client/server';
import { jsonToConvex, type Value } from '@selfhost/client/values';
import type { ComparisonClause, FilterClause, IndexEqClause, IndexRangeClause, ListClause, TypeClause } from './filter-expression.ts';

type Builder = FilterBuilder<GenericTableInfo>;

/** Clauses that turn into a database filter, and type clauses applied to each page afterwards. */
export function partitionClauses(clauses: readonly FilterClause[]): {
  database: (ComparisonClause | ListClause)[];
  types: TypeClause[];
} {
  const active = clauses.filter((clause) => clause.enabled !== false && clause.field !== undefined && clause.field !== '');
  return {
    database: active.filter((clause): clause is ComparisonClause | ListClause => clause.op !== 'type' && clause.op !== 'notype'),
    types: active.filter((clause): clause is TypeClause => clause.op === 'type' || clause.op === 'notype'),
  };
}

/**
 * The filter expression of the comparison and list clauses, all of which must hold.
 *
 * @example
 * query.filter((q) => databaseFilter(q, [{ op: 'eq', field: 'done', value: false }]));
 */
export function databaseFilter(q: Builder, clauses: readonly (ComparisonClause | ListClause)[]): ExpressionOrValue<boolean> {
  if (clauses.length === 0) return true;
  return q.and(...clauses.map((clause) => clauseFilter(q, clause)));
}

function clauseFilter(q: Builder, clause: ComparisonClause | ListClause): ExpressionOrValue<boolean> {
  if (!isListClause(clause)) return comparisonFilter(q, clause);
  const field = q.field(clause.field ?? '');
  const values = (clause.value ?? []).map((value) => jsonToConvex(value));
  if (values.length === 0) return true;
  return clause.op === 'anyOf'
    ? q.or(...values.map((value) => q.eq(field, value)))
    : q.and(...values.map((value) => q.neq(field, value)));
}

function isListClause(clause: ComparisonClause | ListClause): clause is ListClause {
  return clause.op === 'anyOf' || clause.op === 'noneOf';
}

function comparisonFilter(q: Builder, clause: ComparisonClause): ExpressionOrValue<boolean> {
  const field = q.field(clause.field ?? '');
  // A clause without a value compares with "missing".
  const value: Value | undefined = clause.value === undefined ? undefined : jsonToConvex(clause.value);
  switch (clause.op) {
    case 'eq':
      return q.eq(field, value);
    case 'neq':
      return q.neq(field, value);
    case 'gt':
      return q.gt(field, value as Value);
    case 'gte':
      return q.gte(field, value as Value);
    case 'lt':
      return q.lt(field, value as Value);
    case 'lte':
      return q.lte(field, value as Value);
    default: {
      const unknownOp: never = clause.op;
      throw new Error(`Unknown filter operator ${String(unknownOp)}`);
    }
  }
}

/** The index range builder's methods that the data page uses. */
export interface RangeBuilder {
  eq(field: string, value: Value | undefined): RangeBuilder;
  gt(field: string, value: Value): RangeBuilder;
  gte(field: string, value: Value): RangeBuilder;
  lt(field: string, value: Value): RangeBuilder;
  lte(field: string, value: Value): RangeBuilder;
}

/**
 * Applies index clauses to the index's fields in order: equalities first, at most one range,
 * which must be the last enabled clause.
 *
 * @example
 * query.withIndex('by_author', (q) => indexRange(q, ['author'], [{ type: 'indexEq', enabled: true, value: 'ada' }]));
 */
export function indexRange(
  q: RangeBuilder,
  fields: readonly string[],
  clauses: readonly (IndexEqClause | IndexRangeClause)[],
): RangeBuilder {
  // Only the enabled prefix counts: clause i always belongs to index field i.
  const firstDisabled = clauses.findIndex((clause) => !clause.enabled);
  const enabled = firstDisabled === -1 ? clauses : clauses.slice(0, firstDisabled);
  if (enabled.length > fields.length) {
    throw new Error(`The index has ${fields.length} fields, but the filter has ${enabled.length} index clauses.`);
  }
  let builder = q;
  enabled.forEach((clause, i) => {
    const field = fields[i] ?? '';
    if (clause.type === 'indexEq') {
      builder = builder.eq(field, clause.value === undefined ? undefined : jsonToConvex(clause.value));
      return;
    }
    if (i !== enabled.length - 1) throw new Error('Only the last index clause may be a range.');
    if (clause.lowerOp && clause.lowerValue !== undefined) builder = builder[clause.lowerOp](field, jsonToConvex(clause.lowerValue));
    if (clause.upperOp && clause.upperValue !== undefined) builder = builder[clause.upperOp](field, jsonToConvex(clause.upperValue));
  });
  return builder;
}
