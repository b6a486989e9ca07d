import type { StoredDocument } from '../documents/stored-document.ts';
import type { IndexKey } from '../keys/index-key.ts';
import type { CompiledExpression } from './filter-expression.ts';
import type { IndexStreamRow, RowSource } from './index-stream.ts';

/**
 * A compiled operator of a query.
 *
 * @internal
 * @example
 * ```ts
 * const ops: CompiledOperator[] = [{ kind: 'filter', test }, { kind: 'limit', limit: 10 }];
 * ```
 */
export type CompiledOperator =
  | { readonly kind: 'filter'; readonly test: CompiledExpression }
  | { readonly kind: 'limit'; readonly limit: number };

type Pull = () => Promise<IndexStreamRow | null>;

function chain(source: Pull, operator: CompiledOperator): Pull {
  if (operator.kind === 'limit') {
    let emitted = 0;
    return async () => {
      if (emitted >= operator.limit) return null;
      const row = await source();
      if (row !== null) emitted++;
      return row;
    };
  }
  return async () => {
    for (let row = await source(); row !== null; row = await source()) {
      if (operator.test(row.document.value) === true) return row;
    }
    return null;
  };
}

/**
 * The rows of one query, one at a time (`1.0/queryStream` / `queryStreamNext`). Reads only as
 * far as it is pulled, so `.first()` and `.take(n)` depend only on a prefix of the range.
 *
 * @example
 * ```ts
 * const stream = tx.query(query);
 * const first = await stream.next();
 * stream.close();
 * ```
 */
export class QueryStream {
  readonly #source: RowSource | null;
  readonly #pull: Pull;
  #closed = false;
  #lastKey: IndexKey | null = null;
  #exhausted = false;

  /** @internal */
  constructor(source: RowSource | null, operators: readonly CompiledOperator[]) {
    this.#source = source;
    let pull: Pull = source === null ? () => Promise.resolve(null) : () => source.next();
    for (const operator of operators) pull = chain(pull, operator);
    this.#pull = pull;
  }

  /** The next document, or null when there are no more. */
  async next(): Promise<StoredDocument | null> {
    if (this.#closed || this.#exhausted) return null;
    const row = await this.#pull();
    if (row === null) {
      this.#exhausted = true;
      return null;
    }
    this.#lastKey = row.key;
    return row.document;
  }

  /** Every remaining document. */
  async collect(): Promise<StoredDocument[]> {
    const out: StoredDocument[] = [];
    for (let doc = await this.next(); doc !== null; doc = await this.next()) out.push(doc);
    return out;
  }

  /** Up to `n` documents. */
  async take(n: number): Promise<StoredDocument[]> {
    const out: StoredDocument[] = [];
    while (out.length < n) {
      const doc = await this.next();
      if (doc === null) break;
      out.push(doc);
    }
    return out;
  }

  /** The first document or null; closes the stream. */
  async first(): Promise<StoredDocument | null> {
    const doc = await this.next();
    this.close();
    return doc;
  }

  /**
   * The only document, or null; reads a second row to check there is none.
   *
   * @returns `{ document }`, or `{ tooMany: [first, second] }` when there are more (the caller
   * throws the user-facing error, whose wording belongs to the runner).
   */
  async unique(): Promise<
    | { readonly document: StoredDocument | null }
    | { readonly tooMany: readonly [StoredDocument, StoredDocument] }
  > {
    const first = await this.next();
    if (first === null) return { document: null };
    const second = await this.next();
    this.close();
    return second === null ? { document: first } : { tooMany: [first, second] };
  }

  /** Frees the stream (`1.0/queryCleanup`). Returns false if it was already closed. */
  close(): boolean {
    const wasOpen = !this.#closed;
    this.#closed = true;
    return wasOpen;
  }

  /** @internal Key of the last returned row. */
  get lastKey(): IndexKey | null {
    return this.#lastKey;
  }

  /** @internal Whether the source range was read to its end. */
  get sourceDone(): boolean {
    return this.#source === null || this.#source.done;
  }
}
