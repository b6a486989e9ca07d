import { ValuesError } from '../errors/values-error.ts';
import { setOwnField } from '../json/set-own-field.ts';
import type { Value } from '../value/value.ts';
import { SORT_KEY_TAG as TAG } from './sort-key-tags.ts';

let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * Decodes a sort key made by {@link encodeSortKey} back into its value (`undefined` for the
 * missing-field key). Meant for tests and debugging: the database never needs to decode keys.
 *
 * @throws {ValuesError} code `InvalidSortKey`, saying at which byte and what is wrong.
 * @example
 * ```ts
 * decodeSortKey(encodeSortKey({ a: [1n, 'x'] })); // { a: [1n, 'x'] }
 * ```
 */
export function decodeSortKey(key: Uint8Array): Value | undefined {
  const reader = new Reader(key);
  const value = reader.value();
  if (reader.at !== key.length) throw reader.fail('unexpected bytes after the value');
  return value;
}

/**
 * Decodes an index key made by {@link encodeIndexKey} into its values.
 *
 * @throws {ValuesError} code `InvalidSortKey`.
 * @example
 * ```ts
 * decodeIndexKey(encodeIndexKey(['a', undefined])); // ['a', undefined]
 * ```
 */
export function decodeIndexKey(key: Uint8Array): (Value | undefined)[] {
  const reader = new Reader(key);
  const values: (Value | undefined)[] = [];
  while (reader.at < key.length) values.push(reader.value());
  return values;
}

class Reader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  at = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(message: string): ValuesError {
    return new ValuesError('InvalidSortKey', `Invalid sort key at byte ${this.at}: ${message}`);
  }

  value(): Value | undefined {
    const tagAt = this.#take(1);
    const tag = this.#bytes[tagAt]!;
    switch (tag) {
      case TAG.undefined:
        return undefined;
      case TAG.null:
        return null;
      case TAG.zeroInt64:
        return 0n;
      case TAG.negativeInt64Bytes1:
      case TAG.positiveInt64Bytes1:
        return BigInt(this.#view.getInt8(this.#take(1)));
      case TAG.negativeInt64Bytes2:
      case TAG.positiveInt64Bytes2:
        return BigInt(this.#view.getInt16(this.#take(2)));
      case TAG.negativeInt64Bytes4:
      case TAG.positiveInt64Bytes4:
        return BigInt(this.#view.getInt32(this.#take(4)));
      case TAG.negativeInt64Bytes8:
      case TAG.positiveInt64Bytes8:
        return this.#view.getBigInt64(this.#take(8));
      case TAG.float64:
        return this.#float();
      case TAG.false:
        return false;
      case TAG.true:
        return true;
      case TAG.string:
        return this.#string();
      case TAG.bytes:
        return this.#escaped().slice().buffer;
      case TAG.array:
        // Arrays hold `undefined` only if one was encoded (compareValues orders such arrays too).
        return this.#array() as Value[];
      case TAG.object:
        return this.#object();
      default:
        this.at = tagAt;
        throw this.fail(`unknown tag 0x${tag.toString(16).padStart(2, '0')}`);
    }
  }

  #take(count: number): number {
    const start = this.at;
    if (start + count > this.#bytes.length) throw this.fail('truncated key');
    this.at = start + count;
    return start;
  }

  #float(): number {
    const start = this.#take(8);
    const bits = this.#bytes.slice(start, start + 8);
    if (bits[0]! >= 0x80) bits[0] = bits[0]! & 0x7f;
    else for (let i = 0; i < 8; i++) bits[i] = ~bits[i]! & 0xff;
    return new DataView(bits.buffer).getFloat64(0);
  }

  /** Reads escaped content up to its 0x00 terminator, un-escaping 0x00 0xFF. */
  #escaped(): Uint8Array<ArrayBuffer> {
    const parts: number[] = [];
    for (;;) {
      const byte = this.#bytes[this.#take(1)]!;
      if (byte !== 0) {
        parts.push(byte);
      } else if (this.#bytes[this.at] === TAG.escape) {
        this.at++;
        parts.push(0);
      } else {
        return Uint8Array.from(parts);
      }
    }
  }

  #string(): string {
    const start = this.at;
    try {
      utf8 ??= new TextDecoder('utf-8', { fatal: true });
      return utf8.decode(this.#escaped());
    } catch (error) {
      if (error instanceof ValuesError) throw error;
      this.at = start;
      throw this.fail('string is not valid UTF-8');
    }
  }

  #array(): (Value | undefined)[] {
    const elements: (Value | undefined)[] = [];
    while (this.#peek() !== TAG.terminator) elements.push(this.value());
    this.at++;
    return elements;
  }

  #object(): Record<string, Value | undefined> {
    const out: Record<string, Value | undefined> = {};
    for (;;) {
      const next = this.#peek();
      let name: string;
      if (next === TAG.terminator && this.#bytes[this.at + 1] === TAG.escape) {
        this.at += 2; // The empty field name.
        name = '';
      } else if (next === TAG.terminator) {
        this.at++;
        return out;
      } else {
        name = this.#string();
      }
      if (Object.hasOwn(out, name)) throw this.fail(`duplicate field ${JSON.stringify(name)}`);
      setOwnField(out, name, this.value());
    }
  }

  #peek(): number {
    const byte = this.#bytes[this.at];
    if (byte === undefined) throw this.fail('truncated key');
    return byte;
  }
}
