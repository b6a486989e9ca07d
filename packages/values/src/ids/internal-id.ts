import { ValuesError } from '../errors/values-error.ts';

declare const internalIdBrand: unique symbol;

/**
 * The 16 bytes that identify a document within its table. Any 16 bytes are valid; new ones are 14
 * random bytes followed by the big-endian u16 number of days since the Unix epoch. Made only by
 * {@link makeInternalId}, {@link newInternalId} or by parsing an id. Treat it as immutable.
 *
 * @example
 * ```ts
 * const internalId: InternalId = newInternalId();
 * ```
 */
export type InternalId = Uint8Array & { readonly [internalIdBrand]: true };

/**
 * The length of an {@link InternalId}.
 *
 * @example
 * ```ts
 * INTERNAL_ID_LENGTH; // 16
 * ```
 */
export const INTERNAL_ID_LENGTH = 16;

const MS_PER_DAY = 86_400_000;

/**
 * Checks that `bytes` has 16 bytes and returns a branded copy.
 *
 * @throws {ValuesError} code `InvalidId` for any other length.
 * @example
 * ```ts
 * makeInternalId(new Uint8Array(16));
 * ```
 */
export function makeInternalId(bytes: Uint8Array): InternalId {
  if (bytes.length !== INTERNAL_ID_LENGTH) {
    throw new ValuesError(
      'InvalidId',
      `An internal id has ${INTERNAL_ID_LENGTH} bytes, not ${bytes.length}.`,
    );
  }
  return Uint8Array.from(bytes) as InternalId;
}

/**
 * A fresh internal id: 14 random bytes (`crypto.getRandomValues`) and the big-endian u16 number of
 * whole days from the Unix epoch to `nowMs`.
 *
 * @throws {ValuesError} code `InvalidId` if `nowMs` is before 1970 or after the year 2149.
 * @example
 * ```ts
 * newInternalId(); // e.g. Uint8Array(16) [..14 random.., 0x4f, 0x1a]
 * ```
 */
export function newInternalId(nowMs: number = Date.now()): InternalId {
  const days = Math.floor(nowMs / MS_PER_DAY);
  if (!(days >= 0 && days <= 0xffff)) {
    throw new ValuesError(
      'InvalidId',
      `Cannot make an internal id for time ${nowMs}: its day number ${days} does not fit in 16 bits.`,
    );
  }
  const bytes = new Uint8Array(INTERNAL_ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes.subarray(0, 14));
  bytes[14] = days >>> 8;
  bytes[15] = days & 0xff;
  return bytes as InternalId;
}
