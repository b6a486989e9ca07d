import { badAdminKey } from './admin-key-error.ts';
import { decodeHex } from './hex.ts';

/** Far above any real key (~75–120 hex characters); refuses absurd inputs before decoding them. */
const MAX_KEY_LENGTH = 4096;

/**
 * An admin key string taken apart: `[<type>:]<instanceName>|<hex>`, or bare `<hex>`.
 *
 * @internal
 * @example
 * ```ts
 * const parts: AdminKeyParts = { instanceName: 'carnitas', payload: new Uint8Array([1, 53, 216]) };
 * ```
 */
export interface AdminKeyParts {
  /** The name before `|`, without its display prefix; `undefined` for a bare key. */
  readonly instanceName: string | undefined;
  /** The decoded hex: version byte ‖ encrypted message. */
  readonly payload: Uint8Array;
}

/**
 * Takes an admin key apart as the reference does (`split_admin_key`,
 * `remove_type_prefix_from_instance_name`): split at the first `|`; in the part before it, drop
 * everything up to and including the first `:` (the dashboard's and CLI's `prod:`/`dev:` display
 * prefix). A key without `|` is bare hex whose instance name is inside the ciphertext (the
 * reference's legacy keys). Surrounding whitespace is ignored.
 *
 * @internal
 * @throws {AdminKeyError} `BadAdminKey` / `malformed`.
 * @example
 * ```ts
 * splitAdminKey('prod:carnitas|0135d8…').instanceName; // 'carnitas'
 * splitAdminKey('0135d8…').instanceName; // undefined
 * ```
 */
export function splitAdminKey(key: string): AdminKeyParts {
  const text = key.trim();
  if (text.length === 0) throw badAdminKey('malformed', 'the admin key is empty');
  if (text.length > MAX_KEY_LENGTH) {
    throw badAdminKey(
      'malformed',
      `the admin key is ${text.length} characters long; real keys are far shorter`,
    );
  }
  const bar = text.indexOf('|');
  const prefix = bar === -1 ? undefined : text.slice(0, bar);
  const hex = bar === -1 ? text : text.slice(bar + 1);
  const instanceName = prefix === undefined ? undefined : prefix.slice(prefix.indexOf(':') + 1);
  if (instanceName === '') {
    throw badAdminKey(
      'malformed',
      `the admin key has no instance name before "|" (expected "<instance name>|<hex>")`,
    );
  }
  const payload = decodeHex(hex);
  if (payload === undefined || payload.length === 0) {
    const where = bar === -1 ? 'the admin key' : `the part of the admin key after "|"`;
    throw badAdminKey('malformed', `${where} is not hex (expected "<instance name>|<hex>")`);
  }
  return { instanceName, payload };
}

/**
 * `"<instanceName>|<hex>"`, the form the reference's `generate_key` prints.
 *
 * @internal
 * @example
 * ```ts
 * formatAdminKey('carnitas', '0135d8…'); // 'carnitas|0135d8…'
 * ```
 */
export function formatAdminKey(instanceName: string, hex: string): string {
  return `${instanceName}|${hex}`;
}

/**
 * A short, quoted rendering of an instance name for error messages (names come from clients).
 *
 * @internal
 * @example
 * ```ts
 * quoteInstanceName('tacos'); // '"tacos"'
 * ```
 */
export function quoteInstanceName(name: string): string {
  return JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
}
