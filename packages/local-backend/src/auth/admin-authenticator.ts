import { isProtocolError, parseAuthorizationHeader, type UserIdentityAttributes } from '@selfhost/protocol';
import type { ServerRequest } from '../http/server-request.ts';
import type { AdminKeyClaims } from '../keys/admin-key.ts';
import { verifyAdminKey } from '../keys/admin-key.ts';
import { isAdminKeyError } from '../keys/admin-key-error.ts';
import { InstanceSecret } from '../keys/instance-secret.ts';
import { HttpError } from '../routing/http-error.ts';

/** Who is calling, as far as the HTTP headers tell. */
export type RequestIdentity =
  | { readonly kind: 'none' }
  | { readonly kind: 'admin'; readonly claims: AdminKeyClaims; readonly impersonating?: UserIdentityAttributes | undefined }
  | { readonly kind: 'user'; readonly token: string };

/** How a route takes its admin key: in headers (most) or in the JSON body (deploy routes). */
export type AdminKeySource = 'header' | 'body';

/**
 * Checks admin keys against this instance's name and secret. Header routes answer a bad key
 * with 401 `BadAdminKey`; routes that carry the key in the body (deploy) with 403
 * `BadDeployKey`, which the CLI turns into "check your admin key" — as the reference does.
 *
 * @example
 * const admin = authenticator.requireAdmin(request);
 */
export class AdminAuthenticator {
  readonly #instanceName: string;
  readonly #secret: InstanceSecret;

  constructor(instanceName: string, instanceSecret: string) {
    this.#instanceName = instanceName;
    this.#secret = InstanceSecret.parse(instanceSecret);
  }

  /** The caller's identity from `Authorization` (or `?adminKey=`); throws on a malformed or bad key. */
  identify(request: ServerRequest): RequestIdentity {
    const header = request.header('authorization');
    if (header !== undefined && header !== '') {
      let parsed: ReturnType<typeof parseAuthorizationHeader>;
      try {
        parsed = parseAuthorizationHeader(header);
      } catch (error) {
        if (isProtocolError(error)) throw new HttpError(400, error.code, error.message);
        throw error;
      }
      if (parsed.kind === 'bearer') return { kind: 'user', token: parsed.token };
      return { kind: 'admin', claims: this.verify(parsed.adminKey, 'header'), impersonating: parsed.impersonating };
    }
    const fromQuery = new URLSearchParams(request.query).get('adminKey');
    if (fromQuery) return { kind: 'admin', claims: this.verify(fromQuery, 'header') };
    return { kind: 'none' };
  }

  /** Like {@link identify}, but anything other than a valid admin key is refused. */
  requireAdmin(request: ServerRequest, bodyKey?: string): AdminKeyClaims {
    if (bodyKey !== undefined && request.header('authorization') === undefined) return this.verify(bodyKey, 'body');
    const identity = this.identify(request);
    if (identity.kind === 'admin') return identity.claims;
    if (bodyKey !== undefined) return this.verify(bodyKey, 'body');
    throw new HttpError(
      401,
      'Unauthenticated',
      'This route needs an admin key: send the header "Authorization: Convex <admin key>". Print one with `generate-admin-key`.',
    );
  }

  /** Verifies one admin key string. */
  verify(key: string, source: AdminKeySource): AdminKeyClaims {
    try {
      return verifyAdminKey(key, { instanceName: this.#instanceName, instanceSecret: this.#secret });
    } catch (error) {
      if (!isAdminKeyError(error)) throw error;
      return source === 'body'
        ? failed(403, 'BadDeployKey', error.message)
        : failed(401, 'BadAdminKey', error.message);
    }
  }
}

function failed(status: number, code: string, detail: string): never {
  throw new HttpError(status, code, `The provided admin key was invalid for this instance: ${detail}`);
}
