// Admin keys in the reference's format (crates/keybroker: broker.rs, encryptor.rs,
// legacy_encryptor.rs), so keys minted by Convex's `generate_key` work here and ours work there.
//
//   key      = [<type>:]<instance name>|<hex>           (or bare <hex>: legacy keys)
//   current  = 01 ‖ nonce(12) ‖ AES-128-GCM-SIV(k, nonce, aad = 01, AdminKey proto) ‖ tag(16)
//              k = KBKDF-CTR-HMAC-SHA256(instance secret, "admin key")[0..16]
//   legacy   = 01 ‖ nonce(24) ‖ secretbox(instance secret, nonce, AdminKey proto)   (open only)

import { randomBytes } from 'node:crypto';
import { AdminKeyError, badAdminKey } from './admin-key-error.ts';
import type { AdminKeyIdentity } from './admin-key-identity.ts';
import {
  decodeAdminKeyMessage,
  encodeAdminKeyMessage,
  type AdminKeyMessage,
} from './admin-key-proto.ts';
import { formatAdminKey, quoteInstanceName, splitAdminKey } from './admin-key-string.ts';
import { aesGcmSivOpen, aesGcmSivSeal } from './aes-gcm-siv.ts';
import { encodeHex } from './hex.ts';
import { InstanceSecret } from './instance-secret.ts';
import { kbkdfCtrHmacSha256 } from './kbkdf.ts';
import { SECRETBOX_MAC_BYTES, SECRETBOX_NONCE_BYTES, secretboxOpen } from './secretbox.ts';

/** The reference's `ADMIN_KEY_VERSION`; also the AEAD's associated data. */
const ADMIN_KEY_VERSION = 1;
/** The reference's `Purpose::ADMIN_KEY`: the KBKDF info for the admin-key AEAD key. */
const ADMIN_KEY_PURPOSE = new TextEncoder().encode('admin key');
const AEAD_KEY_BYTES = 16;
const GCM_SIV_NONCE_BYTES = 12;
const GCM_SIV_TAG_BYTES = 16;
/** Seconds beyond this are not a representable `Date`. */
const MAX_DATE_SECONDS = 8_640_000_000_000n;

/**
 * What a valid admin key says.
 *
 * @example
 * ```ts
 * const claims: AdminKeyClaims = {
 *   instanceName: 'convex-self-hosted', issuedAt: new Date('2025-01-01T00:00:00Z'),
 *   identity: { kind: 'member', memberId: 0n }, readOnly: false,
 * };
 * ```
 */
export interface AdminKeyClaims {
  readonly instanceName: string;
  /** When it was minted, to the second. Admin keys do not expire. */
  readonly issuedAt: Date;
  readonly identity: AdminKeyIdentity;
  /** A read-only admin may run queries and read data, but not run mutations or actions or write. */
  readonly readOnly: boolean;
}

/**
 * What {@link mintAdminKey} takes.
 *
 * @example
 * ```ts
 * const options: MintAdminKeyOptions = { instanceName: 'convex-self-hosted', instanceSecret: process.env.INSTANCE_SECRET! };
 * ```
 */
export interface MintAdminKeyOptions {
  readonly instanceName: string;
  /** An {@link InstanceSecret}, or its 64 hex characters. */
  readonly instanceSecret: InstanceSecret | string;
  /** Default `false`. */
  readonly readOnly?: boolean | undefined;
  /** Default now; stored to the second. */
  readonly issuedAt?: Date | undefined;
  /** Default member 0, the generic admin (as `generate_admin_key.sh`). */
  readonly identity?: AdminKeyIdentity | undefined;
}

/**
 * What {@link verifyAdminKey} checks a key against: this backend's name and secret.
 *
 * @example
 * ```ts
 * const options: VerifyAdminKeyOptions = { instanceName: config.instanceName, instanceSecret: secret };
 * ```
 */
export interface VerifyAdminKeyOptions {
  readonly instanceName: string;
  /** An {@link InstanceSecret} (parse it once at start-up), or its 64 hex characters. */
  readonly instanceSecret: InstanceSecret | string;
}

const derivedKeys = new WeakMap<InstanceSecret, Uint8Array>();

function toSecret(secret: InstanceSecret | string): InstanceSecret {
  return typeof secret === 'string' ? InstanceSecret.parse(secret) : secret;
}

/** The AES-128-GCM-SIV key for admin keys, derived once per {@link InstanceSecret} object. */
function adminKeyAeadKey(secret: InstanceSecret): Uint8Array {
  let key = derivedKeys.get(secret);
  if (key === undefined) {
    key = kbkdfCtrHmacSha256(secret.toBytes(), ADMIN_KEY_PURPOSE, AEAD_KEY_BYTES);
    derivedKeys.set(secret, key);
  }
  return key;
}

function checkInstanceName(name: string): void {
  if (name.length === 0 || /[\s|:]/.test(name)) {
    throw new AdminKeyError(
      'InvalidInstanceName',
      `the instance name ${quoteInstanceName(name)} cannot appear in an admin key: it must be non-empty, without spaces, "|" or ":"`,
    );
  }
}

/**
 * Mints an admin key in the reference's current format: `<instanceName>|<hex>`, the hex being
 * version 1 ‖ random nonce ‖ AES-128-GCM-SIV ciphertext and tag. Like the reference, the instance
 * name travels outside the ciphertext only.
 *
 * @throws {AdminKeyError} `InvalidInstanceSecret` or `InvalidInstanceName`.
 * @throws {RangeError} when `issuedAt` is not after 1970-01-01T00:00:01Z.
 * @example
 * ```ts
 * const key = mintAdminKey({ instanceName: 'convex-self-hosted', instanceSecret: secret });
 * const viewer = mintAdminKey({ instanceName: 'convex-self-hosted', instanceSecret: secret, readOnly: true });
 * ```
 */
