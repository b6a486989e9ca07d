import {
  convexToJson,
  jsonToConvex,
  type DocumentId,
  type JSONValue,
  type Value,
} from '@selfhost/values';

/**
 * A document's value: an object that includes `_id` and `_creationTime`.
 *
 * @example
 * ```ts
 * const value: DocumentValue = { _id: id, _creationTime: 1.7e12, body: 'hi' };
 * ```
 */
export type DocumentValue = Record<string, Value | undefined>;

/**
 * A document as reads return it. Holds the stored Convex-JSON text and parses it only when
 * `value` is asked for, so a caller can hand `json` straight to user code without re-encoding.
 * Immutable.
 *
 * @example
 * ```ts
 * const doc = await tx.get(id);
 * respond(doc?.json ?? 'null'); // no parse, no stringify
 * doc?.value.body;              // parsed once, on demand
 * ```
 */
export class StoredDocument {
  /** The document id. */
  readonly id: DocumentId;
  /** The table number (from the id). */
  readonly tableNumber: number;
  /** The revision's commit ts (for pending writes of a transaction: its snapshot ts). */
  readonly ts: bigint;
  #json: string | undefined;
  #value: DocumentValue | undefined;

  private constructor(id: DocumentId, tableNumber: number, ts: bigint) {
    this.id = id;
    this.tableNumber = tableNumber;
    this.ts = ts;
  }

  /** A document read from storage, as Convex-JSON text. */
  static fromJson(
    id: DocumentId,
    tableNumber: number,
    options: { readonly ts: bigint; readonly json: string },
  ): StoredDocument {
    const doc = new StoredDocument(id, tableNumber, options.ts);
    doc.#json = options.json;
    return doc;
  }

  /** A document made from a value (a transaction's own write). The value must not change later. */
  static fromValue(
    id: DocumentId,
    tableNumber: number,
    options: { readonly ts: bigint; readonly value: DocumentValue },
  ): StoredDocument {
    const doc = new StoredDocument(id, tableNumber, options.ts);
    doc.#value = options.value;
    return doc;
  }

  /** The Convex-JSON text of the whole document. */
  get json(): string {
    this.#json ??= JSON.stringify(convexToJson(this.#value as Value));
    return this.#json;
  }

  /** The parsed value (do not mutate it). */
  get value(): DocumentValue {
    this.#value ??= jsonToConvex(JSON.parse(this.json) as JSONValue) as DocumentValue;
    return this.#value;
  }

  /** `_creationTime`. */
  get creationTime(): number {
    return this.value['_creationTime'] as number;
  }

  /** Bytes counted for read limits: the length of the stored JSON text. */
  get byteSize(): number {
    return this.json.length;
  }
}
