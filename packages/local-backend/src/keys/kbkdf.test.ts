import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kbkdfCtrHmacSha256 } from './kbkdf.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

/** SP 800-108 counter mode written out the long way, as an independent check. */
function reference(secret: Uint8Array, info: Uint8Array, length: number): string {
  let out = '';
  for (let i = 1; out.length < length * 2; i++) {
    const counter = Buffer.from([(i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff]);
    out += createHmac('sha256', Buffer.from(secret))
      .update(Buffer.concat([counter, info]))
      .digest('hex');
  }
  return out.slice(0, length * 2);
}

describe('kbkdfCtrHmacSha256', () => {
  test('matches the NIST CAVP counter-mode vector that AWS-LC documents', () => {
    // HMAC-SHA256, 32-bit counter before the fixed input, L = 128.
    const key = hex('0185fb7661f6dd408d982f810fcd5004');
    const info = hex('c3f1712a82613643e0f763a7a0a31588b6aed95056dfc512550cf2d00d68a32d');
    expect(toHex(kbkdfCtrHmacSha256(key, info, 16))).toBe('c63f747b67be71f57ba4562117dd2904');
  });

  test("matches AWS-LC's label ‖ 0 ‖ context ‖ L example", () => {
    const key = hex('0185fb7661f6dd408d982f810fcd5004');
    const info = Buffer.concat([
      ascii('KBKDF HMAC Counter Label'),
      Buffer.from([0]),
      ascii('KBKDF HMAC Counter Context'),
      hex('00000080'),
    ]);
    expect(toHex(kbkdfCtrHmacSha256(key, info, 16))).toBe('cde092c8fe96215188d43de46cf637cb');
  });

  test('is block 1 of HMAC-SHA256(secret, 00000001 ‖ info), cut, for the admin-key purpose', () => {
    const secret = hex('4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974');
    const expected = createHmac('sha256', secret)
      .update(hex('00000001'))
      .update('admin key')
      .digest('hex')
      .slice(0, 32);
    expect(toHex(kbkdfCtrHmacSha256(secret, ascii('admin key'), 16))).toBe(expected);
  });

  test('agrees with a straightforward HMAC computation, for any secret, info and length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (secret, info, length) => {
          const out = kbkdfCtrHmacSha256(secret, info, length);
          expect(out.length).toBe(length);
          expect(toHex(out)).toBe(reference(secret, info, length));
        },
      ),
    );
  });

  test('is deterministic, and shorter outputs are prefixes of longer ones', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.uint8Array({ maxLength: 16 }),
        fc.integer({ min: 1, max: 70 }),
        (secret, info, length) => {
          const long = kbkdfCtrHmacSha256(secret, info, 70);
          expect(kbkdfCtrHmacSha256(secret, info, 70)).toEqual(long);
          expect(kbkdfCtrHmacSha256(secret, info, length)).toEqual(long.slice(0, length));
        },
      ),
    );
  });

  test('separates purposes and secrets', () => {
    const secret = new Uint8Array(32).fill(7);
    const admin = toHex(kbkdfCtrHmacSha256(secret, ascii('admin key'), 16));
    expect(toHex(kbkdfCtrHmacSha256(secret, ascii('cursor'), 16))).not.toBe(admin);
    expect(toHex(kbkdfCtrHmacSha256(new Uint8Array(32).fill(8), ascii('admin key'), 16))).not.toBe(
      admin,
    );
  });

  test('refuses an empty secret or a non-positive length, as AWS-LC does', () => {
    expect(() =>
      kbkdfCtrHmacSha256(new Uint8Array(0), ascii('x'), 16),
    ).toThrowErrorMatchingInlineSnapshot(`[RangeError: KBKDF needs a non-empty secret]`);
    expect(() =>
      kbkdfCtrHmacSha256(new Uint8Array(1), ascii('x'), 0),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: KBKDF output length must be a positive integer, got 0]`,
    );
    expect(() =>
      kbkdfCtrHmacSha256(new Uint8Array(1), ascii('x'), 1.5),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: KBKDF output length must be a positive integer, got 1.5]`,
    );
  });
});
