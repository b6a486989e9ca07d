import { jsonToConvex, type JSONValue } from '@selfhost/values';
import type { Database } from '../database.ts';
import { documentIndexKey } from '../documents/index-keys.ts';
import type { DocumentValue } from '../documents/stored-document.ts';
import type { IndexKey } from '../keys/index-key.ts';
import {
  GLOBAL_KEYS,
  revisionKey,
  type DeleteBatch,
  type LogEntry,
  type RevisionRef,
} from '../persistence/persistence.ts';
import type { Service } from '../service.ts';
import { wallClockNs } from '../timestamp.ts';
import type { RetentionOptions } from './retention-options.ts';

/**
 * What one retention pass deleted.
 *
 * @example
 * ```ts
 * const { documentRows, indexRows } = await retention.runOnce();
 * ```
 */
export interface RetentionResult {
  readonly floorTs: bigint;
  readonly documentRows: number;
  readonly indexRows: number;
}

function parse(json: string): DocumentValue {
  return jsonToConvex(JSON.parse(json) as JSONValue) as DocumentValue;
}

/**
 * Deletes versions that no snapshot can read any more (semantics §2.5): every revision
 * superseded at or before the floor — `min(now − window, oldest live transaction)` — with its
 * index rows, and tombstones (document and index) that hide nothing any more. It walks the
 * document log forward from a persisted cursor, so each pass costs what was written since the
 * last one. A {@link Service}: `run()` repeats every `intervalMs`; `runOnce()` for tests.
 *
 * @example
 * ```ts
 * const retention = new RetentionService(db);
 * void retention.run();
 * await retention.stop();
 * ```
 */
export class RetentionService implements Service {
  readonly #db: Database;
  readonly #options: RetentionOptions;
  #stopped = false;
  #wake: (() => void) | null = null;
  #running: Promise<void> | null = null;

  constructor(db: Database, options: Partial<RetentionOptions> = {}) {
    this.#db = db;
    this.#options = { ...db.retentionOptions, ...options };
  }

  run(): Promise<void> {
    this.#stopped = false;
    this.#running ??= (async () => {
      while (!this.#stopped) {
        try {
          await this.runOnce();
        } catch (error) {
          console.error('[database] retention pass failed', error);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#options.intervalMs);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await this.#running;
  }

  /** One pass up to the current floor. */
  async runOnce(): Promise<RetentionResult> {
    const db = this.#db;
    const persistence = db.persistence;
    const windowFloor = wallClockNs() - BigInt(this.#options.windowMs) * 1_000_000n;
    const oldest = db.oldestLiveSnapshot();
    let floor = db.latestTs as bigint;
    if (windowFloor < floor) floor = windowFloor;
    if (oldest !== null && oldest < floor) floor = oldest;
    if (floor <= db.retentionFloor) floor = db.retentionFloor;
    // First forbid new snapshots below the floor, and make sure timestamps never go back after a
    // restart even if the newest rows are deleted.
    db.raiseRetentionFloor(floor);
    await persistence.setGlobal(GLOBAL_KEYS.retentionFloorTs, floor.toString());
    await persistence.setGlobal(GLOBAL_KEYS.maxRepeatableTs, db.latestTs.toString());
    const stored = await persistence.getGlobal(GLOBAL_KEYS.retentionCursorTs);
    let cursor = typeof stored === 'string' ? BigInt(stored) : 0n;
    let documentRows = 0;
    let indexRows = 0;
    let limit = this.#options.batchSize;
    while (cursor < floor) {
      let entries = await persistence.scanLog({ afterTs: cursor, throughTs: floor, limit });
      if (entries.length === 0) break;
      if (entries.length >= limit) {
        // Never split one commit's revisions across passes: the cursor is a timestamp.
        const lastTs = entries[entries.length - 1]!.ts;
        const whole = entries.filter((e) => e.ts < lastTs);
        if (whole.length === 0) {
          limit *= 4;
          continue;
        }
        entries = whole;
      }
      const batch = await this.#deletions(entries);
      if (batch.documents.length > 0 || batch.indexes.length > 0)
        await persistence.deleteRows(batch);
      documentRows += batch.documents.length;
      indexRows += batch.indexes.length;
      cursor = entries[entries.length - 1]!.ts;
      await persistence.setGlobal(GLOBAL_KEYS.retentionCursorTs, cursor.toString());
      limit = this.#options.batchSize;
    }
    return { floorTs: floor, documentRows, indexRows };
  }

  /** The rows made obsolete by these revisions (each supersedes its `prevTs` revision). */
  async #deletions(entries: readonly LogEntry[]): Promise<DeleteBatch> {
    const catalog = this.#db.catalog;
    const previous: RevisionRef[] = entries
      .filter((e) => e.prevTs !== null)
      .map((e) => ({ tableId: e.tableId, internalId: e.internalId, ts: e.prevTs! }));
    const values = await this.#db.persistence.loadRevisions(previous);
    const documents: RevisionRef[] = [];
    const indexes: { indexId: number; key: IndexKey; ts: bigint }[] = [];
    for (const entry of entries) {
      const indexesOfTable = catalog.writableIndexesOf(entry.tableId);
      const current = entry.json === null ? null : parse(entry.json);
      if (entry.prevTs !== null) {
        const ref = { tableId: entry.tableId, internalId: entry.internalId, ts: entry.prevTs };
        documents.push(ref);
        const json = values.get(revisionKey(ref));
        if (json !== undefined && json !== null) {
          const old = parse(json);
          for (const index of indexesOfTable) {
            const oldKey = documentIndexKey(index, old);
            indexes.push({ indexId: index.indexId, key: oldKey, ts: entry.prevTs });
            // The tombstone this revision wrote for a key that changed hides nothing any more.
            if (current === null || documentIndexKey(index, current) !== oldKey)
              indexes.push({ indexId: index.indexId, key: oldKey, ts: entry.ts });
          }
        }
      }
      // A delete whose predecessor is gone: the document tombstone itself is no longer needed.
      if (entry.json === null)
        documents.push({ tableId: entry.tableId, internalId: entry.internalId, ts: entry.ts });
    }
    return { documents, indexes };
  }
}
