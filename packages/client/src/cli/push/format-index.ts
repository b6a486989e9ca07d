import type { DeveloperIndexConfig } from '@selfhost/protocol';

/**
 * One index for people: `messages.by_channel  channel, author`,
 * `messages.search_body  (text) body, filter on channel`,
 * `messages.by_embedding  (vector) embedding (3 dimensions)`, with `(staged)` when staged.
 *
 * @example
 * ```ts
 * formatIndex({ name: 'messages.by_channel', type: 'database', fields: ['channel'] }); // 'messages.by_channel  channel'
 * ```
 */
export function formatIndex(index: DeveloperIndexConfig): string {
  const filters = (fields: readonly string[]) =>
    fields.length === 0 ? '' : `, filter${fields.length === 1 ? '' : 's'} on ${fields.join(', ')}`;
  let fields: string;
  switch (index.type) {
    case 'database':
      fields = index.fields.join(', ');
      break;
    case 'search':
      fields = `(text) ${index.searchField}${filters(index.filterFields)}`;
      break;
    case 'vector':
      fields = `(vector) ${index.vectorField} (${index.dimensions} dimensions)${filters(index.filterFields)}`;
      break;
    default:
      return unreachable(index);
  }
  return `${index.name}  ${fields}${index.staged === true ? '  (staged)' : ''}`;
}

function unreachable(value: never): never {
  throw new Error(`Unknown index type: ${JSON.stringify(value)}`);
}
