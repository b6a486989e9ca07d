import type { JSONValue } from '@selfhost/values';

/**
 * The serialized query (compat §4.7) for "documents of `table` through index `index` whose
 * leading fields equal `equal`", as system code reads its own tables.
 *
 * @example
 * indexQuery('_modules', 'by_path', [['path', 'messages.js']]);
 */
export function indexQuery(table: string, index: string, equal: readonly (readonly [string, JSONValue])[] = []): JSONValue {
  return {
    source: {
      type: 'IndexRange',
      indexName: `${table}.${index}`,
      range: equal.map(([fieldPath, value]) => ({ type: 'Eq', fieldPath, value })),
      order: 'asc',
    },
    operators: [],
  };
}
