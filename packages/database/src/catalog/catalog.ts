import { makeTableNumber, type Value } from '@selfhost/values';
import { assert } from '../asserts.ts';
import { parseSchema, type DatabaseSchema } from '../schema/schema-definition.ts';
import type { IndexInfo, IndexKind, IndexState } from './index-info.ts';
import { INDEX_TABLE, SCHEMAS_TABLE, TABLES_TABLE } from './system-tables.ts';
import type { TableInfo } from './table-info.ts';

/**
 * The active schema and the `_schemas` document it came from.
 *
 * @example
 * ```ts
 * catalog.activeSchema?.schema.schemaValidation;
 * ```
 */
export interface ActiveSchema {
  readonly docId: string;
  readonly schema: DatabaseSchema;
}

interface CatalogState {
  readonly tablesByName: Map<string, TableInfo>;
  readonly tablesByNumber: Map<number, TableInfo>;
  readonly tableDocs: Map<string, TableInfo>;
  readonly indexDocs: Map<string, IndexInfo>;
  readonly indexesByTable: Map<number, IndexInfo[]>;
  readonly activeSchema: ActiveSchema | null;
}

/**
 * An immutable view of the tables, indexes and active schema at one timestamp, built from the
 * `_tables`, `_index` and `_schemas` documents. A transaction that writes those documents gets a
 * new catalog from {@link Catalog.apply}; the committer publishes one per snapshot.
 *
 * @example
 * ```ts
 * const table = catalog.tableByName('messages');
 * const index = table && catalog.index(table.number, 'by_author');
 * ```
 */
export class Catalog {
  readonly #state: CatalogState;

  private constructor(state: CatalogState) {
    this.#state = state;
  }

  /** An empty catalog. */
  static empty(): Catalog {
    return new Catalog({
      tablesByName: new Map(),
      tablesByNumber: new Map(),
      tableDocs: new Map(),
      indexDocs: new Map(),
      indexesByTable: new Map(),
      activeSchema: null,
    });
  }

  /** Whether `tableNumber` holds catalog documents. */
  static isCatalogTable(tableNumber: number): boolean {
    return (
      tableNumber === TABLES_TABLE.number ||
      tableNumber === INDEX_TABLE.number ||
      tableNumber === SCHEMAS_TABLE.number
    );
  }

  tableByName(name: string): TableInfo | undefined {
    return this.#state.tablesByName.get(name);
  }

  tableByNumber(tableNumber: number): TableInfo | undefined {
    return this.#state.tablesByNumber.get(tableNumber);
  }

  /** Every table. */
  tables(): IterableIterator<TableInfo> {
    return this.#state.tablesByName.values();
  }

  /** Every index of a table (all kinds and states). */
  indexesOf(tableNumber: number): readonly IndexInfo[] {
    return this.#state.indexesByTable.get(tableNumber) ?? [];
  }

  /** The database indexes a write to the table must maintain (every state). */
  writableIndexesOf(tableNumber: number): readonly IndexInfo[] {
    return this.indexesOf(tableNumber).filter((index) => index.kind === 'database');
  }

  /** The index with this id. */
  indexById(indexId: number): IndexInfo | undefined {
    for (const index of this.#state.indexDocs.values()) if (index.indexId === indexId) return index;
    return undefined;
  }

  index(tableNumber: number, name: string): IndexInfo | undefined {
    return this.indexesOf(tableNumber).find((index) => index.name === name);
  }

  get activeSchema(): ActiveSchema | null {
    return this.#state.activeSchema;
  }

  /** The largest table number in use in `[from, to)`, or `from - 1`. */
  maxTableNumber(from: number, to: number): number {
    let max = from - 1;
    for (const n of this.#state.tablesByNumber.keys()) if (n >= from && n < to && n > max) max = n;
    return max;
  }

  /** The largest index id in use. */
  maxIndexId(): number {
    let max = 0;
    for (const index of this.#state.indexDocs.values())
      if (index.indexId > max) max = index.indexId;
    return max;
  }

  /** The catalog after document `docId` of a catalog table became `value` (null = deleted). */
  apply(
    tableNumber: number,
    docId: string,
    value: Record<string, Value | undefined> | null,
  ): Catalog {
    if (tableNumber === TABLES_TABLE.number) return this.#applyTable(docId, value);
    if (tableNumber === INDEX_TABLE.number) return this.#applyIndex(docId, value);
    assert(tableNumber === SCHEMAS_TABLE.number, 'catalog apply on a non-catalog table');
    return this.#applySchema(docId, value);
  }

  #applyTable(docId: string, value: Record<string, Value | undefined> | null): Catalog {
    const s = this.#state;
    const tablesByName = new Map(s.tablesByName);
    const tablesByNumber = new Map(s.tablesByNumber);
    const tableDocs = new Map(s.tableDocs);
    const old = tableDocs.get(docId);
    if (old !== undefined) {
      tablesByName.delete(old.name);
      tablesByNumber.delete(old.number);
      tableDocs.delete(docId);
    }
    if (value !== null) {
      const info: TableInfo = Object.freeze({
        name: value['name'] as string,
        number: makeTableNumber(Number(value['number'])),
        docId,
      });
      tablesByName.set(info.name, info);
      tablesByNumber.set(info.number, info);
      tableDocs.set(docId, info);
    }
    return new Catalog({ ...s, tablesByName, tablesByNumber, tableDocs });
  }

  #applyIndex(docId: string, value: Record<string, Value | undefined> | null): Catalog {
    const s = this.#state;
    const indexDocs = new Map(s.indexDocs);
    const indexesByTable = new Map(s.indexesByTable);
    const old = indexDocs.get(docId);
    if (old !== undefined) {
      indexDocs.delete(docId);
      indexesByTable.set(
        old.tableNumber,
        (indexesByTable.get(old.tableNumber) ?? []).filter((i) => i.docId !== docId),
      );
    }
    if (value !== null) {
      const definition = value['definition'];
      const info: IndexInfo = Object.freeze({
        indexId: Number(value['indexId']),
        tableNumber: Number(value['table']),
        name: value['name'] as string,
        fields: Object.freeze((value['fields'] as string[]).slice()),
        state: value['state'] as IndexState,
        staged: value['staged'] === true,
        kind: value['kind'] as IndexKind,
        definition:
          typeof definition === 'string'
            ? (JSON.parse(definition) as IndexInfo['definition'])
            : null,
        docId,
      });
      indexDocs.set(docId, info);
      indexesByTable.set(info.tableNumber, [...(indexesByTable.get(info.tableNumber) ?? []), info]);
    }
    return new Catalog({ ...s, indexDocs, indexesByTable });
  }

  #applySchema(docId: string, value: Record<string, Value | undefined> | null): Catalog {
    const s = this.#state;
    let activeSchema = s.activeSchema;
    if (value !== null && value['state'] === 'active') {
      activeSchema = Object.freeze({
        docId,
        schema: parseSchema(JSON.parse(value['schema'] as string)),
      });
    } else if (activeSchema?.docId === docId) {
      activeSchema = null;
    }
    return new Catalog({ ...s, activeSchema });
  }
}
