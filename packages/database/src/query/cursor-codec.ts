import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DatabaseError } from '../errors/database-error.ts';
import { keyFromBytes, keyToBytes, type IndexKey } from '../keys/index-key.ts';

/**
 * A position in a query's index range: after a key, or the end.
 *
 * @example
 * ```ts
 * const p: CursorPosition = { kind: 'after', key };
 * ```
 */
export type CursorPosition =
  { readonly kind: 'after'; readonly key: IndexKey } | { readonly kind: 'end' };

const VERSION = 1;
const FINGERPRINT_BYTES = 16;
const MAC_BYTES = 16;

/**
 * Makes and checks pagination cursors: deterministic (same position, same string) and
 * tamper-proof (HMAC-SHA256 with the database's cursor key), bound to a query fingerprint so a
 * cursor of another query is rejected with `InvalidCursor` (semantics §3.4).
 *
 * @example
 * ```ts
 * const codec = new CursorCodec(secretBytes);
 * const text = codec.encode(fingerprint, { kind: 'end' });
 * codec.decode(fingerprint, text); // { kind: 'end' }
 * ```
 */
export class CursorCodec {
  readonly #key: Buffer;

  constructor(key: Uint8Array | string) {
    const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
    if (bytes.length < 16)
      throw new Error(
        'The cursor key must have at least 16 bytes (pass a random secret to openDatabase).',
      );
    this.#key = bytes;
  }

  /** A query's fingerprint: SHA-256 of its JSON and the index key fields. */
  static fingerprint(queryJson: unknown, keyFields: readonly string[]): Buffer {
    return createHash('sha256')
      .update(JSON.stringify([queryJson, keyFields]))
      .digest()
      .subarray(0, FINGERPRINT_BYTES);
  }

  encode(fingerprint: Buffer, position: CursorPosition): string {
    const key = position.kind === 'after' ? keyToBytes(position.key) : Buffer.alloc(0);
    const body = Buffer.concat([
      Buffer.from([VERSION, position.kind === 'after' ? 1 : 0]),
      fingerprint,
      key,
    ]);
    const mac = createHmac('sha256', this.#key).update(body).digest().subarray(0, MAC_BYTES);
    return Buffer.concat([body, mac]).toString('base64url');
  }

  decode(fingerprint: Buffer, text: string): CursorPosition {
    const fail = (why: string): DatabaseError =>
      new DatabaseError(
        'InvalidCursor',
        `Invalid pagination cursor: ${why}. Pass null to start from the beginning, or the continueCursor of a page of this same query.`,
      );
    if (typeof text !== 'string' || !/^[A-Za-z0-9_-]+$/.test(text))
      throw fail('not a cursor string');
    const bytes = Buffer.from(text, 'base64url');
    if (bytes.length < 2 + FINGERPRINT_BYTES + MAC_BYTES || bytes[0] !== VERSION)
      throw fail('malformed');
    const body = bytes.subarray(0, bytes.length - MAC_BYTES);
    const mac = bytes.subarray(bytes.length - MAC_BYTES);
    const expected = createHmac('sha256', this.#key).update(body).digest().subarray(0, MAC_BYTES);
    if (!timingSafeEqual(mac, expected))
      throw fail('it was not made by this deployment or was changed');
    if (!body.subarray(2, 2 + FINGERPRINT_BYTES).equals(fingerprint))
      throw fail('it belongs to a different query');
    if (body[1] === 0) return { kind: 'end' };
    return { kind: 'after', key: keyFromBytes(body.subarray(2 + FINGERPRINT_BYTES)) };
  }
}
