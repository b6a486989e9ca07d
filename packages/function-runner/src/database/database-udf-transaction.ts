import { DATABASE_ERROR_CODES, type ReadSet, type Transaction, type TransactionCheckpoint } from '@selfhost/database';
import { jsonToConvex, type Value } from '@selfhost/values';
import type { DocumentJson, UdfPageRequest, UdfPageResult, UdfQueryStream, UdfTransaction, UdfTransactionMetrics } from './udf-transaction.ts';

// Scheduling is not built yet; these are the reference limits getTransactionMetrics reports.
const MAX_SCHEDULED_FUNCTIONS = 1_000;
const MAX_SCHEDULED_ARGS_BYTES = 16 * 1024 * 1024;

type DocumentFields = Record<string, Value | undefined>;

function documentValue(json: DocumentJson): DocumentFields {
  return jsonToConvex(json) as DocumentFields;
}

/** A patch value: a top-level `{"$undefined": null}` removes the field (compat spec §1.2). */
function patchValue(json: DocumentJson): DocumentFields {
  const fields: DocumentFields = {};
  for (const [name, value] of Object.entries(json)) {
    const removes = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && '$undefined' in value;
    Object.defineProperty(fields, name, { value: removes ? undefined : jsonToConvex(value), enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

/**
 * Adapts a `@selfhost/database` transaction to what the syscalls need ({@link UdfTransaction}):
 * Convex-JSON in, document JSON text out (the stored text is passed through untouched).
 *
 * @example
 * ```ts
 * const tx = database.begin({ readOnly: true });
 * const result = await deployment.run({ udfType: 'query', path: 'messages:list', args: {}, transaction: createUdfTransaction(tx) });
 * ```
 */
export function createUdfTransaction(tx: Transaction): UdfTransaction {
  // Only what functions read from here on: not the lookups the caller made before.
  const functionReads = tx.captureReads();
  return {
    writable: !tx.readOnly,
    readDependencies: () => new ReadDependencies(functionReads.clone(), tx),
    adoptReads: (earlier) => {
      if (!(earlier instanceof ReadDependencies)) return 'changed';
      if (!earlier.settled) return 'unsettled';
      return tx.adoptReads(earlier.reads, earlier.readTs) ? 'adopted' : 'changed';
    },
    async get(id, options) {
      const doc = await tx.get(id, { table: options.table, isSystem: options.isSystem });
      return doc === null ? null : doc.json;
    },
    async insert(table, value) {
      return await tx.insert(table, documentValue(value));
    },
    async patch(id, value, table) {
      await tx.patch(id, patchValue(value), { table });
    },
    async replace(id, value, table) {
      await tx.replace(id, documentValue(value), { table });
    },
    async delete(id, table) {
      await tx.delete(id, { table });
    },
    openQuery(query): UdfQueryStream {
      const stream = tx.query(query);
      return {
        next: async () => (await stream.next())?.json ?? null,
        close: () => stream.close(),
      };
    },
    async queryPage(query, request: UdfPageRequest): Promise<UdfPageResult> {
      const result = await tx.queryPage(query, {
        cursor: request.cursor,
        endCursor: request.endCursor,
        numItems: request.pageSize,
        maximumRowsRead: request.maximumRowsRead,
        maximumBytesRead: request.maximumBytesRead,
      });
      return {
        page: result.page.map((doc) => doc.json),
        isDone: result.isDone,
        continueCursor: result.continueCursor,
        splitCursor: result.splitCursor,
        pageStatus: result.pageStatus,
      };
    },
    count: (table) => tx.count(table),
    normalizeId: (table, idString) => tx.normalizeId(table, idString),
    checkpoint: () => tx.checkpoint(),
    rollback: (checkpoint) => tx.rollbackTo(checkpoint as TransactionCheckpoint),
    metrics(): UdfTransactionMetrics {
      const metrics = tx.metrics();
      return {
        ...metrics,
        functionsScheduled: { used: 0, remaining: MAX_SCHEDULED_FUNCTIONS },
        scheduledFunctionArgsBytes: { used: 0, remaining: MAX_SCHEDULED_ARGS_BYTES },
      };
    },
  };
}

/** A copy of what functions read in a transaction, the snapshot they read at, and whether it ended. */
class ReadDependencies {
  readonly reads: ReadSet;
  readonly readTs: Transaction['snapshotTs'];
  // Weak: a kept context must not keep a finished transaction (and its writes) in memory.
  readonly #transaction: WeakRef<Transaction>;

  constructor(reads: ReadSet, transaction: Transaction) {
    this.reads = reads;
    this.readTs = transaction.snapshotTs;
    this.#transaction = new WeakRef(transaction);
  }

  /** The transaction ended (a mutation's commit, if any, is published or failed); one collected has. */
  get settled(): boolean {
    return this.#transaction.deref()?.ended ?? true;
  }
}

/**
 * Whether a database error is the function's fault (HTTP 400 class) rather than a conflict
 * or a storage failure.
 *
 * @example
 * ```ts
 * isDeveloperDatabaseErrorCode('NonexistentDocument'); // true
 * ```
 * @internal
 */
export function isDeveloperDatabaseErrorCode(code: string): boolean {
  const entry = (DATABASE_ERROR_CODES as Readonly<Record<string, { readonly status: number }>>)[code];
  return entry === undefined ? false : entry.status === 400;
}
