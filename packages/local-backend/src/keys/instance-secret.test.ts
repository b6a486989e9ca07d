import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { isAdminKeyError } from './admin-key-error.ts';
import { InstanceSecret } from './instance-secret.ts';

const DEV_SECRET = '4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974';

function parseError(text: string, label?: string) {
  try {
    InstanceSecret.parse(text, label);
  } catch (error) {
    if (isAdminKeyError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('parsed');
}

describe('InstanceSecret', () => {
  test('parses 64 hex characters in either case, ignoring surrounding whitespace', () => {
    expect(InstanceSecret.parse(DEV_SECRET).toHex()).toBe(DEV_SECRET);
    expect(InstanceSecret.parse(DEV_SECRET.toUpperCase()).toHex()).toBe(DEV_SECRET);
    expect(InstanceSecret.parse(`  ${DEV_SECRET}\n`).toHex()).toBe(DEV_SECRET);
    expect(Buffer.from(InstanceSecret.parse(DEV_SECRET).toBytes()).toString()).toBe(
      'Carnitas, literally meaning "lit',
    );
  });

  test('says what is wrong without echoing the value', () => {
    expect(parseError('')).toMatchInlineSnapshot(`
      {
        "code": "InvalidInstanceSecret",
        "message": "the instance secret is empty: expected 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\`",
      }
    `);
    expect(parseError(DEV_SECRET.slice(0, 62) + 'zz', 'INSTANCE_SECRET')).toMatchInlineSnapshot(`
      {
        "code": "InvalidInstanceSecret",
        "message": "INSTANCE_SECRET is not hex: character 63 of 64 is not 0-9 or a-f; expected 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\`",
      }
    `);
    expect(parseError(DEV_SECRET.slice(0, 32))).toMatchInlineSnapshot(`
      {
        "code": "InvalidInstanceSecret",
        "message": "the instance secret has 32 characters; expected 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\`",
      }
    `);
    expect(parseError(DEV_SECRET + '0')).toMatchObject({
      message: expect.stringContaining('has 65 characters'),
    });
    expect(parseError('my-password')).toMatchObject({
      message: expect.not.stringContaining('my-password'),
    });
  });

  test('wraps exactly 32 bytes, copying them', () => {
    const bytes = new Uint8Array(32).fill(39);
    const secret = InstanceSecret.fromBytes(bytes);
    bytes.fill(0);
    expect(secret.toHex()).toBe('27'.repeat(32));
    expect(() => InstanceSecret.fromBytes(new Uint8Array(16))).toThrowErrorMatchingInlineSnapshot(
      `[AdminKeyError: the instance secret has 16 bytes; expected 32]`,
    );
  });

  test('generates distinct random secrets', () => {
    const a = InstanceSecret.generate().toHex();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(InstanceSecret.generate().toHex()).not.toBe(a);
  });

  test('never prints itself', () => {
    const secret = InstanceSecret.parse(DEV_SECRET);
    expect(String(secret)).toBe('InstanceSecret(*****)');
    expect(JSON.stringify({ secret })).toBe('{"secret":"InstanceSecret(*****)"}');
    expect(inspect({ secret })).toBe('{ secret: InstanceSecret(*****) }');
  });

  test('hands out copies of its bytes', () => {
    const secret = InstanceSecret.parse(DEV_SECRET);
    secret.toBytes().fill(0);
    expect(secret.toHex()).toBe(DEV_SECRET);
  });
});
