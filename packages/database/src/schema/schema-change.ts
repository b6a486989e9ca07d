import {
  jsonToConvex,
  makeDocumentId,
  validate,
  type DocumentId,
  type InternalId,
  type JSONValue,
} from '@selfhost/values';
import type { IndexInfo } from '../catalog/index-info.ts';
import { INDEX_TABLE, SCHEMAS_TABLE } from '../catalog/system-tables.ts';
import type { Database } from '../database.ts';
import type { Transaction } from '../transaction/transaction.ts';
import { documentIndexKey } from '../documents/index-keys.ts';
import type { DocumentValue } from '../documents/stored-document.ts';
import { DatabaseError } from '../errors/database-error.ts';
import { KEY_MAX, KEY_MIN } from '../keys/index-key.ts';
import type { IndexRow } from '../persistence/persistence.ts';
import { addIndex } from '../transaction/catalog-writer.ts';
import { planIndexChanges, type IndexDiff, type IndexPlan } from './index-diff.ts';
import { parseSchema, type DatabaseSchema } from './schema-definition.ts';

/**
 * A document that does not match the new schema.
 *
 * @example
 * ```ts
 * progress.violations[0]; // { tableName: 'messages', documentId: 'j57…', message: '…' }
 * ```
 */
export interface SchemaViolation {
  readonly tableName: string;
  readonly documentId: string;
  readonly message: string;
}

/**
 * How far a schema change is (what `wait_for_schema` reports).
 *
 * @example
 * ```ts
 * const { indexesComplete, indexesTotal, validationComplete } = change.progress;
 * ```
 */
export interface SchemaProgress {
  readonly state: 'inProgress' | 'ready' | 'failed' | 'committed';
  readonly indexesComplete: number;
  readonly indexesTotal: number;
  readonly validationComplete: boolean;
  /** Up to 16 documents that break the new schema (validation fails the change). */
  readonly violations: readonly SchemaViolation[];
  /** Why the change failed. */
  readonly error: string | null;
}

const CHUNK = 512;
const MAX_VIOLATIONS = 16;

async function* scanTable(
  db: Database,
  tableNumber: number,
  readTs: bigint,
): AsyncGenerator<{ internalId: Uint8Array; ts: bigint; value: DocumentValue }[]> {
  const byId = db.catalog.index(tableNumber, 'by_id');
  if (byId === undefined) return;
  let start = KEY_MIN;
  for (;;) {
    const page = await db.persistence.scanIndex({
      indexId: byId.indexId,
      start,
      end: KEY_MAX,
      readTs,
      order: 'asc',
      limit: CHUNK,
    });
    yield page.rows.map((row) => ({
      internalId: row.internalId,
      ts: row.ts,
      value: jsonToConvex(JSON.parse(row.json) as JSONValue) as DocumentValue,
    }));
    if (page.next === null) return;
    start = page.next;
  }
}

/**
 * A schema push in progress (semantics §3.1, compat §2.3): new indexes are written by every
 * commit from the start and backfilled in chunks in the background without blocking reads;
 * existing documents are validated; `commit()` then enables the new indexes, drops removed ones
 * and makes the schema active.
 *
 * @example
 * ```ts
 * const change = await prepareSchemaChange(db, schemaJson);
 * await change.ready();
 * const diff = await change.commit();
 * ```
 */
export class SchemaChange {
  /** The index diff, for the CLI. */
  readonly diff: IndexDiff;
  readonly schema: DatabaseSchema;
  readonly #db: Database;
  readonly #plan: IndexPlan;
  readonly #schemaDocId: DocumentId;
  readonly #newIndexes: readonly IndexInfo[];
  #progress: SchemaProgress;
  readonly #done: Promise<void>;

