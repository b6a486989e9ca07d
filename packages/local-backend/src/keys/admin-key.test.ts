import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isAdminKeyError } from './admin-key-error.ts';
import { encodeAdminKeyMessage, type AdminKeyMessage } from './admin-key-proto.ts';
import { mintAdminKey, verifyAdminKey, type VerifyAdminKeyOptions } from './admin-key.ts';
import { aesGcmSivSeal } from './aes-gcm-siv.ts';
import { InstanceSecret } from './instance-secret.ts';
import { kbkdfCtrHmacSha256 } from './kbkdf.ts';
import { secretboxSeal } from './secretbox.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The reference's public dev instance (crates/keybroker/dev/): name and secret. */
const NAME = 'carnitas';
const SECRET = '4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974';
const OTHER_SECRET = 'ff'.repeat(32);
const carnitas: VerifyAdminKeyOptions = { instanceName: NAME, instanceSecret: SECRET };

/** crates/keybroker/dev/admin_key.txt: a legacy (secretbox) key, bare, its name inside. */
const LEGACY_ADMIN_KEY =
  '0135d8598650f8f5cb0f30c34ec2e2bb62793bc28717c8eb6fb577996d50be5f4281b59181095065c5d0f86a2c31ddbe9b597ec62b47ded69782cd';
/** crates/keybroker/dev/system_key.txt: a legacy system key, its name outside only. */
const LEGACY_SYSTEM_KEY =
  'carnitas|01ec1dc4339bc4a2c653e70016b1e1dea952bcfd707a0cd49c1bddcdfcd4d4a79bb2d6bdfa2f1493a1937cdb71e984c4a7';
/**
 * Current-format (AES-128-GCM-SIV) keys minted by the reference's `generate_key` for the dev
 * instance, as committed in public projects that run the reference backend with its dev secret.
 */
const REFERENCE_KEYS = [
  {
    key: 'carnitas|019cb1e9d2a276fed585622e93d15bb5a3a61d278d6d4ca11b0b7a3f87e5c3635843e8c5e7',
    issuedAt: '2026-05-15T21:23:40.000Z',
  },
  {
    key: 'carnitas|017c5405aba48afe1d1681528424e4528026e69e3b99e400ef23f2f3741a11db225497db09',
    issuedAt: '2025-10-24T15:52:58.000Z',
  },
];

function refusal(key: string, options: VerifyAdminKeyOptions = carnitas) {
  try {
    verifyAdminKey(key, options);
  } catch (error) {
    if (isAdminKeyError(error)) {
      // No refusal may echo the secret or the ciphertext.
      expect(error.message).not.toContain(SECRET);
      const hexPart = key.slice(key.indexOf('|') + 1);
      if (hexPart.length > 8) expect(error.message).not.toContain(hexPart);
      return { code: error.code, problem: error.problem, message: error.message };
    }
    throw error;
  }
  throw new Error('accepted');
}

/** A current-format key around any plaintext, sealed as the reference does. */
function sealCurrent(plaintext: Uint8Array, secret = SECRET, version = 1): string {
  const key = kbkdfCtrHmacSha256(hex(secret), new TextEncoder().encode('admin key'), 16);
  const nonce = new Uint8Array(randomBytes(12));
  return (
    toHex(Uint8Array.of(version)) +
    toHex(nonce) +
    toHex(aesGcmSivSeal({ key, nonce, data: plaintext, aad: Uint8Array.of(version) }))
  );
}

/** A legacy-format key around any plaintext. */
function sealLegacy(plaintext: Uint8Array, secret = SECRET): string {
  const nonce = new Uint8Array(randomBytes(24));
  return '01' + toHex(nonce) + toHex(secretboxSeal(hex(secret), nonce, plaintext));
}

const proto = (overrides: Partial<AdminKeyMessage>) =>
  encodeAdminKeyMessage({
    instanceName: undefined,
    issuedSeconds: 1_700_000_000n,
    identity: { kind: 'member', memberId: 0n },
    isReadOnly: false,
    ...overrides,
  });

