import { KeyObject, randomUUID, webcrypto } from 'node:crypto';
import { developerError } from '../errors/developer-error.ts';
import type { ExecutionEnv } from '../execution/execution-env.ts';
import { ALL_UDF_TYPES, type SyscallHandler } from '../syscalls/syscall-handler.ts';

type CryptoKey = webcrypto.CryptoKey;
const subtle = webcrypto.subtle;
const METHODS = ['digest', 'importKey', 'exportKey', 'generateKey', 'sign', 'verify', 'encrypt', 'decrypt', 'deriveBits', 'deriveKey'] as const;
type Method = (typeof METHODS)[number];

function decode(value: unknown, env: ExecutionEnv): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((entry) => decode(entry, env));
  const record = value as Record<string, unknown>;
  if (typeof record['$bytes'] === 'string') return Buffer.from(record['$bytes'], 'base64');
  if (typeof record['$key'] === 'string') {
    const key = env.services.cryptoKeys.get(record['$key']);
    if (key === undefined) throw developerError('InvalidAccessError: unknown CryptoKey');
    return key;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = decode(v, env);
  return out;
}

function encode(value: unknown, env: ExecutionEnv): unknown {
  if (value instanceof ArrayBuffer) return { $bytes: Buffer.from(value).toString('base64') };
  if (ArrayBuffer.isView(value)) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (isCryptoKey(value)) {
    const handle = randomUUID();
    env.services.cryptoKeys.set(handle, value);
    return { $cryptoKey: { handle, type: value.type, extractable: value.extractable, algorithm: encode(value.algorithm, env), usages: value.usages } };
  }
  if (Array.isArray(value)) return value.map((entry) => encode(entry, env));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v, env);
    return out;
  }
  return value;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  // Node's CryptoKey class is not exported by name; KeyObject.from accepts exactly CryptoKeys.
  if (typeof value !== 'object' || value === null || !('algorithm' in value) || !('usages' in value)) return false;
  try {
    KeyObject.from(value as CryptoKey);
    return true;
  } catch {
    return false;
  }
}

function algorithmName(algorithm: unknown): string {
  if (typeof algorithm === 'string') return algorithm.toUpperCase();
  if (typeof algorithm === 'object' && algorithm !== null && typeof (algorithm as { name?: unknown }).name === 'string') {
    return ((algorithm as { name: string }).name).toUpperCase();
  }
  return '';
}

/** Operations that draw randomness, which queries and mutations may not (reference runtime). */
function needsRandomness(method: Method, args: readonly unknown[]): boolean {
  if (method === 'generateKey') return true;
  const name = algorithmName(args[0]);
  if (method === 'encrypt') return name === 'RSA-OAEP';
  if (method === 'sign') return name === 'RSA-PSS' || name === 'ECDSA';
  return false;
}

/**
 * `$subtle`: `crypto.subtle` operations, run on Node's Web Crypto with the execution's keys
 * kept host-side (the isolate holds handles). Failures come back as `Name: message` so the
 * isolate throws the matching `DOMException`.
 *
 * @example
 * ```ts
 * await subtleOp.run({ method: 'digest', args: ['SHA-256', { $bytes: 'aGk=' }] }, env);
 * ```
 * @internal
 */
export const subtleOp: SyscallHandler = {
  kind: 'async',
  allowed: ALL_UDF_TYPES,
  run: async (args, env) => {
    const method = METHODS.find((candidate) => candidate === args['method']);
    if (method === undefined) throw developerError(`NotSupportedError: crypto.subtle.${typeof args['method'] === 'string' ? args['method'] : '?'} is not supported`);
    const callArgs = Array.isArray(args['args']) ? (decode(args['args'], env) as unknown[]) : [];
    if ((env.udfType === 'query' || env.udfType === 'mutation') && needsRandomness(method, callArgs)) {
      throw developerError(`NotSupportedError: crypto.subtle.${method} with ${algorithmName(callArgs[0]) || 'this algorithm'} needs randomness, which queries and mutations cannot use. Please consider using an action.`);
    }
    try {
      const call = (Reflect.get(subtle, method) as (...a: unknown[]) => Promise<unknown>).bind(subtle);
      return JSON.stringify(encode(await call(...callArgs), env));
    } catch (error) {
      const name = error instanceof Error ? error.name : 'OperationError';
      const message = error instanceof Error ? error.message : String(error);
      throw developerError(`${name === 'Error' || name === 'TypeError' ? 'OperationError' : name}: ${message}`);
    }
  },
};
