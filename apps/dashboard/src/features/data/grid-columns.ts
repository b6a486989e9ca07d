import type { Document } from '../../lib/system-functions.ts';

/**
 * The grid's columns: `_id`, then the schema's fields, then any other field seen in the loaded
 * documents (in first-seen order), then `_creationTime`.
 *
 * @example
 * gridColumns([{ _id, _creationTime, body: 'hi' }], ['author']); // ['_id', 'author', 'body', '_creationTime']
 */
export function gridColumns(documents: readonly Document[], schemaFields: readonly string[]): string[] {
  const seen = new Set<string>(schemaFields);
  for (const document of documents) for (const key of Object.keys(document)) seen.add(key);
  seen.delete('_id');
  seen.delete('_creationTime');
  return ['_id', ...seen, '_creationTime'];
}