describe("verifyAdminKey with the reference's keys", () => {
  test.each(REFERENCE_KEYS)(
    'accepts the reference-minted current-format key issued $issuedAt',
    ({ key, issuedAt }) => {
      const claims = verifyAdminKey(key, carnitas);
      expect(claims).toEqual({
        instanceName: NAME,
        issuedAt: new Date(issuedAt),
        identity: { kind: 'member', memberId: 0n },
        readOnly: false,
      });
      expect(Object.isFrozen(claims)).toBe(true);
      expect(verifyAdminKey(`prod:${key}`, carnitas).instanceName).toBe(NAME);
    },
  );

  test('accepts the legacy dev admin key, bare or with its name and a display prefix', () => {
    const expected = {
      instanceName: NAME,
      issuedAt: new Date(1638826753 * 1000),
      identity: { kind: 'member', memberId: 0n },
      readOnly: false,
    };
    expect(verifyAdminKey(LEGACY_ADMIN_KEY, carnitas)).toEqual(expected);
    expect(verifyAdminKey(`carnitas|${LEGACY_ADMIN_KEY}`, carnitas)).toEqual(expected);
    expect(
      verifyAdminKey(`dev:carnitas|${LEGACY_ADMIN_KEY}`, {
        instanceName: NAME,
        instanceSecret: InstanceSecret.parse(SECRET),
      }),
    ).toEqual(expected);
  });

  test('accepts the legacy dev system key', () => {
    expect(verifyAdminKey(LEGACY_SYSTEM_KEY, carnitas)).toMatchObject({
      identity: { kind: 'system' },
      readOnly: false,
    });
  });

  test('refuses them all under another secret', () => {
    for (const key of [LEGACY_ADMIN_KEY, LEGACY_SYSTEM_KEY, ...REFERENCE_KEYS.map((k) => k.key)]) {
      expect(refusal(key, { instanceName: NAME, instanceSecret: OTHER_SECRET })).toMatchObject({
        problem: 'undecryptable',
      });
    }
    expect(refusal(REFERENCE_KEYS[0]!.key, { instanceName: NAME, instanceSecret: OTHER_SECRET }))
      .toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key does not decrypt: it was minted with another instance secret, or altered",
        "problem": "undecryptable",
      }
    `);
  });

  test('refuses them all for another instance', () => {
    const tacos = { instanceName: 'tacos', instanceSecret: SECRET };
    for (const key of [LEGACY_ADMIN_KEY, LEGACY_SYSTEM_KEY, ...REFERENCE_KEYS.map((k) => k.key)]) {
      expect(refusal(key, tacos)).toMatchObject({ problem: 'wrong-instance' });
    }
    expect(refusal(LEGACY_ADMIN_KEY, tacos)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is for instance "carnitas", not "tacos"",
        "problem": "wrong-instance",
      }
    `);
  });

  test('refuses a key whose outer name is right but whose inner name is not', () => {
    const key = `carnitas|${sealLegacy(proto({ instanceName: 'tacos' }))}`;
    expect(refusal(key)).toMatchObject({
      problem: 'wrong-instance',
      message: expect.stringContaining('"tacos"'),
    });
  });
});

