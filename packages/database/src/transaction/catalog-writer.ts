// Writing the catalog (`_tables`, `_index`) inside a transaction: table creation, index
// definitions and the bootstrap of a fresh store.
import type { JSONValue } from '@selfhost/values';
import type { IndexInfo } from '../catalog/index-info.ts';
import { INDEX_TABLE, SCHEMAS_TABLE, TABLES_TABLE } from '../catalog/system-tables.ts';
import { isSystemTableName, type TableInfo } from '../catalog/table-info.ts';
import { DatabaseError } from '../errors/database-error.ts';
import type { Transaction } from './transaction.ts';

/**
 * Creates a table with its built-in indexes (`by_id`, `by_creation_time`) inside `tx`: a `_tables`
 * document and two `_index` documents (implicit creation on first insert, schema pushes).
 *
 * @internal
 * @example
 * ```ts
 * const table = createTable(tx, 'messages', false);
 * ```
 */
export function createTable(tx: Transaction, name: string, system: boolean): TableInfo {
  const limits = tx.limits;
  if (!system) {
    let userTables = 0;
    for (const t of tx.catalog.tables()) if (!isSystemTableName(t.name)) userTables++;
    if (userTables >= limits.maxUserTables) {
      throw new DatabaseError(
        'LimitExceeded',
        `Cannot create table ${name}: the limit maxUserTables is ${limits.maxUserTables}.`,
        { tableName: name },
      );
    }
  }
  const number = tx.allocateTableNumber(system);
  tx.writeCatalogDocument(TABLES_TABLE.number, { name, number });
  const table = tx.catalog.tableByName(name)!;
  addIndex(tx, table, { name: 'by_id', fields: [], state: 'enabled' });
  addIndex(tx, table, { name: 'by_creation_time', fields: ['_creationTime'], state: 'enabled' });
  return table;
}

/**
 * Adds an index definition (an `_index` document) to `table` inside `tx`.
 *
 * @internal
 * @example
 * ```ts
 * addIndex(tx, table, { name: 'by_author', fields: ['author'], state: 'backfilling' });
 * ```
 */
export function addIndex(
  tx: Transaction,
  table: TableInfo,
  index: {
    readonly name: string;
    readonly fields: readonly string[];
    readonly state: IndexInfo['state'];
    readonly staged?: boolean;
    readonly kind?: IndexInfo['kind'];
    readonly definition?: JSONValue | null;
  },
): IndexInfo {
  const existing = tx.catalog.indexesOf(table.number);
  if (existing.length >= tx.limits.maxIndexesPerTable) {
    throw new DatabaseError(
      'LimitExceeded',
      `Table ${table.name} cannot have more indexes: the limit maxIndexesPerTable is ${tx.limits.maxIndexesPerTable}.`,
      { tableName: table.name },
    );
  }
  if (index.fields.length + 1 > tx.limits.maxIndexFields && index.name !== 'by_creation_time') {
    throw new DatabaseError(
      'LimitExceeded',
      `Index ${table.name}.${index.name} has ${index.fields.length} fields: the limit maxIndexFields is ${tx.limits.maxIndexFields} including _creationTime.`,
      { tableName: table.name },
    );
  }
  const indexId = tx.allocateIndexId();
  tx.writeCatalogDocument(INDEX_TABLE.number, {
    table: table.number,
    name: index.name,
    fields: [...index.fields],
    state: index.state,
    staged: index.staged ?? false,
    kind: index.kind ?? 'database',
    indexId,
    definition:
      index.definition === undefined || index.definition === null
        ? null
        : JSON.stringify(index.definition),
  });
  return tx.catalog.indexesOf(table.number).find((i) => i.indexId === indexId)!;
}

/**
 * Writes the bootstrap system tables `_tables`, `_index`, `_schemas` with their fixed numbers and
 * index ids (a fresh store).
 *
 * @internal
 * @example
 * ```ts
 * bootstrapCatalog(tx);
 * ```
 */
export function bootstrapCatalog(tx: Transaction): void {
  const tables = [TABLES_TABLE, INDEX_TABLE, SCHEMAS_TABLE];
  for (const t of tables)
    tx.writeCatalogDocument(TABLES_TABLE.number, { name: t.name, number: t.number });
  const extra: Record<number, [string, string, number]> = {
    [TABLES_TABLE.number]: ['by_name', 'name', TABLES_TABLE.byName],
    [INDEX_TABLE.number]: ['by_table', 'table', INDEX_TABLE.byTable],
    [SCHEMAS_TABLE.number]: ['by_state', 'state', SCHEMAS_TABLE.byState],
  };
  for (const t of tables) {
    const [name, field, indexId] = extra[t.number]!;
    const definitions: [string, string[], number][] = [
      ['by_id', [], t.byId],
      ['by_creation_time', ['_creationTime'], t.byCreationTime],
      [name, t.number === INDEX_TABLE.number ? ['table', 'name'] : [field], indexId],
    ];
    for (const [indexName, fields, id] of definitions) {
      tx.writeCatalogDocument(INDEX_TABLE.number, {
        table: t.number,
        name: indexName,
        fields,
        state: 'enabled',
        staged: false,
        kind: 'database',
        indexId: id,
        definition: null,
      });
    }
  }
}
