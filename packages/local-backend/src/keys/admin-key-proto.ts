// The plaintext of an admin key: the reference's protobuf message (crates/pb/protos/convex_keys.proto)
//
//   message AdminKey {
//     optional string instance_name = 1;
//     uint64 issued_s = 2;
//     oneof identity { uint64 member_id = 3; google.protobuf.Empty system = 4; }
//     bool is_read_only = 5;
//   }
//
// in proto3 wire format, with a codec for exactly these fields instead of a protobuf dependency.
// Encoding matches prost: fields in number order, proto3 defaults (0, false) omitted, a set oneof
// member always written (so member 0 is `18 00`), an absent optional omitted.

import { badAdminKey } from './admin-key-error.ts';
import type { AdminKeyIdentity } from './admin-key-identity.ts';

/**
 * The decoded `AdminKey` protobuf message.
 *
 * @example
 * ```ts
 * const message: AdminKeyMessage = {
 *   instanceName: undefined, issuedSeconds: 1_700_000_000n, identity: { kind: 'member', memberId: 0n }, isReadOnly: false,
 * };
 * ```
 */
export interface AdminKeyMessage {
  /** Written by the reference's legacy keys; current keys carry the name outside the ciphertext. */
  readonly instanceName: string | undefined;
  /** `issued_s`: seconds since the Unix epoch. */
  readonly issuedSeconds: bigint;
  readonly identity: AdminKeyIdentity | undefined;
  readonly isReadOnly: boolean;
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;
const UINT64_MAX = (1n << 64n) - 1n;

function pushVarint(out: number[], value: bigint): void {
  let rest = value;
  while (rest >= 0x80n) {
    out.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  out.push(Number(rest));
}

function pushKey(out: number[], field: number, wireType: number): void {
  pushVarint(out, BigInt((field << 3) | wireType));
}

/**
 * Encodes the message as prost does.
 *
 * @throws {RangeError} when `issuedSeconds` or `memberId` is outside uint64.
 * @example
 * ```ts
 * encodeAdminKeyMessage({ instanceName: 'carnitas', issuedSeconds: 1n, identity: { kind: 'member', memberId: 0n }, isReadOnly: false });
 * // → 0a 08 'carnitas' 10 01 18 00
 * ```
 */
export function encodeAdminKeyMessage(message: AdminKeyMessage): Uint8Array {
  const out: number[] = [];
  if (message.instanceName !== undefined) {
    const name = new TextEncoder().encode(message.instanceName);
    pushKey(out, 1, LENGTH_DELIMITED);
    pushVarint(out, BigInt(name.length));
    out.push(...name);
  }
  if (message.issuedSeconds !== 0n) {
    pushKey(out, 2, VARINT);
    pushVarint(out, checkUint64(message.issuedSeconds, 'issuedSeconds'));
  }
  const identity = message.identity;
  if (identity?.kind === 'member') {
    pushKey(out, 3, VARINT);
    pushVarint(out, checkUint64(identity.memberId, 'memberId'));
  } else if (identity?.kind === 'system') {
    pushKey(out, 4, LENGTH_DELIMITED);
    pushVarint(out, 0n);
  }
  if (message.isReadOnly) {
    pushKey(out, 5, VARINT);
    pushVarint(out, 1n);
  }
  return Uint8Array.from(out);
}

function checkUint64(value: bigint, name: string): bigint {
  if (value < 0n || value > UINT64_MAX)
    throw new RangeError(`${name} must be a uint64, got ${value}`);
  return value;
}

const malformed = (why: string) =>
  badAdminKey('bad-contents', `the admin key's contents are not a valid AdminKey message: ${why}`);

/** Reads protobuf wire format from `bytes`; every read throws `bad-contents` past the end. */
class WireReader {
  readonly #bytes: Uint8Array;
  #position = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  get done(): boolean {
    return this.#position >= this.#bytes.length;
  }

  varint(): bigint {
    let value = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.#bytes[this.#position++];
      if (byte === undefined) throw malformed('truncated varint');
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) {
        if (value > UINT64_MAX) throw malformed('varint overflows 64 bits');
        return value;
      }
    }
    throw malformed('varint longer than 10 bytes');
  }

  bytes(length: number): Uint8Array {
    if (this.#position + length > this.#bytes.length) throw malformed('truncated field');
    const out = this.#bytes.subarray(this.#position, this.#position + length);
    this.#position += length;
    return out;
  }

  lengthDelimited(): Uint8Array {
    const length = this.varint();
    if (length > BigInt(this.#bytes.length)) throw malformed('truncated field');
    return this.bytes(Number(length));
  }

  skip(wireType: number): void {
    switch (wireType) {
      case VARINT:
        this.varint();
        return;
      case FIXED64:
        this.bytes(8);
        return;
      case LENGTH_DELIMITED:
        this.lengthDelimited();
        return;
      case FIXED32:
        this.bytes(4);
        return;
      default:
        throw malformed(`unsupported wire type ${wireType}`);
    }
  }
}

function expectWireType(field: number, actual: number, expected: number): void {
  if (actual !== expected)
    throw malformed(`field ${field} has wire type ${actual}, expected ${expected}`);
}

/** `google.protobuf.Empty` has no fields; like prost, skip any unknown ones but insist they parse. */
function checkEmptyMessage(bytes: Uint8Array): void {
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const key = reader.varint();
    if (key >> 3n === 0n) throw malformed('field number 0');
    reader.skip(Number(key & 7n));
  }
}

/**
 * Decodes proto3 wire format as prost does: unknown fields are skipped, a repeated scalar or
 * oneof keeps its last value, absent fields take their defaults.
 *
 * @throws {AdminKeyError} `BadAdminKey` / `bad-contents` on malformed wire data or a name that is
 *   not UTF-8.
 * @example
 * ```ts
 * decodeAdminKeyMessage(hex('0a086361726e69746173108186ba8d061800'));
 * // → { instanceName: 'carnitas', issuedSeconds: 1638826753n, identity: { kind: 'member', memberId: 0n }, isReadOnly: false }
 * ```
 */
export function decodeAdminKeyMessage(bytes: Uint8Array): AdminKeyMessage {
  const reader = new WireReader(bytes);
  let instanceName: string | undefined;
  let issuedSeconds = 0n;
  let identity: AdminKeyIdentity | undefined;
  let isReadOnly = false;
  while (!reader.done) {
    const key = reader.varint();
    const field = key >> 3n;
    const wireType = Number(key & 7n);
    switch (field) {
      case 0n:
        throw malformed('field number 0');
      case 1n:
        expectWireType(1, wireType, LENGTH_DELIMITED);
        try {
          instanceName = new TextDecoder('utf-8', { fatal: true }).decode(reader.lengthDelimited());
        } catch (error) {
          if (error instanceof TypeError) throw malformed('instance_name is not UTF-8');
          throw error;
        }
        break;
      case 2n:
        expectWireType(2, wireType, VARINT);
        issuedSeconds = reader.varint();
        break;
      case 3n:
        expectWireType(3, wireType, VARINT);
        identity = { kind: 'member', memberId: reader.varint() };
        break;
      case 4n:
        expectWireType(4, wireType, LENGTH_DELIMITED);
        checkEmptyMessage(reader.lengthDelimited());
        identity = { kind: 'system' };
        break;
      case 5n:
        expectWireType(5, wireType, VARINT);
        isReadOnly = reader.varint() !== 0n;
        break;
      default:
        reader.skip(wireType);
    }
  }
  return { instanceName, issuedSeconds, identity, isReadOnly };
}
