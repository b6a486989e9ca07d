import { checkUserTableName, parseDocumentId, type ParsedDocumentId } from '@selfhost/values';
import { INDEX_TABLE, SCHEMAS_TABLE, TABLES_TABLE } from '../catalog/system-tables.ts';
import { isSystemTableName } from '../catalog/table-info.ts';
import { DatabaseError } from '../errors/database-error.ts';
import type { WriteOptions } from './transaction.ts';

/**
 * Checks that a table may be written: user tables need a valid name; `_` tables only with
 * `{ system: true }`, and never the catalog tables.
 *
 * @throws {DatabaseError} `InvalidTable`.
 * @example
 * ```ts
 * checkTableWritable('_storage', { system: true });
 * ```
 */
export function checkTableWritable(tableName: string, options: WriteOptions): void {
  if (isSystemTableName(tableName)) {
    const catalogTable =
      tableName === TABLES_TABLE.name ||
      tableName === INDEX_TABLE.name ||
      tableName === SCHEMAS_TABLE.name;
    if (options.system !== true || catalogTable) {
      throw new DatabaseError(
        'InvalidTable',
        `System tables (names starting with "_") are read-only: cannot write to ${tableName}.`,
        { tableName },
      );
    }
    return;
  }
  try {
    checkUserTableName(tableName);
  } catch (error) {
    throw new DatabaseError(
      'InvalidTable',
      error instanceof Error ? error.message : String(error),
      { tableName, cause: error },
    );
  }
}

/**
 * Parses an id argument of a db call.
 *
 * @throws {DatabaseError} `InvalidId` saying why the string is not an id.
 * @example
 * ```ts
 * const { tableNumber, internalId } = parseIdArgument(args.id, 'get');
 * ```
 */
export function parseIdArgument(id: string, operation: string): ParsedDocumentId {
  try {
    return parseDocumentId(id);
  } catch (error) {
    throw new DatabaseError(
      'InvalidId',
      `Invalid argument \`id\` for \`db.${operation}\`: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