describe('mintAdminKey', () => {
  test('mints <name>|01 ‖ nonce ‖ ciphertext ‖ tag, fresh every time', () => {
    const issuedAt = new Date('2026-01-02T03:04:05.678Z');
    const key = mintAdminKey({ instanceName: NAME, instanceSecret: SECRET, issuedAt });
    // proto: 10 <5-byte varint> 18 00 = 8 bytes; 1 + 12 + 8 + 16 = 37 bytes.
    expect(key).toMatch(/^carnitas\|01[0-9a-f]{72}$/);
    expect(mintAdminKey({ instanceName: NAME, instanceSecret: SECRET, issuedAt })).not.toBe(key);
    expect(verifyAdminKey(key, carnitas)).toEqual({
      instanceName: NAME,
      issuedAt: new Date('2026-01-02T03:04:05.000Z'),
      identity: { kind: 'member', memberId: 0n },
      readOnly: false,
    });
  });

  test('defaults the issue time to now', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const { issuedAt } = verifyAdminKey(
      mintAdminKey({ instanceName: NAME, instanceSecret: SECRET }),
      carnitas,
    );
    expect(issuedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(issuedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test('round-trips the read-only flag and system keys', () => {
    const readOnly = mintAdminKey({ instanceName: NAME, instanceSecret: SECRET, readOnly: true });
    expect(verifyAdminKey(readOnly, carnitas)).toMatchObject({
      readOnly: true,
      identity: { kind: 'member', memberId: 0n },
    });
    const system = mintAdminKey({
      instanceName: NAME,
      instanceSecret: SECRET,
      identity: { kind: 'system' },
    });
    expect(verifyAdminKey(system, carnitas)).toMatchObject({
      readOnly: false,
      identity: { kind: 'system' },
    });
  });

  test('round-trips any name, secret, identity, flag and time through verifyAdminKey', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/);
    const identity = fc.oneof(
      fc.constant({ kind: 'system' } as const),
      fc
        .bigInt({ min: 0n, max: (1n << 64n) - 1n })
        .map((memberId) => ({ kind: 'member', memberId }) as const),
    );
    const seconds = fc.integer({ min: 1, max: 4_102_444_800 });
    fc.assert(
      fc.property(
        name,
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        identity,
        fc.boolean(),
        seconds,
        (instanceName, bytes, id, readOnly, s) => {
          const instanceSecret = InstanceSecret.fromBytes(bytes);
          const key = mintAdminKey({
            instanceName,
            instanceSecret,
            identity: id,
            readOnly,
            issuedAt: new Date(s * 1000),
          });
          expect(key.startsWith(`${instanceName}|01`)).toBe(true);
          expect(
            verifyAdminKey(key, { instanceName, instanceSecret: instanceSecret.toHex() }),
          ).toEqual({
            instanceName,
            issuedAt: new Date(s * 1000),
            identity: id,
            readOnly,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('refuses names that cannot appear in a key, bad secrets and times before 1970', () => {
    const mintError = (instanceName: string, instanceSecret = SECRET) => {
      try {
        mintAdminKey({ instanceName, instanceSecret });
      } catch (error) {
        if (isAdminKeyError(error)) return { code: error.code, message: error.message };
        throw error;
      }
      throw new Error('minted');
    };
    expect(mintError('a|b')).toMatchInlineSnapshot(`
      {
        "code": "InvalidInstanceName",
        "message": "the instance name "a|b" cannot appear in an admin key: it must be non-empty, without spaces, "|" or ":"",
      }
    `);
    expect(mintError('prod:a')).toMatchObject({ code: 'InvalidInstanceName' });
    expect(mintError('')).toMatchObject({ code: 'InvalidInstanceName' });
    expect(mintError('a b')).toMatchObject({ code: 'InvalidInstanceName' });
    expect(mintError(NAME, 'abc')).toMatchObject({ code: 'InvalidInstanceSecret' });
    expect(() =>
      mintAdminKey({ instanceName: NAME, instanceSecret: SECRET, issuedAt: new Date(999) }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: issuedAt must be a valid date after 1970-01-01T00:00:01Z]`,
    );
    expect(() =>
      mintAdminKey({ instanceName: NAME, instanceSecret: SECRET, issuedAt: new Date(Number.NaN) }),
    ).toThrow(RangeError);
  });
});

describe('verifyAdminKey refusals', () => {
  const key = mintAdminKey({
    instanceName: NAME,
    instanceSecret: SECRET,
    issuedAt: new Date('2026-01-01T00:00:00Z'),
  });
  const payload = key.slice(NAME.length + 1);

  test('a change to any byte of the payload', () => {
    const bytes = hex(payload);
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Uint8Array.from(bytes);
      tampered[i]! ^= 0x01;
      expect(refusal(`${NAME}|${toHex(tampered)}`)).toMatchObject({
        code: 'BadAdminKey',
        problem: i === 0 ? 'unknown-version' : 'undecryptable',
      });
    }
  });

  test('a changed secret: rotating the secret revokes every key', () => {
    const rotated = InstanceSecret.generate();
    expect(refusal(key, { instanceName: NAME, instanceSecret: rotated })).toMatchObject({
      problem: 'undecryptable',
    });
    expect(
      verifyAdminKey(mintAdminKey({ instanceName: NAME, instanceSecret: rotated }), {
        instanceName: NAME,
        instanceSecret: rotated,
      }).instanceName,
    ).toBe(NAME);
  });

  test('another instance name, with or without a display prefix', () => {
    expect(refusal(`tacos|${payload}`)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is for instance "tacos", not "carnitas"",
        "problem": "wrong-instance",
      }
    `);
    expect(refusal(`prod:tacos|${payload}`)).toMatchObject({ problem: 'wrong-instance' });
    // The name is checked first, so a foreign key is reported as such even under another secret.
    expect(
      refusal(`tacos|${payload}`, { instanceName: NAME, instanceSecret: OTHER_SECRET }),
    ).toMatchObject({ problem: 'wrong-instance' });
    expect(refusal(`CARNITAS|${payload}`)).toMatchObject({ problem: 'wrong-instance' });
  });

  test('an unknown version, even when the rest is a valid encryption for it', () => {
    expect(refusal(`${NAME}|02${payload.slice(2)}`)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "admin key version 2 is not supported (expected 1)",
        "problem": "unknown-version",
      }
    `);
    expect(refusal(`${NAME}|${sealCurrent(proto({}), SECRET, 2)}`)).toMatchObject({
      problem: 'unknown-version',
    });
  });

  test('malformed keys', () => {
    expect(refusal(`${NAME}|01${'00'.repeat(20)}`)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is too short (21 bytes) to be encrypted",
        "problem": "malformed",
      }
    `);
    expect(refusal('not a key')).toMatchObject({
      problem: 'malformed',
      message: 'the admin key is not hex (expected "<instance name>|<hex>")',
    });
    expect(refusal(`${NAME}|${payload}0`)).toMatchObject({ problem: 'malformed' });
    expect(refusal('')).toMatchObject({ problem: 'malformed' });
    // A bare current-format key: nothing names the instance.
    expect(refusal(payload)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key names no instance (expected "<instance name>|<hex>")",
        "problem": "malformed",
      }
    `);
  });

  test('keys that decrypt but do not hold a valid admin key', () => {
    expect(refusal(`${NAME}|${sealCurrent(proto({ identity: undefined }))}`))
      .toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key names no identity",
        "problem": "bad-contents",
      }
    `);
    expect(refusal(`${NAME}|${sealCurrent(proto({ issuedSeconds: 0n }))}`)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key has no valid issue time",
        "problem": "bad-contents",
      }
    `);
    expect(
      refusal(`${NAME}|${sealCurrent(proto({ issuedSeconds: (1n << 64n) - 1n }))}`),
    ).toMatchObject({ problem: 'bad-contents' });
    expect(refusal(`${NAME}|${sealCurrent(hex('10'))}`)).toMatchObject({
      problem: 'bad-contents',
      message: expect.stringContaining('truncated varint'),
    });
    expect(refusal(`${NAME}|${sealLegacy(hex('ff'))}`)).toMatchObject({ problem: 'bad-contents' });
  });

  test('a bad instance secret on the server is not blamed on the key', () => {
    expect(() =>
      verifyAdminKey(key, { instanceName: NAME, instanceSecret: 'not hex' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[AdminKeyError: the instance secret is not hex: character 1 of 7 is not 0-9 or a-f; expected 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\`]`,
    );
  });
});
