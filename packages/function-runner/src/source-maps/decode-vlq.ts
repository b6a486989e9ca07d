const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * Decodes one segment of a source map's `mappings` (base64 VLQ numbers) into `out`;
 * returns how many numbers it read.
 *
 * @example
 * ```ts
 * const out = [0, 0, 0, 0, 0];
 * decodeVlqSegment('AAgBC', out); // 4 → out = [0, 0, 16, 1, …]
 * ```
 */
export function decodeVlqSegment(segment: string, out: number[]): number {
  let count = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    const digit = code < 128 ? (DIGIT[code] ?? -1) : -1;
    if (digit < 0) throw new Error(`Invalid VLQ character ${JSON.stringify(segment[i])}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out[count++] = value % 2 === 1 ? -(value - 1) / 2 : value / 2;
    value = 0;
    shift = 0;
  }
  return count;
}
