import { defineGlobal } from '../define-global.ts';
import { hostUtil } from '../host.ts';
import { seededRandom } from '../runtime-state.ts';
import { base64ToBytes, bytesToBase64, copyBytes, isBufferSource } from './bytes.ts';
import { DOMException } from './dom-exception.ts';
import { hostOp } from './host-op.ts';
import { toDomString } from './to-dom-string.ts';

const MAX_RANDOM_BYTES = 65_536;

function randomBytes(length: number): Uint8Array {
  const stream = seededRandom();
  if (stream !== null) {
    const bytes = new Uint8Array(length);
    stream.fillBytes(bytes);
    return bytes;
  }
  return base64ToBytes(JSON.parse(hostUtil('randomBytes', JSON.stringify(length))) as string) ?? new Uint8Array(length);
}

const KEY_DATA = Symbol('keyData');

/**
 * `CryptoKey`: a handle to a key the host holds for the current execution.
 *
 * @example
 * ```ts
 * const key = await crypto.subtle.importKey('raw', bytes, 'HMAC', false, ['sign']);
 * key.type; // 'secret'
 * ```
 * @internal
 */
export class CryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: Readonly<Record<string, unknown>>;
  readonly usages: readonly string[];
  readonly [KEY_DATA]: string;
  constructor(key: unknown, description: { handle: string; type: string; extractable: boolean; algorithm: Record<string, unknown>; usages: string[] }) {
    if (key !== KEY_DATA) throw new TypeError('Illegal constructor');
    this.type = description.type;
    this.extractable = description.extractable;
    this.algorithm = Object.freeze({ ...description.algorithm });
    this.usages = Object.freeze([...description.usages]);
    this[KEY_DATA] = description.handle;
  }
  get [Symbol.toStringTag](): string {
    return 'CryptoKey';
  }
}

/** Encodes algorithm parameters and data for the host: bytes as base64, keys as handles. */
function encode(value: unknown): unknown {
  if (value instanceof CryptoKey) return { $key: value[KEY_DATA] };
  if (isBufferSource(value)) return { $bytes: bytesToBase64(copyBytes(value)) };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = encode((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

type KeyDescription = { handle: string; type: string; extractable: boolean; algorithm: Record<string, unknown>; usages: string[] };

function decode(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(decode);
  const record = value as Record<string, unknown>;
  if (typeof record['$bytes'] === 'string') return (base64ToBytes(record['$bytes']) ?? new Uint8Array(0)).buffer;
  if (typeof record['$cryptoKey'] === 'object' && record['$cryptoKey'] !== null) {
    const description = record['$cryptoKey'] as KeyDescription;
    return new CryptoKey(KEY_DATA, { ...description, algorithm: decode(description.algorithm) as Record<string, unknown> });
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = decode(record[key]);
  return out;
}

async function subtleCall(method: string, args: readonly unknown[]): Promise<unknown> {
  try {
    return decode(await hostOp('$subtle', { method, args: args.map(encode) }));
  } catch (error) {
    const message = error instanceof Error ? error.message : toDomString(error);
    const match = /^(\w+Error): (.*)$/s.exec(message);
    throw new DOMException(match?.[2] ?? message, match?.[1] ?? 'OperationError');
  }
}

/**
 * Installs `crypto`: `getRandomValues` and `randomUUID` (seeded in queries and mutations, so
 * re-executions repeat them; real randomness in actions) and `subtle`, whose operations run
 * on the host's Web Crypto (those that need randomness are refused in queries and
 * mutations).
 *
 * @example
 * ```ts
 * installCrypto();
 * crypto.randomUUID();
 * ```
 * @internal
 */
export function installCrypto(): void {
  /* eslint-disable max-params -- SubtleCrypto's methods take the standard's positional arguments. */
  const subtle = Object.freeze({
    digest: (algorithm: unknown, data: unknown) => subtleCall('digest', [algorithm, data]),
    importKey: (format: unknown, keyData: unknown, algorithm: unknown, extractable: unknown, usages: unknown) =>
      subtleCall('importKey', [format, keyData, algorithm, extractable, usages]),
    exportKey: (format: unknown, key: unknown) => subtleCall('exportKey', [format, key]),
    generateKey: (algorithm: unknown, extractable: unknown, usages: unknown) => subtleCall('generateKey', [algorithm, extractable, usages]),
    sign: (algorithm: unknown, key: unknown, data: unknown) => subtleCall('sign', [algorithm, key, data]),
    verify: (algorithm: unknown, key: unknown, signature: unknown, data: unknown) => subtleCall('verify', [algorithm, key, signature, data]),
    encrypt: (algorithm: unknown, key: unknown, data: unknown) => subtleCall('encrypt', [algorithm, key, data]),
    decrypt: (algorithm: unknown, key: unknown, data: unknown) => subtleCall('decrypt', [algorithm, key, data]),
    deriveBits: (algorithm: unknown, baseKey: unknown, length: unknown) => subtleCall('deriveBits', [algorithm, baseKey, length]),
    deriveKey: (algorithm: unknown, baseKey: unknown, derivedKeyType: unknown, extractable: unknown, usages: unknown) =>
      subtleCall('deriveKey', [algorithm, baseKey, derivedKeyType, extractable, usages]),
    wrapKey: () => Promise.reject(new DOMException('wrapKey is not supported', 'NotSupportedError')),
    unwrapKey: () => Promise.reject(new DOMException('unwrapKey is not supported', 'NotSupportedError')),
  });
  /* eslint-enable max-params */
  const crypto = {
    getRandomValues<TArray extends ArrayBufferView>(array: TArray): TArray {
      const integer =
        array instanceof Int8Array ||
        array instanceof Uint8Array ||
        array instanceof Uint8ClampedArray ||
        array instanceof Int16Array ||
        array instanceof Uint16Array ||
        array instanceof Int32Array ||
        array instanceof Uint32Array ||
        array instanceof BigInt64Array ||
        array instanceof BigUint64Array;
      if (!integer) throw new DOMException('The data provided is not an integer typed array', 'TypeMismatchError');
      if (array.byteLength > MAX_RANDOM_BYTES) {
        throw new DOMException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (${MAX_RANDOM_BYTES})`, 'QuotaExceededError');
      }
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(randomBytes(array.byteLength));
      return array;
    },
    randomUUID(): string {
      const bytes = randomBytes(16);
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
    subtle,
  };
  defineGlobal('crypto', crypto);
  defineGlobal('CryptoKey', CryptoKey);
}
