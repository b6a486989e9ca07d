import { type DocumentId, makeDocumentId } from './document-id.ts';
import { decodeLegacyInternalId } from './legacy-internal-id.ts';
import { tryParseDocumentId } from './parse-document-id.ts';
import type { TableNumber } from './table-number.ts';

/**
 * What `db.normalizeId(table, text)` returns, given the table's number: the canonical id if `text`
 * is an id of that table; an id of that table if `text` is a legacy internal id (see
 * {@link decodeLegacyInternalId}); otherwise `null` (including ids of other tables).
 *
 * @example
 * ```ts
 * normalizeDocumentId(messagesTableNumber, args.id) ?? throwNotFound();
 * ```
 */
export function normalizeDocumentId(text: string, tableNumber: TableNumber): DocumentId | null {
  const parsed = tryParseDocumentId(text);
  if (parsed !== null && parsed.tableNumber === tableNumber) return parsed.id;
  const legacy = decodeLegacyInternalId(text);
  return legacy === null ? null : makeDocumentId(tableNumber, legacy);
}
