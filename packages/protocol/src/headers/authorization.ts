import { decodeBase64 } from '../base64.ts';
import { parseWithSchema } from '../parse-with-schema.ts';
import { ProtocolError } from '../protocol-error.ts';
import {
  userIdentityAttributesSchema,
  type UserIdentityAttributes,
} from '../sync/user-identity-attributes.ts';

/**
 * A parsed `Authorization` header: an admin key (optionally acting as a user), or a user's
 * bearer JWT. The admin key is returned as sent (display prefix included, impersonation suffix
 * removed); `parseAdminKey` reads the reference key format if the server wants to.
 *
 * @example
 * ```ts
 * const auth: AuthorizationHeader = { kind: 'bearer', token: 'eyJ…' };
 * ```
 */
export type AuthorizationHeader =
  | {
      readonly kind: 'admin';
      readonly adminKey: string;
      readonly impersonating?: UserIdentityAttributes;
    }
  | { readonly kind: 'bearer'; readonly token: string };

const ADMIN_PREFIX = 'convex ';
const BEARER_PREFIX = 'bearer ';

/**
 * Parses an `Authorization` header (spec §2.0, §2.9):
 * - `Convex <adminKey>` (prefix case-insensitive) → admin;
 * - `Convex <adminKey>:<base64 JSON>` → admin acting as that user; the JSON must have
 *   `tokenIdentifier`, or `issuer` and `subject`;
 * - `Bearer <jwt>` → a user token (not verified here).
 *
 * Anything else throws a `ProtocolError`: `InvalidAuthHeader` for an unknown scheme or a bad
 * identity suffix, `InvalidAdminKey` for an empty admin key.
 *
 * @example
 * ```ts
 * parseAuthorizationHeader('Convex prod:carnitas|01ab'); // { kind: 'admin', adminKey: 'prod:carnitas|01ab' }
 * parseAuthorizationHeader('Bearer eyJ…'); // { kind: 'bearer', token: 'eyJ…' }
 * ```
 */
export function parseAuthorizationHeader(value: string): AuthorizationHeader {
  const scheme = value.slice(0, ADMIN_PREFIX.length).toLowerCase();
  if (scheme === ADMIN_PREFIX) return parseAdminAuthorization(value.slice(ADMIN_PREFIX.length));
  if (scheme === BEARER_PREFIX) {
    const token = value.slice(BEARER_PREFIX.length).trim();
    if (token.length === 0)
      throw new ProtocolError(
        'InvalidAuthHeader',
        'Authorization header: the bearer token is empty',
      );
    return Object.freeze({ kind: 'bearer', token });
  }
  throw new ProtocolError(
    'InvalidAuthHeader',
    'Authorization header: expected "Convex <admin key>" or "Bearer <token>"',
  );
}

function parseAdminAuthorization(rest: string): AuthorizationHeader {
  // A `:` before the `|` belongs to the key's display prefix (`prod:name|…`); one after it
  // starts the impersonated identity. Keys without `|` are split at their first `:`.
  const bar = rest.indexOf('|');
  const colon = rest.indexOf(':', bar + 1);
  const adminKey = colon === -1 ? rest : rest.slice(0, colon);
  if (adminKey.length === 0)
    throw new ProtocolError('InvalidAdminKey', 'Authorization header: the admin key is empty');
  if (colon === -1) return Object.freeze({ kind: 'admin', adminKey });
  const impersonating = decodeIdentity(rest.slice(colon + 1));
  return Object.freeze({ kind: 'admin', adminKey, impersonating });
}

function decodeIdentity(encoded: string): UserIdentityAttributes {
  const bytes = decodeBase64(encoded);
  if (bytes === undefined) {
    throw new ProtocolError(
      'InvalidAuthHeader',
      'Authorization header: the identity after the admin key is not base64',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new ProtocolError(
      'InvalidAuthHeader',
      'Authorization header: the identity after the admin key is not UTF-8 JSON',
      {
        cause,
      },
    );
  }
  return parseWithSchema(userIdentityAttributesSchema, json, {
    code: 'InvalidAuthHeader',
    label: 'Authorization header identity',
  });
}
