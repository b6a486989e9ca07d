import type { JSONValue } from '@selfhost/values';

/**
 * The attributes of a user identity (what `ctx.auth.getUserIdentity()` returns): at least
 * `tokenIdentifier`, `subject` and `issuer`, plus any claims (compat spec §3.6).
 *
 * @example
 * ```ts
 * const user: UserIdentityAttributes = { tokenIdentifier: 'https://auth|u1', subject: 'u1', issuer: 'https://auth' };
 * ```
 */
export type UserIdentityAttributes = { readonly [key: string]: JSONValue };

/**
 * Who a function runs as. The caller authenticates; the runner only reports it.
 *
 * - `none`: no credentials (`getUserIdentity()` is `null`);
 * - `admin`: an admin key (may call internal functions; `getUserIdentity()` is `null`);
 * - `actingUser`: an admin key impersonating a user (the CLI's `--identity`);
 * - `user`: an end user whose token the caller verified.
 *
 * @example
 * ```ts
 * const identity: Identity = { kind: 'actingUser', user: { tokenIdentifier: 't|1', subject: '1', issuer: 't' } };
 * ```
 */
export type Identity =
  | { readonly kind: 'none' }
  | { readonly kind: 'admin' }
  | { readonly kind: 'actingUser'; readonly user: UserIdentityAttributes }
  | { readonly kind: 'user'; readonly user: UserIdentityAttributes };

/**
 * The user identity a function sees, or `null`.
 *
 * @example
 * ```ts
 * userIdentityOf({ kind: 'none' }); // null
 * ```
 */
export function userIdentityOf(identity: Identity): UserIdentityAttributes | null {
  switch (identity.kind) {
    case 'none':
    case 'admin':
      return null;
    case 'actingUser':
    case 'user':
      return identity.user;
  }
}
