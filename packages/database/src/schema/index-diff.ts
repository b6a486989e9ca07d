import type { Catalog } from '../catalog/catalog.ts';
import type { IndexInfo } from '../catalog/index-info.ts';
import type { DatabaseSchema, SchemaIndex } from './schema-definition.ts';

/**
 * One index in an {@link IndexDiff} (compat §2.3 `IndexDiff` entries).
 *
 * @example
 * ```ts
 * const e: IndexDiffEntry = { name: 'messages.by_channel', type: 'database', fields: ['channel'], staged: false };
 * ```
 */
export type IndexDiffEntry =
  | {
      readonly name: string;
      readonly type: 'database';
      readonly fields: readonly string[];
      readonly staged: boolean;
    }
  | {
      readonly name: string;
      readonly type: 'search';
      readonly searchField: string;
      readonly filterFields: readonly string[];
      readonly staged: boolean;
    }
  | {
      readonly name: string;
      readonly type: 'vector';
      readonly vectorField: string;
      readonly dimensions: number;
      readonly filterFields: readonly string[];
      readonly staged: boolean;
    };

/**
 * What a schema push changes about indexes (snake_case keys, as the CLI expects).
 *
 * @example
 * ```ts
 * const diff = db.diffSchema(schemaJson);
 * diff.added_indexes.map((i) => i.name);
 * ```
 */
export interface IndexDiff {
  readonly added_indexes: readonly IndexDiffEntry[];
  readonly removed_indexes: readonly IndexDiffEntry[];
  readonly enabled_indexes: readonly IndexDiffEntry[];
  readonly disabled_indexes: readonly IndexDiffEntry[];
}

/**
 * The index work of a schema change.
 *
 * @internal
 * @example
 * ```ts
 * const plan = planIndexChanges(catalog, schema);
 * ```
 */
export interface IndexPlan {
  readonly diff: IndexDiff;
  /** Indexes to create: table name and definition. */
  readonly add: readonly { readonly tableName: string; readonly index: SchemaIndex }[];
  /** Existing indexes to drop. */
  readonly remove: readonly IndexInfo[];
  /** Existing indexes whose `staged` flag flips. */
  readonly restage: readonly { readonly index: IndexInfo; readonly staged: boolean }[];
}

function entry(
  tableName: string,
  index: {
    readonly kind: SchemaIndex['kind'];
    readonly name: string;
    readonly fields: readonly string[];
    readonly staged: boolean;
    readonly definition: unknown;
  },
): IndexDiffEntry {
  const name = `${tableName}.${index.name}`;
  const d = (index.definition ?? {}) as Record<string, unknown>;
  if (index.kind === 'search')
    return {
      name,
      type: 'search',
      searchField: d['searchField'] as string,
      filterFields: (d['filterFields'] as string[]) ?? [],
      staged: index.staged,
    };
  if (index.kind === 'vector') {
    return {
      name,
      type: 'vector',
      vectorField: d['vectorField'] as string,
      dimensions: d['dimensions'] as number,
      filterFields: (d['filterFields'] as string[]) ?? [],
      staged: index.staged,
    };
  }
  return { name, type: 'database', fields: index.fields, staged: index.staged };
}

function sameDefinition(existing: IndexInfo, wanted: SchemaIndex): boolean {
  return (
    existing.kind === wanted.kind &&
    JSON.stringify(existing.fields) === JSON.stringify(wanted.fields) &&
    JSON.stringify(existing.definition) === JSON.stringify(wanted.definition)
  );
}

/**
 * Compares the catalog's user indexes with a schema's: added (new or redefined), removed
 * (gone or redefined), enabled (staged → live) and disabled (live → staged).
 *
 * @internal
 * @example
 * ```ts
 * planIndexChanges(db.catalog, parseSchema(json)).diff;
 * ```
 */
export function planIndexChanges(catalog: Catalog, schema: DatabaseSchema): IndexPlan {
  const add: IndexPlan['add'][number][] = [];
  const remove: IndexInfo[] = [];
  const restage: IndexPlan['restage'][number][] = [];
  const diff = {
    added_indexes: [] as IndexDiffEntry[],
    removed_indexes: [] as IndexDiffEntry[],
    enabled_indexes: [] as IndexDiffEntry[],
    disabled_indexes: [] as IndexDiffEntry[],
  };
  for (const table of catalog.tables()) {
    if (table.name.startsWith('_')) continue;
    const wanted = schema.tables.get(table.name);
    for (const existing of catalog.indexesOf(table.number)) {
      if (existing.name === 'by_id' || existing.name === 'by_creation_time') continue;
      const match = wanted?.indexes.find((i) => i.name === existing.name);
      if (match === undefined || !sameDefinition(existing, match)) {
        remove.push(existing);
        diff.removed_indexes.push(entry(table.name, existing));
      } else if (match.staged !== existing.staged) {
        restage.push({ index: existing, staged: match.staged });
        (match.staged ? diff.disabled_indexes : diff.enabled_indexes).push(
          entry(table.name, match),
        );
      }
    }
  }
  for (const table of schema.tables.values()) {
    const existingTable = catalog.tableByName(table.name);
    for (const index of table.indexes) {
      const existing =
        existingTable === undefined ? undefined : catalog.index(existingTable.number, index.name);
      if (existing !== undefined && sameDefinition(existing, index)) continue;
      add.push({ tableName: table.name, index });
      diff.added_indexes.push(entry(table.name, index));
    }
  }
  for (const list of Object.values(diff))
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { diff, add, remove, restage };
}
