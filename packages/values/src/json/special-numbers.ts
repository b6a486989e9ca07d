import { decodeBase64, encodeBase64 } from '../encoding/base64.ts';

const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SIXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SIXTETS[ALPHABET.charCodeAt(i)] = i;
SIXTETS[45] = 62; // '-'
SIXTETS[95] = 63; // '_'

/**
 * Decodes the usual 12-character base64 of 8 bytes straight into the scratch view, without
 * allocating. Returns false for anything unusual, which the strict decoder then explains.
 */
function decodeEightFast(text: string): boolean {
  if (text.length !== 12 || text.charCodeAt(11) !== 61 /* = */) return false;
  let high = 0;
  for (let i = 0; i < 5; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? SIXTETS[code]! : -1;
    if (value < 0) return false;
    high = high * 64 + value;
  }
  let low = 0;
  for (let i = 5; i < 11; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? SIXTETS[code]! : -1;
    if (value < 0) return false;
    low = low * 64 + value;
  }
  // 66 bits: the first 30 in `high`, the last 36 in `low`; the final 2 are padding and must be 0.
  if (low % 4 !== 0) return false;
  low /= 4; // now 34 bits: 2 belong to byte 3, then bytes 4..7
  const lowTop = Math.floor(low / 2 ** 32); // 2 bits
  scratch.setUint32(0, ((high << 2) | lowTop) >>> 0);
  scratch.setUint32(4, low % 2 ** 32);
  return true;
}

/**
 * Base64 of the 8-byte little-endian two's complement of `value` (the `$integer` payload). The
 * caller checks the Int64 range.
 *
 * @internal
 * @example
 * ```ts
 * int64ToBase64(1n); // 'AQAAAAAAAAA='
 * ```
 */
export function int64ToBase64(value: bigint): string {
  scratch.setBigInt64(0, value, true);
  return encodeBase64(scratchBytes);
}

/**
 * Base64 of the 8-byte little-endian IEEE-754 bits of `value` (the `$float` payload).
 *
 * @internal
 * @example
 * ```ts
 * float64ToBase64(NaN); // 'AAAAAAAA+H8='
 * ```
 */
export function float64ToBase64(value: number): string {
  scratch.setFloat64(0, value, true);
  return encodeBase64(scratchBytes);
}

/**
 * The 8 bytes of a `$integer` / `$float` payload, or a message saying what is wrong with it.
 *
 * @internal
 * @example
 * ```ts
 * eightBytes('AQAAAAAAAAA=', '$integer'); // DataView over [1, 0, 0, 0, 0, 0, 0, 0]
 * ```
 */
export function eightBytes(text: string, key: string): DataView | string {
  if (decodeEightFast(text)) return scratch;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decodeBase64(text);
  } catch (error) {
    return `${key} is not valid base64 (${(error as Error).message.replace('invalid base64: ', '')})`;
  }
  if (bytes.length !== 8) return `expected 8 bytes for ${key}, got ${bytes.length}`;
  return new DataView(bytes.buffer);
}

/**
 * Whether `value` is a float that Convex-JSON cannot write as a plain JSON number: NaN, ±Infinity
 * or −0.
 *
 * @internal
 * @example
 * ```ts
 * isSpecialFloat(-0); // true
 * isSpecialFloat(1.5); // false
 * ```
 */
export function isSpecialFloat(value: number): boolean {
  return !Number.isFinite(value) || (value === 0 && 1 / value < 0);
}
