const INITIAL_CAPACITY = 256;
const ENCODE_INTO_THRESHOLD = 64;
// Created on first use: user code may load this package where TextEncoder is installed later.
let encoder: InstanceType<typeof TextEncoder> | undefined;

/**
 * A growable byte buffer the sort-key encoder writes into. One instance is reused between calls
 * (see {@link borrowSortKeyWriter}), so a key costs one copy at the end and no per-byte arrays.
 *
 * @internal
 * @example
 * ```ts
 * const writer = new SortKeyWriter();
 * writer.byte(0x03);
 * writer.finish(); // Uint8Array [3]
 * ```
 */
export class SortKeyWriter {
  #bytes = new Uint8Array(INITIAL_CAPACITY);
  #view = new DataView(this.#bytes.buffer);
  #length = 0;
  /** Whether a call is using this writer right now (guards against re-entrant use). */
  busy = false;

  /** Drops what was written. */
  reset(): void {
    this.#length = 0;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }

  /** Appends one byte. */
  byte(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = value;
  }

  /** Appends a tag and a big-endian integer of `width` (1, 2 or 4) bytes. */
  tagAndInt(tag: number, value: number, width: 1 | 2 | 4): void {
    this.#reserve(1 + width);
    const at = this.#length;
    this.#bytes[at] = tag;
    if (width === 1) this.#view.setInt8(at + 1, value);
    else if (width === 2) this.#view.setInt16(at + 1, value);
    else this.#view.setInt32(at + 1, value);
    this.#length = at + 1 + width;
  }

  /** Appends a tag and a big-endian 64-bit integer. */
  tagAndBigInt(tag: number, value: bigint): void {
    this.#reserve(9);
    this.#bytes[this.#length] = tag;
    this.#view.setBigInt64(this.#length + 1, value);
    this.#length += 9;
  }

  /** Appends the float tag and the 8 bytes of `value` transformed so that byte order is total order. */
  tagAndFloat(tag: number, value: number): void {
    this.#reserve(9);
    const at = this.#length + 1;
    const bytes = this.#bytes;
    bytes[at - 1] = tag;
    this.#view.setFloat64(at, value);
    if (bytes[at]! >= 0x80) {
      for (let i = at; i < at + 8; i++) bytes[i] = ~bytes[i]! & 0xff;
    } else {
      bytes[at] = bytes[at]! | 0x80;
    }
    this.#length = at + 8;
  }

  /** Appends `text` as UTF-8 with 0x00 escaped as 0x00 0xFF, then the 0x00 terminator. */
  escapedString(text: string): void {
    // A UTF-16 unit never takes more than 3 bytes (a pair takes 4 for 2 units), or 2 if escaped.
    this.#reserve(text.length * 3 + 1);
    if (text.length >= ENCODE_INTO_THRESHOLD && typeof TextEncoder === 'function') {
      encoder ??= new TextEncoder();
      const start = this.#length;
      const { written } = encoder.encodeInto(text, this.#bytes.subarray(start));
      this.#length = start + written;
      this.#escapeZeros(start);
    } else {
      this.#writeShortString(text);
    }
    this.#bytes[this.#length++] = 0;
  }

  /** Appends `content` with 0x00 escaped as 0x00 0xFF, then the 0x00 terminator. */
  escapedBytes(content: Uint8Array): void {
    this.#reserve(content.length + 1);
    const start = this.#length;
    this.#bytes.set(content, start);
    this.#length = start + content.length;
    this.#escapeZeros(start);
    this.#bytes[this.#length++] = 0;
  }

  #writeShortString(text: string): void {
    const bytes = this.#bytes;
    let at = this.#length;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        bytes[at++] = code;
        if (code === 0) bytes[at++] = 0xff;
        continue;
      }
      if (code < 0x800) {
        bytes[at++] = 0xc0 | (code >> 6);
        bytes[at++] = 0x80 | (code & 63);
        continue;
      }
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          i++;
          bytes[at++] = 0xf0 | (code >> 18);
          bytes[at++] = 0x80 | ((code >> 12) & 63);
          bytes[at++] = 0x80 | ((code >> 6) & 63);
          bytes[at++] = 0x80 | (code & 63);
          continue;
        }
        code = 0xfffd; // A lone surrogate is written as U+FFFD, as TextEncoder does.
      }
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    }
    this.#length = at;
  }

  /** Rewrites the bytes from `start` to the end with every 0x00 followed by 0xFF. */
  #escapeZeros(start: number): void {
    // indexOf runs past the written bytes, but stops at the first zero it meets there.
    const end = this.#length;
    let zeros = 0;
    for (
      let at = this.#bytes.indexOf(0, start);
      at !== -1 && at < end;
      at = this.#bytes.indexOf(0, at + 1)
    )
      zeros++;
    if (zeros === 0) return;
    this.#reserve(zeros);
    const bytes = this.#bytes;
    // Walk backwards, moving each byte right by the number of zeros before it.
    let from = this.#length - 1;
    let to = from + zeros;
    this.#length += zeros;
    while (from >= start && to > from) {
      const value = bytes[from--]!;
      if (value === 0) bytes[to--] = 0xff;
      bytes[to--] = value;
    }
  }

  #reserve(extra: number): void {
    const needed = this.#length + extra;
    if (needed <= this.#bytes.length) return;
    let capacity = this.#bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = bigger;
    this.#view = new DataView(bigger.buffer);
  }
}

const shared = new SortKeyWriter();

/**
 * The shared writer, reset, or a fresh one if the shared one is in use (a getter on a value being
 * encoded could call the encoder again). Hand it back with `writer.busy = false`.
 *
 * @internal
 * @example
 * ```ts
 * const writer = borrowSortKeyWriter();
 * try { write(writer); return writer.finish(); } finally { writer.busy = false; }
 * ```
 */
export function borrowSortKeyWriter(): SortKeyWriter {
  const writer = shared.busy ? new SortKeyWriter() : shared;
  writer.reset();
  writer.busy = true;
  return writer;
}
