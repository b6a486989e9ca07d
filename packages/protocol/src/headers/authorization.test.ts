import { describe, expect, test } from 'vitest';
import { encodeBase64 } from '../base64.ts';
import { ProtocolError } from '../protocol-error.ts';
import { parseAuthorizationHeader } from './authorization.ts';

function identitySuffix(identity: unknown): string {
  return encodeBase64(new TextEncoder().encode(JSON.stringify(identity)));
}

function errorOf(value: string): ProtocolError {
  try {
    parseAuthorizationHeader(value);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error(`expected ${value} to be rejected`);
}

describe('parseAuthorizationHeader', () => {
  test('reads admin keys with a case-insensitive prefix', () => {
    expect(parseAuthorizationHeader('Convex carnitas|0135d8')).toEqual({
      kind: 'admin',
      adminKey: 'carnitas|0135d8',
    });
    expect(parseAuthorizationHeader('convex prod:high-horse-42|abc')).toEqual({
      kind: 'admin',
      adminKey: 'prod:high-horse-42|abc',
    });
    expect(parseAuthorizationHeader('CONVEX opaque-key')).toEqual({
      kind: 'admin',
      adminKey: 'opaque-key',
    });
  });

  test('reads the impersonated identity after the key', () => {
    const identity = {
      issuer: 'https://auth.example.com',
      subject: 'u1',
      name: 'Zoë',
      roles: ['admin'],
    };
    expect(
      parseAuthorizationHeader(`Convex prod:carnitas|0135d8:${identitySuffix(identity)}`),
    ).toEqual({
      kind: 'admin',
      adminKey: 'prod:carnitas|0135d8',
      impersonating: identity,
    });
    expect(
      parseAuthorizationHeader(`Convex opaque:${identitySuffix({ tokenIdentifier: 't' })}`),
    ).toEqual({
      kind: 'admin',
      adminKey: 'opaque',
      impersonating: { tokenIdentifier: 't' },
    });
  });

  test('reads bearer tokens', () => {
    expect(parseAuthorizationHeader('Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig')).toEqual({
      kind: 'bearer',
      token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
    });
    expect(parseAuthorizationHeader('bearer t')).toEqual({ kind: 'bearer', token: 't' });
  });

  test('says what is wrong', () => {
    const cases = [
      'Basic dXNlcjpwYXNz',
      'Bearer ',
      'Convex ',
      '',
      'Convex key:not base64!',
      `Convex key:${encodeBase64(new Uint8Array([0xff, 0xfe]))}`,
      `Convex key:${identitySuffix({ name: 'Ann' })}`,
      `Convex key:${identitySuffix({ tokenIdentifier: 7 })}`,
    ];
    expect(cases.map((value) => `${errorOf(value).code}: ${errorOf(value).message}`))
      .toMatchInlineSnapshot(`
      [
        "InvalidAuthHeader: Authorization header: expected "Convex <admin key>" or "Bearer <token>"",
        "InvalidAuthHeader: Authorization header: the bearer token is empty",
        "InvalidAdminKey: Authorization header: the admin key is empty",
        "InvalidAuthHeader: Authorization header: expected "Convex <admin key>" or "Bearer <token>"",
        "InvalidAuthHeader: Authorization header: the identity after the admin key is not base64",
        "InvalidAuthHeader: Authorization header: the identity after the admin key is not UTF-8 JSON",
        "InvalidAuthHeader: Authorization header identity: expected "tokenIdentifier", or "issuer" and "subject", received an object",
        "InvalidAuthHeader: Authorization header identity.tokenIdentifier: expected a string, received 7",
      ]
    `);
    expect(errorOf(`Convex key:${identitySuffix({ tokenIdentifier: 7 })}`).path).toEqual([
      'tokenIdentifier',
    ]);
  });
});
