import { randomBytes } from 'node:crypto';
import { AdminKeyError } from './admin-key-error.ts';
import { decodeHex, encodeHex } from './hex.ts';

const SECRET_BYTES = 32;
const REDACTED = 'InstanceSecret(*****)';

/**
 * The instance secret (`INSTANCE_SECRET`, `--instance-secret`): 32 random bytes, written as 64 hex
 * characters. Every admin key is encrypted under a key derived from it, so replacing it revokes
 * every key minted before.
 *
 * The bytes stay private; `String(secret)`, `JSON.stringify(secret)` and `console.log(secret)`
 * print `InstanceSecret(*****)`. Only {@link InstanceSecret.toHex} reveals it, for saving it.
 *
 * @example
 * ```ts
 * const secret = InstanceSecret.parse(process.env.INSTANCE_SECRET ?? '', 'INSTANCE_SECRET');
 * const fresh = InstanceSecret.generate();
 * fs.writeFileSync(path, fresh.toHex() + '\n', { mode: 0o600 });
 * ```
 */
export class InstanceSecret {
  readonly #bytes: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    Object.freeze(this);
  }

  /**
   * Parses 64 hex characters (either case; surrounding whitespace, such as the newline at the end
   * of a saved file, is ignored). `label` names the setting in the error message.
   *
   * @throws {AdminKeyError} `InvalidInstanceSecret`, saying what is wrong without echoing the value.
   * @example
   * ```ts
   * InstanceSecret.parse('4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974');
   * ```
   */
  static parse(hex: string, label = 'the instance secret'): InstanceSecret {
    const text = hex.trim();
    const expected = `expected ${SECRET_BYTES * 2} hex characters (${SECRET_BYTES} bytes), e.g. from \`openssl rand -hex 32\``;
    if (text.length === 0) {
      throw new AdminKeyError('InvalidInstanceSecret', `${label} is empty: ${expected}`);
    }
    const badCharacter = text.search(/[^0-9a-fA-F]/);
    if (badCharacter !== -1) {
      throw new AdminKeyError(
        'InvalidInstanceSecret',
        `${label} is not hex: character ${badCharacter + 1} of ${text.length} is not 0-9 or a-f; ${expected}`,
      );
    }
    if (text.length !== SECRET_BYTES * 2) {
      throw new AdminKeyError(
        'InvalidInstanceSecret',
        `${label} has ${text.length} characters; ${expected}`,
      );
    }
    const bytes = decodeHex(text);
    if (bytes === undefined) throw new Error('unreachable: 64 hex characters always decode');
    return new InstanceSecret(bytes);
  }

  /**
   * Wraps 32 raw bytes (copied).
   *
   * @throws {AdminKeyError} `InvalidInstanceSecret` for any other length.
   * @example
   * ```ts
   * InstanceSecret.fromBytes(new Uint8Array(32).fill(39));
   * ```
   */
  static fromBytes(bytes: Uint8Array): InstanceSecret {
    if (bytes.length !== SECRET_BYTES) {
      throw new AdminKeyError(
        'InvalidInstanceSecret',
        `the instance secret has ${bytes.length} bytes; expected ${SECRET_BYTES}`,
      );
    }
    return new InstanceSecret(Uint8Array.from(bytes));
  }

  /**
   * A new random secret from the operating system's CSPRNG.
   *
   * @example
   * ```ts
   * const secret = InstanceSecret.generate();
   * ```
   */
  static generate(): InstanceSecret {
    return new InstanceSecret(new Uint8Array(randomBytes(SECRET_BYTES)));
  }

  /**
   * The secret as 64 lower-case hex characters, the form `INSTANCE_SECRET` takes.
   *
   * @example
   * ```ts
   * InstanceSecret.parse(hex.toUpperCase()).toHex() === hex.toLowerCase(); // true
   * ```
   */
  toHex(): string {
    return encodeHex(this.#bytes);
  }

  /**
   * A copy of the 32 bytes, for key derivation.
   *
   * @example
   * ```ts
   * kbkdfCtrHmacSha256(secret.toBytes(), info, 16);
   * ```
   */
  toBytes(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }

  /**
   * `InstanceSecret(*****)`: never the secret.
   *
   * @example
   * ```ts
   * `${secret}`; // 'InstanceSecret(*****)'
   * ```
   */
  toString(): string {
    return REDACTED;
  }

  /**
   * `"InstanceSecret(*****)"`: never the secret.
   *
   * @example
   * ```ts
   * JSON.stringify({ secret }); // '{"secret":"InstanceSecret(*****)"}'
   * ```
   */
  toJSON(): string {
    return REDACTED;
  }

  /** What `console.log` and `util.inspect` print. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
