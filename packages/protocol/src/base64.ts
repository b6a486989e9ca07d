// Standard, padded base64 (RFC 4648 §4) without Node's Buffer, so the client can use it in
// browsers. Small on purpose: the payloads here are 8-byte timestamps and short identity JSON.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/**
 * Encodes bytes as standard, padded base64.
 *
 * @internal
 * @example
 * ```ts
 * encodeBase64(new Uint8Array(8)); // 'AAAAAAAAAAA='
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Decodes standard, padded base64. Returns `undefined` for anything else (wrong length, a
 * character outside the alphabet, misplaced padding, or non-zero trailing bits), so callers
 * can word their own error.
 *
 * @internal
 * @example
 * ```ts
 * decodeBase64('AAAAAAAAAAA='); // Uint8Array(8) [0, 0, 0, 0, 0, 0, 0, 0]
 * decodeBase64('AAA'); // undefined
 * ```
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = last && padding === 2 ? 0 : sextet(text, i + 2);
    const d = last && padding >= 1 ? 0 : sextet(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (last && padding === 2) {
      if ((n & 0xffff) !== 0) return undefined;
      break;
    }
    out[o++] = (n >> 8) & 0xff;
    if (last && padding === 1) {
      if ((n & 0xff) !== 0) return undefined;
      break;
    }
    out[o++] = n & 0xff;
  }
  return out;
}

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? LOOKUP[code]! : -1;
}
