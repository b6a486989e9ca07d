import { validate, type DocumentId } from '@selfhost/values';
import type { Catalog } from '../catalog/catalog.ts';
import type { TableInfo } from '../catalog/table-info.ts';
import type { DocumentValue } from '../documents/stored-document.ts';
import { DatabaseError } from '../errors/database-error.ts';

/**
 * With `schemaValidation` on, checks a write into a table listed in the active schema against
 * its `documentType` (user fields only).
 *
 * @throws {DatabaseError} `SchemaEnforcementError` naming the table, the document and the path.
 * @example
 * ```ts
 * enforceSchema(catalog, { table, id, document });
 * ```
 */
export function enforceSchema(
  catalog: Catalog,
  write: { readonly table: TableInfo; readonly id: DocumentId; readonly document: DocumentValue },
): void {
  const { table, id, document } = write;
  const schema = catalog.activeSchema?.schema;
  if (schema === undefined || !schema.schemaValidation) return;
  const documentType = schema.tables.get(table.name)?.documentType;
  if (documentType === undefined || documentType === null) return;
  const { _id, _creationTime, ...fields } = document;
  const result = validate(fields, documentType, {
    tableNumberFor: (name) => catalog.tableByName(name)?.number,
  });
  if (!result.ok) {
    throw new DatabaseError(
      'SchemaEnforcementError',
      `Failed to insert or update a document in table "${table.name}" because it does not match the schema: ${result.error.message}`,
      { tableName: table.name, documentId: id, path: result.error.path, cause: result.error },
    );
  }
}
