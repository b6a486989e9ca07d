import type { Catalog, DatabaseSchema, SchemaIndex, Transaction } from '@selfhost/database';
import type { IndexDiff } from '@selfhost/protocol';

/** One entry of an {@link IndexDiff}: the CLI's `developerIndexConfig`. */
type IndexConfig = IndexDiff['added_indexes'][number];

/** How the CLI expects a table's validation to go (its `tableValidationOutcome`). */
export type TableValidationOutcome = 'notValidated' | 'supersetOfEnforced' | 'mustWalk';

/** One table of the pushed schema, against the data it holds now. */
export interface TablePrediction {
  readonly name: string;
  readonly outcome: TableValidationOutcome;
  readonly numDocs: number;
  /** Document sizes are not tracked per table here: always 0. */
  readonly sizeBytes: number;
}

/** One index the push adds, keeps, enables, disables or drops. */
export type IndexPrediction = IndexConfig & {
  readonly change: 'added' | 'identical' | 'enabled' | 'disabled' | 'dropped';
  readonly needsBackfill: boolean;
  readonly numDocs: number;
};

/** The body of `POST /api/deploy2/evaluate_schema` (the CLI's `evaluateSchemaResponse`). */
export interface SchemaEvaluation {
  readonly componentSchemaEvaluations: Readonly<
    Record<string, { readonly definitionPath: string; readonly schemaValidation: boolean; readonly tables: TablePrediction[]; readonly indexes: IndexPrediction[] }>
  >;
  readonly newComponentDefinitions: readonly string[];
}

/**
 * Predicts what pushing `schema` would do to the current data, for the CLI's warnings before
 * a push (large index backfills or deletions, slow validation): per table, its document count
 * and whether validation must read every document; per index, its change and the documents to
 * backfill. Reads one snapshot (`tx`) and changes nothing.
 *
 * @example
 * const evaluation = await evaluateSchema(tx, parseSchema(json), wireIndexDiff(diffSchema(db, json)));
 */
export async function evaluateSchema(tx: Transaction, schema: DatabaseSchema, diff: IndexDiff): Promise<SchemaEvaluation> {
  const catalog = tx.catalog;
  const counts = new Map<string, number>();
  const numDocs = async (tableName: string) => {
    let count = counts.get(tableName);
    if (count === undefined) counts.set(tableName, (count = await tx.count(tableName)));
    return count;
  };
  const tables: TablePrediction[] = [];
  for (const table of schema.tables.values()) {
    tables.push({ name: table.name, outcome: validationOutcome(catalog, schema, table.name), numDocs: await numDocs(table.name), sizeBytes: 0 });
  }
  const changed = new Map<string, IndexPrediction['change']>();
  for (const entry of diff.added_indexes) changed.set(entry.name, 'added');
  for (const entry of diff.enabled_indexes ?? []) changed.set(entry.name, 'enabled');
  for (const entry of diff.disabled_indexes ?? []) changed.set(entry.name, 'disabled');
  const indexes: IndexPrediction[] = [];
  for (const table of schema.tables.values()) {
    for (const index of table.indexes) {
      const config = indexConfig(table.name, index);
      const change = changed.get(config.name) ?? 'identical';
      indexes.push({ ...config, change, needsBackfill: change === 'added', numDocs: await numDocs(table.name) });
    }
  }
  for (const entry of diff.removed_indexes) {
    indexes.push({ ...entry, change: 'dropped', needsBackfill: false, numDocs: await numDocs(entry.name.slice(0, entry.name.indexOf('.'))) });
  }
  return {
    componentSchemaEvaluations: { '': { definitionPath: '', schemaValidation: schema.schemaValidation, tables, indexes } },
    newComponentDefinitions: [],
  };
}

/**
 * A table is walked when the pushed validator is enforced and differs from the one enforced
 * now; an unchanged enforced validator needs no reading at all.
 */
function validationOutcome(catalog: Catalog, schema: DatabaseSchema, tableName: string): TableValidationOutcome {
  const pushed = schema.tables.get(tableName)?.documentType ?? null;
  if (!schema.schemaValidation || pushed === null) return 'notValidated';
  const active = catalog.activeSchema?.schema;
  const enforced = active?.schemaValidation === true ? (active.tables.get(tableName)?.documentType ?? null) : null;
  return enforced !== null && JSON.stringify(enforced) === JSON.stringify(pushed) ? 'supersetOfEnforced' : 'mustWalk';
}

/** A schema index in the CLI's shape (`table.index`, with its kind's fields). */
function indexConfig(tableName: string, index: SchemaIndex): IndexConfig {
  const name = `${tableName}.${index.name}`;
  const definition = index.definition ?? {};
  const filterFields = (definition['filterFields'] as string[] | undefined) ?? [];
  switch (index.kind) {
    case 'database':
      return { name, type: 'database', fields: [...index.fields], staged: index.staged };
    case 'search':
      return { name, type: 'search', searchField: definition['searchField'] as string, filterFields: [...filterFields], staged: index.staged };
    case 'vector':
      return { name, type: 'vector', vectorField: definition['vectorField'] as string, dimensions: definition['dimensions'] as number, filterFields: [...filterFields], staged: index.staged };
  }
}
