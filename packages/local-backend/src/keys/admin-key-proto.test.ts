import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isAdminKeyError } from './admin-key-error.ts';
import type { AdminKeyIdentity } from './admin-key-identity.ts';
import {
  decodeAdminKeyMessage,
  encodeAdminKeyMessage,
  type AdminKeyMessage,
} from './admin-key-proto.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const uint64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

const message = (overrides: Partial<AdminKeyMessage>): AdminKeyMessage => ({
  instanceName: undefined,
  issuedSeconds: 0n,
  identity: undefined,
  isReadOnly: false,
  ...overrides,
});

function refusal(bytes: string) {
  try {
    decodeAdminKeyMessage(hex(bytes));
  } catch (error) {
    if (isAdminKeyError(error))
      return { code: error.code, problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('decoded');
}

describe('decodeAdminKeyMessage', () => {
  test('decodes the plaintext of the reference dev admin key', () => {
    expect(decodeAdminKeyMessage(hex('0a086361726e69746173108186ba8d061800'))).toEqual({
      instanceName: 'carnitas',
      issuedSeconds: 1638826753n,
      identity: { kind: 'member', memberId: 0n },
      isReadOnly: false,
    });
  });

  test('defaults absent fields, skips unknown ones, keeps the last oneof member', () => {
    expect(decodeAdminKeyMessage(new Uint8Array(0))).toEqual(message({}));
    // Unknown fields of every wire type: 6 varint, 7 fixed64, 8 bytes, 9 fixed32.
    expect(
      decodeAdminKeyMessage(
        hex('3001' + '390102030405060708' + '42020102' + '4d01020304' + '1005'),
      ),
    ).toEqual(message({ issuedSeconds: 5n }));
    expect(decodeAdminKeyMessage(hex('1807' + '2200')).identity).toEqual({ kind: 'system' });
    expect(decodeAdminKeyMessage(hex('2200' + '1807')).identity).toEqual({
      kind: 'member',
      memberId: 7n,
    });
    // An Empty with an unknown field inside is still the system identity.
    expect(decodeAdminKeyMessage(hex('22020801')).identity).toEqual({ kind: 'system' });
    expect(decodeAdminKeyMessage(hex('2802')).isReadOnly).toBe(true);
  });

  test('says what is wrong with malformed contents', () => {
    expect(refusal('10')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key's contents are not a valid AdminKey message: truncated varint",
        "problem": "bad-contents",
      }
    `);
    expect(refusal('0a05636172')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key's contents are not a valid AdminKey message: truncated field",
        "problem": "bad-contents",
      }
    `);
    expect(refusal('1201')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key's contents are not a valid AdminKey message: field 2 has wire type 2, expected 0",
        "problem": "bad-contents",
      }
    `);
    expect(refusal('0a02c328')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key's contents are not a valid AdminKey message: instance_name is not UTF-8",
        "problem": "bad-contents",
      }
    `);
    expect(refusal('0001')).toMatchObject({ message: expect.stringContaining('field number 0') });
    expect(refusal('10' + 'ff'.repeat(10) + '01')).toMatchObject({
      message: expect.stringContaining('varint longer than 10 bytes'),
    });
    expect(refusal('10ffffffffffffffffff02')).toMatchObject({
      message: expect.stringContaining('overflows 64 bits'),
    });
    expect(refusal('33')).toMatchObject({
      message: expect.stringContaining('unsupported wire type 3'),
    });
  });
});

describe('encodeAdminKeyMessage', () => {
  test('writes what prost writes', () => {
    const member = (memberId: bigint): AdminKeyIdentity => ({ kind: 'member', memberId });
    expect(
      toHex(
        encodeAdminKeyMessage(
          message({ instanceName: 'carnitas', issuedSeconds: 1638826753n, identity: member(0n) }),
        ),
      ),
    ).toBe('0a086361726e69746173108186ba8d061800');
    expect(
      toHex(encodeAdminKeyMessage(message({ issuedSeconds: 1n, identity: { kind: 'system' } }))),
    ).toBe('10012200');
    expect(
      toHex(encodeAdminKeyMessage(message({ identity: member(300n), isReadOnly: true }))),
    ).toBe('18ac022801');
    expect(toHex(encodeAdminKeyMessage(message({})))).toBe('');
  });

  test('refuses numbers outside uint64', () => {
    expect(() =>
      encodeAdminKeyMessage(message({ issuedSeconds: -1n })),
    ).toThrowErrorMatchingInlineSnapshot(`[RangeError: issuedSeconds must be a uint64, got -1]`);
    expect(() =>
      encodeAdminKeyMessage(message({ identity: { kind: 'member', memberId: 1n << 64n } })),
    ).toThrow(RangeError);
  });

  test('round-trips through decode', () => {
    const identity = fc.oneof(
      fc.constant(undefined),
      fc.constant({ kind: 'system' } as const),
      uint64.map((memberId) => ({ kind: 'member', memberId }) as const),
    );
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        uint64,
        identity,
        fc.boolean(),
        (instanceName, issuedSeconds, id, isReadOnly) => {
          const original: AdminKeyMessage = {
            instanceName,
            issuedSeconds,
            identity: id,
            isReadOnly,
          };
          expect(decodeAdminKeyMessage(encodeAdminKeyMessage(original))).toEqual(original);
        },
      ),
    );
  });
});
