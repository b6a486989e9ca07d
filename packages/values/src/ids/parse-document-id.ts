import { ValuesError } from '../errors/values-error.ts';
import { base32Length, decodeBase32 } from './crockford-base32.ts';
import { type DocumentId, makeDocumentId } from './document-id.ts';
import { fletcher16 } from './fletcher16.ts';
import { INTERNAL_ID_LENGTH, type InternalId } from './internal-id.ts';
import type { TableNumber } from './table-number.ts';
import { readVint } from './vint.ts';

/** Shortest and longest ids: 1- and 5-byte table numbers. */
const MIN_ID_LENGTH = base32Length(1 + INTERNAL_ID_LENGTH + 2);
const MAX_ID_LENGTH = base32Length(5 + INTERNAL_ID_LENGTH + 2);

/**
 * What {@link parseDocumentId} finds in an id.
 *
 * @example
 * ```ts
 * const { tableNumber, internalId } = parseDocumentId(id);
 * ```
 */
export interface ParsedDocumentId {
  /** The id itself, now known to be canonical. */
  readonly id: DocumentId;
  readonly tableNumber: TableNumber;
  readonly internalId: InternalId;
}

/**
 * Parses a document id, checking everything: length (31–37), characters (lowercase Crockford
 * base32), the table number (a VInt, not 0), the checksum, no trailing bytes, and that it is in
 * canonical form (encoding the result again gives the same string).
 *
 * @throws {ValuesError} code `InvalidId`, saying exactly what is wrong.
 * @example
 * ```ts
 * parseDocumentId('z43zp6c3e75gkmz1kfwj6mbbx5sw281h').tableNumber; // 1017
 * ```
 */
export function parseDocumentId(text: string): ParsedDocumentId {
  const parsed = parse(text);
  if (typeof parsed === 'string') {
    throw new ValuesError(
      'InvalidId',
      `Invalid document id ${JSON.stringify(text.length > 64 ? `${text.slice(0, 61)}...` : text)}: ${parsed}.`,
    );
  }
  return parsed;
}

/**
 * Like {@link parseDocumentId}, but returns `null` instead of throwing.
 *
 * @example
 * ```ts
 * tryParseDocumentId('not an id'); // null
 * ```
 */
export function tryParseDocumentId(text: string): ParsedDocumentId | null {
  const parsed = parse(text);
  return typeof parsed === 'string' ? null : parsed;
}

/**
 * Whether `text` is a valid, canonical document id.
 *
 * @example
 * ```ts
 * if (isDocumentId(value)) await db.get(value);
 * ```
 */
export function isDocumentId(text: string): text is DocumentId {
  return typeof parse(text) !== 'string';
}

/** The parsed id, or why `text` is not one. */
function parse(text: string): ParsedDocumentId | string {
  if (typeof text !== 'string') return 'an id is a string';
  // Check the length first, so that long garbage is rejected without decoding it.
  if (text.length < MIN_ID_LENGTH || text.length > MAX_ID_LENGTH) {
    return `its length is ${text.length}, but ids have ${MIN_ID_LENGTH} to ${MAX_ID_LENGTH} characters`;
  }
  const binary = decodeBase32(text);
  if (!(binary instanceof Uint8Array)) {
    return `the character ${JSON.stringify(text[binary.badIndex])} at index ${binary.badIndex} is not in the id alphabet (0-9 and lowercase a-z without i, l, o, u)`;
  }
  const vint = readVint(binary, 0);
  if ('error' in vint) return vint.error;
  if (vint.value === 0) return 'its table number is 0, which is not a valid table number';
  const end = vint.length + INTERNAL_ID_LENGTH;
  if (binary.length < end + 2) return `it is too short for table number ${vint.value}`;
  const expected = fletcher16(binary, end);
  const found = binary[end]! | (binary[end + 1]! << 8);
  if (found !== expected) return 'its checksum does not match (a typo, or not an id)';
  if (binary.length !== end + 2) return 'it has extra bytes after the checksum';
  const tableNumber = vint.value as TableNumber;
  const internalId = binary.slice(vint.length, end) as InternalId;
  const id = makeDocumentId(tableNumber, internalId);
  if (id !== text)
    return `it is not in canonical form (the canonical form is ${JSON.stringify(id)})`;
  return { id, tableNumber, internalId };
}