export function mintAdminKey(options: MintAdminKeyOptions): string {
  checkInstanceName(options.instanceName);
  const secret = toSecret(options.instanceSecret);
  const issuedMs = (options.issuedAt ?? new Date()).getTime();
  const issuedSeconds = Math.floor(issuedMs / 1000);
  // The reference refuses issued_s = 0 as "missing".
  if (!(issuedSeconds >= 1))
    throw new RangeError('issuedAt must be a valid date after 1970-01-01T00:00:01Z');
  const message: AdminKeyMessage = {
    instanceName: undefined,
    issuedSeconds: BigInt(issuedSeconds),
    identity: options.identity ?? { kind: 'member', memberId: 0n },
    isReadOnly: options.readOnly ?? false,
  };
  const nonce = new Uint8Array(randomBytes(GCM_SIV_NONCE_BYTES));
  const sealed = aesGcmSivSeal({
    key: adminKeyAeadKey(secret),
    nonce,
    data: encodeAdminKeyMessage(message),
    aad: Uint8Array.of(ADMIN_KEY_VERSION),
  });
  const payload = new Uint8Array(1 + nonce.length + sealed.length);
  payload[0] = ADMIN_KEY_VERSION;
  payload.set(nonce, 1);
  payload.set(sealed, 1 + nonce.length);
  return formatAdminKey(options.instanceName, encodeHex(payload));
}

/** Opens version ‖ body with the current format, then the legacy one; `undefined` if neither. */
function open(payload: Uint8Array, secret: InstanceSecret): Uint8Array | undefined {
  const body = payload.subarray(1);
  if (body.length >= GCM_SIV_NONCE_BYTES + GCM_SIV_TAG_BYTES) {
    const plaintext = aesGcmSivOpen({
      key: adminKeyAeadKey(secret),
      nonce: body.subarray(0, GCM_SIV_NONCE_BYTES),
      data: body.subarray(GCM_SIV_NONCE_BYTES),
      aad: payload.subarray(0, 1),
    });
    if (plaintext !== undefined) return plaintext;
  }
  if (body.length >= SECRETBOX_NONCE_BYTES + SECRETBOX_MAC_BYTES) {
    return secretboxOpen(
      secret.toBytes(),
      body.subarray(0, SECRETBOX_NONCE_BYTES),
      body.subarray(SECRETBOX_NONCE_BYTES),
    );
  }
  return undefined;
}

/**
 * Checks an admin key (the value after `Authorization: Convex `, or a body's `adminKey`, without
 * any `:<base64 identity>` suffix) against this instance, and returns what it says. Accepts the
 * reference's current (AES-128-GCM-SIV) and legacy (secretbox) keys, with or without a display
 * prefix (`prod:name|…`), and bare legacy keys whose name is inside. A name inside the ciphertext
 * must match too. Changing the instance secret invalidates every key.
 *
 * @throws {AdminKeyError} `BadAdminKey`, with `problem` and a message saying what is wrong
 *   (never the secret or the ciphertext); `InvalidInstanceSecret` if the server's secret is bad.
 * @example
 * ```ts
 * const claims = verifyAdminKey(key, { instanceName: 'carnitas', instanceSecret: secret });
 * if (claims.identity.kind === 'system') { … }
 * ```
 */
export function verifyAdminKey(key: string, options: VerifyAdminKeyOptions): AdminKeyClaims {
  const secret = toSecret(options.instanceSecret);
  const { instanceName: outerName, payload } = splitAdminKey(key);
  // A key for another deployment is the likeliest mistake: say so before any cryptography.
  checkInstance(outerName, options.instanceName);
  const version = payload[0];
  if (version !== ADMIN_KEY_VERSION) {
    throw badAdminKey(
      'unknown-version',
      `admin key version ${version} is not supported (expected ${ADMIN_KEY_VERSION})`,
    );
  }
  if (payload.length < 1 + GCM_SIV_NONCE_BYTES + GCM_SIV_TAG_BYTES) {
    throw badAdminKey(
      'malformed',
      `the admin key is too short (${payload.length} bytes) to be encrypted`,
    );
  }
  const plaintext = open(payload, secret);
  if (plaintext === undefined) {
    throw badAdminKey(
      'undecryptable',
      'the admin key does not decrypt: it was minted with another instance secret, or altered',
    );
  }
  const message = decodeAdminKeyMessage(plaintext);
  if (outerName === undefined && message.instanceName === undefined) {
    throw badAdminKey(
      'malformed',
      'the admin key names no instance (expected "<instance name>|<hex>")',
    );
  }
  checkInstance(message.instanceName, options.instanceName);
  if (message.issuedSeconds === 0n || message.issuedSeconds > MAX_DATE_SECONDS) {
    throw badAdminKey('bad-contents', 'the admin key has no valid issue time');
  }
  if (message.identity === undefined) {
    throw badAdminKey('bad-contents', 'the admin key names no identity');
  }
  return Object.freeze({
    instanceName: options.instanceName,
    issuedAt: new Date(Number(message.issuedSeconds) * 1000),
    identity: Object.freeze(message.identity),
    readOnly: message.isReadOnly,
  });
}

/** Refuses a key that names an instance other than this one (an absent name is checked elsewhere). */
function checkInstance(named: string | undefined, expected: string): void {
  if (named !== undefined && named !== expected) {
    throw badAdminKey(
      'wrong-instance',
      `the admin key is for instance ${quoteInstanceName(named)}, not ${quoteInstanceName(expected)}`,
    );
  }
}
