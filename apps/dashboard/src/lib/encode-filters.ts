import type { JSONValue } from '@selfhost/client/values';

/** A filter row of the data page (the argument format of `paginatedTableDocuments`). */
export type FilterClause = {
  id: string;
  field: string;
  op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'type' | 'notype';
  value?: JSONValue;
  enabled: boolean;
};

/** What the data page sends as `filters`: rows, order, and the index to sort by. */
export type FilterExpression = {
  clauses: FilterClause[];
  order: 'asc' | 'desc';
  index?: { name: string; clauses: { type: 'indexEq'; enabled: boolean; value?: JSONValue }[] };
};

/**
 * The `filters` argument: base64 of the UTF-8 JSON, or null when it asks for nothing special
 * (newest first, no filters), so the default view shares one subscription.
 *
 * @example
 * encodeFilters({ clauses: [], order: 'desc' }); // null
 */
export function encodeFilters(expression: FilterExpression): string | null {
  const clauses = expression.clauses.filter((clause) => clause.enabled && clause.field !== '');
  if (clauses.length === 0 && expression.order === 'desc' && expression.index === undefined) return null;
  const bytes = new TextEncoder().encode(JSON.stringify({ ...expression, clauses }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
