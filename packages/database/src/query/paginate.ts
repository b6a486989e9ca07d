import type { StoredDocument } from '../documents/stored-document.ts';
import { DatabaseError } from '../errors/database-error.ts';
import { KEY_MIN, successor, type IndexKey } from '../keys/index-key.ts';
import type { KeyInterval } from '../keys/interval-set.ts';
import type { CursorCodec, CursorPosition } from './cursor-codec.ts';
import type { IndexStream, RowSource } from './index-stream.ts';
import { QueryStream, type CompiledOperator } from './query-stream.ts';

/**
 * Arguments of one page (compat §4.7, `1.0/queryPage`).
 *
 * @example
 * ```ts
 * const args: PaginationOptions = { cursor: null, numItems: 20 };
 * ```
 */
export interface PaginationOptions {
  /** Where to start: null = the beginning; else a `continueCursor` of this query. */
  readonly cursor: string | null;
  /** Read up to and including this cursor, ignoring numItems and the row/byte limits. */
  readonly endCursor?: string | null | undefined;
  /** 1 ≤ numItems ≤ maxPageSize. */
  readonly numItems: number;
  /** End the page early (SplitRequired) after this many index rows (before filtering). */
  readonly maximumRowsRead?: number | null | undefined;
  /** End the page early (SplitRequired) after this many bytes. */
  readonly maximumBytesRead?: number | null | undefined;
}

/**
 * One page (compat §4.7 `PaginationResult`).
 *
 * @example
 * ```ts
 * const { page, isDone, continueCursor } = await tx.queryPage(query, { cursor: null, numItems: 10 });
 * ```
 */
export interface PageResult {
  readonly page: readonly StoredDocument[];
  readonly isDone: boolean;
  readonly continueCursor: string;
  readonly splitCursor: string | null;
  readonly pageStatus: 'SplitRecommended' | 'SplitRequired' | null;
}

/**
 * What pagination needs from the compiled query.
 *
 * @internal
 * @example
 * ```ts
 * paginate(plan, options);
 * ```
 */
export interface PaginationPlan {
  readonly interval: KeyInterval;
  readonly order: 'asc' | 'desc';
  readonly operators: readonly CompiledOperator[];
  readonly fingerprint: Buffer;
  readonly codec: CursorCodec;
  readonly maxPageSize: number;
  /** Opens the index stream over a sub-interval; null when the table does not exist. */
  openStream(interval: KeyInterval): IndexStream | null;
}

const SPLIT_ITEMS = 6144;

function narrow(
  plan: PaginationPlan,
  start: CursorPosition | null,
  end: CursorPosition | null,
): KeyInterval | null {
  let { start: lo, end: hi } = plan.interval;
  const asc = plan.order === 'asc';
  if (start?.kind === 'end') return null;
  if (start?.kind === 'after') {
    if (asc) lo = successor(start.key) > lo ? successor(start.key) : lo;
    else hi = start.key < hi ? start.key : hi;
  }
  if (end?.kind === 'after') {
    if (asc) hi = successor(end.key) < hi ? successor(end.key) : hi;
    else lo = end.key > lo ? end.key : lo;
  }
  return lo < hi ? { start: lo, end: hi } : { start: KEY_MIN, end: KEY_MIN };
}

/**
 * Reads one page of a query (semantics §3.4): deterministic cursors after the last scanned key,
 * `isDone` only when the range is exhausted (an exactly full page is not done), early end with
 * `SplitRequired` under `maximumRowsRead` / `maximumBytesRead` (at least one row is scanned),
 * `SplitRecommended` above 75 % of them or 6,144 items, and `splitCursor` in the middle.
 *
 * @internal
 * @example
 * ```ts
 * const result = await paginate(plan, { cursor: null, numItems: 10 });
 * ```
 */
export async function paginate(
  plan: PaginationPlan,
  options: PaginationOptions,
): Promise<PageResult> {
  const numItems = options.numItems;
  if (!Number.isInteger(numItems) || numItems < 1) {
    throw new DatabaseError(
      'InvalidQuery',
      `Invalid pagination: numItems must be an integer of at least 1, got ${numItems}.`,
    );
  }
  if (numItems > plan.maxPageSize) {
    throw new DatabaseError(
      'LimitExceeded',
      `Page size ${numItems} is too large: the limit maxPageSize is ${plan.maxPageSize}.`,
    );
  }
  const start =
    options.cursor === null ? null : plan.codec.decode(plan.fingerprint, options.cursor);
  const endCursor = options.endCursor ?? null;
  const end = endCursor === null ? null : plan.codec.decode(plan.fingerprint, endCursor);
  const encode = (position: CursorPosition): string =>
    plan.codec.encode(plan.fingerprint, position);
  const interval = narrow(plan, start, end);
  const index = interval === null ? null : plan.openStream(interval);

  const maxRows = end === null ? (options.maximumRowsRead ?? null) : null;
  const maxBytes = end === null ? (options.maximumBytesRead ?? null) : null;
  let rowsRead = 0;
  let bytesRead = 0;
  let splitRequired = false;
  const guarded: RowSource | null =
    index === null
      ? null
      : {
          get done() {
            return index.done;
          },
          next: async () => {
            if (
              rowsRead > 0 &&
              ((maxRows !== null && rowsRead >= maxRows) ||
                (maxBytes !== null && bytesRead >= maxBytes))
            ) {
              splitRequired = true;
              return null;
            }
            const row = await index.next();
            if (row !== null) {
              rowsRead++;
              bytesRead += row.document.byteSize;
            }
            return row;
          },
        };
  const stream = new QueryStream(guarded, plan.operators);
  const page: StoredDocument[] = [];
  let ended = false;
  while (end !== null || page.length < numItems) {
    const doc = await stream.next();
    if (doc === null) {
      ended = true;
      break;
    }
    page.push(doc);
  }
  stream.close();
  const yielded = index?.yieldedKeys ?? [];
  const lastScanned: IndexKey | undefined = yielded[yielded.length - 1];
  let isDone: boolean;
  let continueCursor: string;
  if (end !== null) {
    isDone = end.kind === 'end';
    continueCursor = endCursor!;
  } else if (ended && !splitRequired) {
    isDone = true;
    continueCursor = encode({ kind: 'end' });
  } else {
    isDone = false;
    continueCursor =
      lastScanned === undefined
        ? (options.cursor ?? encode({ kind: 'end' }))
        : encode({ kind: 'after', key: lastScanned });
  }
  let pageStatus: PageResult['pageStatus'] = null;
  if (splitRequired) pageStatus = 'SplitRequired';
  else if (
    page.length > SPLIT_ITEMS ||
    (maxRows !== null && rowsRead > maxRows * 0.75) ||
    (maxBytes !== null && bytesRead > maxBytes * 0.75)
  ) {
    pageStatus = 'SplitRecommended';
  }
  const middle = yielded.length > 2 ? yielded[Math.floor(yielded.length / 2) - 1] : undefined;
  const splitCursor = middle === undefined ? null : encode({ kind: 'after', key: middle });
  return Object.freeze({ page, isDone, continueCursor, splitCursor, pageStatus });
}