  /** @internal Use `prepareSchemaChange`. */
  constructor(
    db: Database,
    parts: {
      schema: DatabaseSchema;
      plan: IndexPlan;
      schemaDocId: DocumentId;
      newIndexes: readonly IndexInfo[];
      snapshotTs: bigint;
    },
  ) {
    this.#db = db;
    this.schema = parts.schema;
    this.diff = parts.plan.diff;
    this.#plan = parts.plan;
    this.#schemaDocId = parts.schemaDocId;
    this.#newIndexes = parts.newIndexes;
    const backfilling = parts.newIndexes.filter((i) => i.kind === 'database');
    this.#progress = {
      state: 'inProgress',
      indexesComplete: 0,
      indexesTotal: backfilling.length,
      validationComplete: false,
      violations: [],
      error: null,
    };
    this.#done = this.#work(backfilling, parts.snapshotTs).catch((error: unknown) => {
      this.#update({
        state: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }

  /** Current progress. */
  get progress(): SchemaProgress {
    return this.#progress;
  }

  /** Resolves when backfill and validation have finished (state `ready` or `failed`). */
  async ready(): Promise<SchemaProgress> {
    await this.#done;
    return this.#progress;
  }

  #update(changes: Partial<SchemaProgress>): void {
    this.#progress = Object.freeze({ ...this.#progress, ...changes });
  }

  async #work(backfilling: readonly IndexInfo[], snapshotTs: bigint): Promise<void> {
    for (const index of backfilling) {
      for await (const chunk of scanTable(this.#db, index.tableNumber, snapshotTs)) {
        const rows: IndexRow[] = chunk.map((doc) => ({
          indexId: index.indexId,
          key: documentIndexKey(index, doc.value),
          ts: doc.ts,
          deleted: false,
          tableId: index.tableNumber,
          internalId: doc.internalId,
        }));
        if (rows.length > 0) await this.#db.persistence.backfillIndexRows(rows);
      }
      this.#update({ indexesComplete: this.#progress.indexesComplete + 1 });
    }
    const violations = await this.#validate(snapshotTs);
    this.#update({ validationComplete: true, violations });
    if (violations.length > 0) {
      const first = violations[0]!;
      this.#update({
        state: 'failed',
        error: `Schema validation failed: document ${first.documentId} in table "${first.tableName}" does not match the schema: ${first.message}`,
      });
      return;
    }
    if (backfilling.length > 0) {
      const tx = this.#db.begin();
      for (const index of backfilling)
        await tx.updateCatalogDocument(
          INDEX_TABLE.number,
          index.docId as DocumentId,
          this.#indexDoc(index, { state: 'backfilled' }),
        );
      await tx.commit();
    }
    this.#update({ state: 'ready' });
  }

  async #validate(snapshotTs: bigint): Promise<SchemaViolation[]> {
    const violations: SchemaViolation[] = [];
    if (!this.schema.schemaValidation) return violations;
    const catalog = this.#db.catalog;
    for (const table of this.schema.tables.values()) {
      if (table.documentType === null) continue;
      const info = catalog.tableByName(table.name);
      if (info === undefined) continue;
      for await (const chunk of scanTable(this.#db, info.number, snapshotTs)) {
        for (const doc of chunk) {
          const { _id, _creationTime, ...fields } = doc.value;
          const result = validate(fields, table.documentType, {
            tableNumberFor: (name) => catalog.tableByName(name)?.number,
          });
          if (!result.ok) {
            violations.push({
              tableName: table.name,
              documentId: makeDocumentId(info.number, doc.internalId as InternalId),
              message: result.error.message,
            });
            if (violations.length >= MAX_VIOLATIONS) return violations;
          }
        }
      }
    }
    return violations;
  }

  #indexDoc(
    index: IndexInfo,
    changes: { state?: IndexInfo['state']; staged?: boolean },
  ): Record<string, JSONValue> {
    return {
      table: index.tableNumber,
      name: index.name,
      fields: [...index.fields],
      state: changes.state ?? index.state,
      staged: changes.staged ?? index.staged,
      kind: index.kind,
      indexId: index.indexId,
      definition: index.definition === null ? null : JSON.stringify(index.definition),
    };
  }

  /**
   * Makes the schema active: enables the new (unstaged) indexes, flips staged flags, drops
   * removed indexes (and their rows). Returns the index diff.
   *
   * @throws {DatabaseError} `SchemaEnforcementError` naming the table and document when existing
   * documents do not match; `InvalidSchema` if the change failed otherwise.
   */
  async commit(
    options: { readonly alsoWrite?: (tx: Transaction) => Promise<void> } = {},
  ): Promise<IndexDiff> {
    const progress = await this.ready();
    if (progress.state === 'failed') {
      const first = progress.violations[0];
      throw new DatabaseError(
        first === undefined ? 'InvalidSchema' : 'SchemaEnforcementError',
        progress.error ?? 'The schema change failed.',
        {
          tableName: first?.tableName,
          documentId: first?.documentId,
        },
      );
    }
    if (progress.state === 'committed') return this.diff;
    await this.#db.runMutation(async (tx) => {
      const catalog = tx.catalog;
      for (const added of this.#newIndexes) {
        const current = catalog.indexById(added.indexId);
        if (current !== undefined && current.kind === 'database' && !current.staged) {
          await tx.updateCatalogDocument(
            INDEX_TABLE.number,
            current.docId as DocumentId,
            this.#indexDoc(current, { state: 'enabled' }),
          );
        }
      }
      for (const { index, staged } of this.#plan.restage) {
        const current = catalog.indexById(index.indexId);
        if (current === undefined) continue;
        const state =
          current.kind !== 'database' ? current.state : staged ? 'backfilled' : 'enabled';
        await tx.updateCatalogDocument(
          INDEX_TABLE.number,
          current.docId as DocumentId,
          this.#indexDoc(current, { staged, state }),
        );
      }
      for (const index of this.#plan.remove)
        await tx.updateCatalogDocument(INDEX_TABLE.number, index.docId as DocumentId, null);
      const active = catalog.activeSchema;
      if (active !== null)
        await tx.updateCatalogDocument(SCHEMAS_TABLE.number, active.docId as DocumentId, {
          state: 'overwritten',
          schema: JSON.stringify(JSON.parse(active.schema.text)),
        });
      await tx.updateCatalogDocument(SCHEMAS_TABLE.number, this.#schemaDocId, {
        state: 'active',
        schema: this.schema.text,
      });
      // The caller's own writes (a deploy's new modules) commit atomically with the schema.
      if (options.alsoWrite) await options.alsoWrite(tx);
    });
    this.#update({ state: 'committed' });
    for (const index of this.#plan.remove) {
      if (index.kind !== 'database') continue;
      while ((await this.#db.persistence.deleteIndexRows(index.indexId, 1000)) > 0);
    }
    return this.diff;
  }

  /**
   * Gives the change up (a push that was never finished, or superseded by the next one): drops
   * the indexes it added and its pending schema, so nothing of it remains. A no-op once committed.
   */
  async abandon(): Promise<void> {
    if (this.#progress.state === 'committed') return;
    await this.#done;
    await dropUnfinished(this.#db, {
      indexIds: new Set(this.#newIndexes.map((index) => index.indexId)),
      schemaDocIds: new Set([this.#schemaDocId]),
    });
    this.#update({ state: 'failed', error: 'The schema change was abandoned.' });
  }
}

/**
 * The index diff a schema would cause, without changing anything (dry runs, `evaluate_push`).
 *
 * @example
 * ```ts
 * diffSchema(db, schemaJson).removed_indexes;
 * ```
 */
export function diffSchema(db: Database, schemaJson: unknown): IndexDiff {
  return planIndexChanges(db.catalog, parseSchema(schemaJson)).diff;
}

/**
 * Starts a schema change: creates the schema's missing tables, registers new indexes as
 * backfilling (so every commit maintains them from now on), records the schema as pending, and
 * starts backfill and validation in the background.
 *
 * @throws {DatabaseError} `InvalidSchema` for a malformed schema.
 * @example
 * ```ts
 * const change = await prepareSchemaChange(db, JSON.parse(schemaText));
 * ```
 */
export async function prepareSchemaChange(
  db: Database,
  schemaJson: unknown,
): Promise<SchemaChange> {
  const schema = parseSchema(schemaJson);
  for (;;) {
    const tx = db.begin();
    try {
      const plan = planIndexChanges(tx.catalog, schema);
      const newIndexes: IndexInfo[] = [];
      for (const { tableName, index } of plan.add) {
        const table = tx.catalog.tableByName(tableName) ?? tx.createTable(tableName);
        newIndexes.push(
          addIndex(tx, table, {
            name: index.name,
            fields: index.fields,
            state: index.kind === 'database' ? 'backfilling' : 'backfilled',
            staged: index.staged,
            kind: index.kind,
            definition: index.definition as JSONValue | null,
          }),
        );
      }
      for (const table of schema.tables.values())
        if (tx.catalog.tableByName(table.name) === undefined) tx.createTable(table.name);
      const schemaDocId = tx.writeCatalogDocument(SCHEMAS_TABLE.number, {
        state: 'pending',
        schema: schema.text,
      });
      const { ts } = await tx.commit();
      return new SchemaChange(db, { schema, plan, schemaDocId, newIndexes, snapshotTs: ts });
    } catch (error) {
      tx.abort();
      if (!(error instanceof DatabaseError && error.retryable)) throw error;
    }
  }
}

/**
 * Prepares, waits for and commits a schema change in one call.
 *
 * @example
 * ```ts
 * const diff = await applySchema(db, { tables: [...], schemaValidation: true });
 * ```
 */
export async function applySchema(db: Database, schemaJson: unknown): Promise<IndexDiff> {
  const change = await prepareSchemaChange(db, schemaJson);
  return change.commit();
}

/**
 * Drops what unfinished schema changes left behind (after a crash or restart): indexes that were
 * still being built and never enabled, and pending schemas. Run once at open, before serving.
 *
 * @example
 * ```ts
 * await abandonUnfinishedSchemaChanges(db);
 * ```
 */
export async function abandonUnfinishedSchemaChanges(db: Database): Promise<void> {
  const catalog = db.catalog;
  const indexIds = new Set<number>();
  for (const table of catalog.tables()) {
    for (const index of catalog.indexesOf(table.number)) {
      if (index.state === 'backfilling' || (index.state === 'backfilled' && !index.staged))
        indexIds.add(index.indexId);
    }
  }
  await dropUnfinished(db, { indexIds, schemaDocIds: 'pending' });
}

async function dropUnfinished(
  db: Database,
  what: {
    readonly indexIds: ReadonlySet<number>;
    readonly schemaDocIds: ReadonlySet<string> | 'pending';
  },
): Promise<void> {
  const dropped: IndexInfo[] = [];
  await db.runMutation(async (tx) => {
    dropped.length = 0;
    for (const indexId of what.indexIds) {
      const index = tx.catalog.indexById(indexId);
      if (index === undefined || index.state === 'enabled') continue;
      await tx.updateCatalogDocument(INDEX_TABLE.number, index.docId as DocumentId, null);
      dropped.push(index);
    }
    const pending = await tx
      .query({
        source: { type: 'FullTableScan', tableName: SCHEMAS_TABLE.name, order: null },
        operators: [],
      })
      .collect();
    for (const doc of pending) {
      const matches =
        what.schemaDocIds === 'pending'
          ? doc.value['state'] === 'pending'
          : what.schemaDocIds.has(doc.id);
      if (matches && doc.value['state'] === 'pending')
        await tx.updateCatalogDocument(SCHEMAS_TABLE.number, doc.id, null);
    }
  });
  for (const index of dropped) {
    if (index.kind !== 'database') continue;
    while ((await db.persistence.deleteIndexRows(index.indexId, 1000)) > 0);
  }
}
