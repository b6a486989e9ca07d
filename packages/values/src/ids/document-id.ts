import { ValuesError } from '../errors/values-error.ts';
import { encodeBase32 } from './crockford-base32.ts';
import { fletcher16 } from './fletcher16.ts';
import { INTERNAL_ID_LENGTH, type InternalId } from './internal-id.ts';
import { MAX_TABLE_NUMBER, type TableNumber } from './table-number.ts';
import { writeVint } from './vint.ts';

declare const documentIdBrand: unique symbol;

/**
 * A canonical document id string (31–37 lowercase base32 characters, 32 for user tables). Made
 * only by {@link makeDocumentId} and {@link parseDocumentId}.
 *
 * @example
 * ```ts
 * const id: DocumentId = makeDocumentId(makeTableNumber(10001), newInternalId());
 * ```
 */
export type DocumentId = string & { readonly [documentIdBrand]: true };

/**
 * The id of document `internalId` in table `tableNumber`: base32 of
 * `VInt(tableNumber) ‖ internalId ‖ footer`, where the footer is the Fletcher-16 checksum of what
 * precedes it (XOR the format version, 0), little-endian.
 *
 * @example
 * ```ts
 * makeDocumentId(makeTableNumber(10001), newInternalId()); // 'j57…' (32 characters)
 * ```
 */
export function makeDocumentId(tableNumber: TableNumber, internalId: InternalId): DocumentId {
  if (!Number.isInteger(tableNumber) || tableNumber < 1 || tableNumber > MAX_TABLE_NUMBER) {
    throw new ValuesError(
      'InvalidId',
      `Table number ${tableNumber} is not valid: table numbers are integers from 1 to ${MAX_TABLE_NUMBER}.`,
    );
  }
  if (internalId.length !== INTERNAL_ID_LENGTH) {
    throw new ValuesError(
      'InvalidId',
      `An internal id has ${INTERNAL_ID_LENGTH} bytes, not ${internalId.length}.`,
    );
  }
  const binary = new Uint8Array(5 + INTERNAL_ID_LENGTH + 2);
  let at = writeVint(tableNumber, binary, 0);
  binary.set(internalId, at);
  at += INTERNAL_ID_LENGTH;
  const footer = fletcher16(binary, at);
  binary[at++] = footer & 0xff;
  binary[at++] = footer >>> 8;
  return encodeBase32(binary, at) as DocumentId;
}
