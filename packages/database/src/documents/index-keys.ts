import type { Value } from '@selfhost/values';
import { keyFieldsOf, type IndexInfo } from '../catalog/index-info.ts';
import { indexKeyOf, type IndexKey } from '../keys/index-key.ts';
import type { DocumentValue } from './stored-document.ts';
import { getFieldPath } from './field-path.ts';

/**
 * The key of `document` in `index`: the sort keys of the key fields, concatenated.
 *
 * @example
 * ```ts
 * documentIndexKey(byAuthor, doc.value); // sortKey(author) ‖ sortKey(_creationTime) ‖ sortKey(_id)
 * ```
 */
export function documentIndexKey(
  index: Pick<IndexInfo, 'name' | 'fields'>,
  document: DocumentValue,
): IndexKey {
  const fields = keyFieldsOf(index);
  const values: (Value | undefined)[] = new Array<Value | undefined>(fields.length);
  for (let i = 0; i < fields.length; i++) values[i] = getFieldPath(document, fields[i]!);
  return indexKeyOf(values);
}
