import type { UserIdentityAttributes } from '@selfhost/function-runner';

/**
 * What a deployment without auth providers answers to a user JWT, as Convex words it (the
 * client shows it and stops sending the token).
 */
export const NO_AUTH_PROVIDER_MESSAGE =
  'No auth provider found matching the given token: this deployment has no auth providers configured (auth.config.ts).';

/**
 * The outcome of checking a user JWT: the identity it stands for, or the refusal clients see.
 *
 * @example
 * ```ts
 * const refused: UserTokenOutcome = { ok: false, errorMessage: NO_AUTH_PROVIDER_MESSAGE };
 * ```
 */
export type UserTokenOutcome =
  | { readonly ok: true; readonly user: UserIdentityAttributes }
  | { readonly ok: false; readonly errorMessage: string };

/**
 * Checks user JWTs (`Authenticate` with `tokenType: "User"`, or a bearer token on HTTP) against
 * the deployment's auth providers. The verifier that reads `auth.config.ts` arrives with the
 * auth work; until then {@link noAuthProviders} refuses every token.
 *
 * @example
 * ```ts
 * const outcome = await verifier.verify(jwt);
 * ```
 */
export interface UserTokenVerifier {
  verify(token: string): Promise<UserTokenOutcome>;
}

/**
 * The verifier of a deployment with no auth providers configured: every token is refused.
 *
 * @example
 * ```ts
 * await noAuthProviders.verify('eyJ…'); // { ok: false, errorMessage: NO_AUTH_PROVIDER_MESSAGE }
 * ```
 */
export const noAuthProviders: UserTokenVerifier = Object.freeze({
  verify: () => Promise.resolve<UserTokenOutcome>({ ok: false, errorMessage: NO_AUTH_PROVIDER_MESSAGE }),
});
