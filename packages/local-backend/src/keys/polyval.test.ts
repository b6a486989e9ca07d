import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { polyval, polyvalDot } from './polyval.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const element = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
/** x^128 mod P: the identity of dot, since dot(a, x^128) = a · x^128 · x^-128. */
const ONE = 0xc2000000000000000000000000000001n;

describe('polyval', () => {
  test('matches RFC 8452 Appendix A', () => {
    const h = hex('25629347589242761d31f826ba4b757b');
    const x = hex('4f4f95668c83dfb6401762bb2d01a262' + 'd1a24ddd2721d006bbe45f20d3c9f362');
    expect(toHex(polyval(h, x))).toBe('f7a3b47b846119fae5b7866cf5e5b77e');
  });

  test('matches the POLYVAL results inside RFC 8452 C.1', () => {
    // Record authentication key and POLYVAL input/result of the 8-byte-plaintext vector.
    const h = hex('d9b360279694941ac5dbc6987ada7377');
    const x = hex('01000000000000000000000000000000' + '00000000000000004000000000000000');
    expect(toHex(polyval(h, x))).toBe('eb93b7740962c5e49d2a90a7dc5cec74');
  });

  test('hashes no blocks to zero', () => {
    expect(toHex(polyval(hex('25629347589242761d31f826ba4b757b'), new Uint8Array(0)))).toBe(
      '0'.repeat(32),
    );
  });

  test('refuses a wrong key length or partial blocks', () => {
    expect(() =>
      polyval(new Uint8Array(15), new Uint8Array(16)),
    ).toThrowErrorMatchingInlineSnapshot(`[RangeError: POLYVAL key must be 16 bytes, got 15]`);
    expect(() =>
      polyval(new Uint8Array(16), new Uint8Array(17)),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: POLYVAL input must be whole 16-byte blocks, got 17 bytes]`,
    );
  });
});

describe('polyvalDot', () => {
  test('has x^128 mod P as its identity and stays in the field', () => {
    fc.assert(
      fc.property(element, (a) => {
        expect(polyvalDot(a, ONE)).toBe(a);
        expect(polyvalDot(a, ONE) < 1n << 128n).toBe(true);
      }),
    );
  });

  test('is commutative, associative and distributes over xor', () => {
    fc.assert(
      fc.property(element, element, element, (a, b, c) => {
        expect(polyvalDot(a, b)).toBe(polyvalDot(b, a));
        expect(polyvalDot(polyvalDot(a, b), c)).toBe(polyvalDot(a, polyvalDot(b, c)));
        expect(polyvalDot(a, b ^ c)).toBe(polyvalDot(a, b) ^ polyvalDot(a, c));
      }),
      { numRuns: 50 },
    );
  });
});
