import * as v from 'valibot';

/**
 * Schema for a `customJwt` auth provider as the backend reports it (env vars resolved).
 *
 * @example
 * ```ts
 * const provider: CustomJwtAuthInfo = { type: 'customJwt', applicationID: null, issuer: 'https://x', jwks: 'https://x/jwks', algorithm: 'RS256' };
 * ```
 */
export const customJwtAuthInfoSchema = v.object({
  type: v.literal('customJwt'),
  applicationID: v.nullable(v.string()),
  issuer: v.string(),
  jwks: v.string(),
  algorithm: v.string(),
});

/**
 * A `customJwt` auth provider.
 *
 * @example
 * ```ts
 * const provider: CustomJwtAuthInfo = { type: 'customJwt', applicationID: 'app', issuer: 'https://x', jwks: 'data:…', algorithm: 'ES256' };
 * ```
 */
export type CustomJwtAuthInfo = v.InferOutput<typeof customJwtAuthInfoSchema>;

/**
 * Schema for an OIDC auth provider.
 *
 * @example
 * ```ts
 * const provider: OidcAuthInfo = { applicationID: 'my-app', domain: 'https://issuer.example.com' };
 * ```
 */
export const oidcAuthInfoSchema = v.object({
  applicationID: v.string(),
  domain: v.string(),
});

/**
 * An OIDC auth provider.
 *
 * @example
 * ```ts
 * const provider: OidcAuthInfo = { applicationID: 'my-app', domain: 'https://issuer.example.com' };
 * ```
 */
export type OidcAuthInfo = v.InferOutput<typeof oidcAuthInfoSchema>;

/**
 * Schema for one entry of `appAuth` / `config.authInfo` (the CLI tries `customJwt` first).
 *
 * @example
 * ```ts
 * v.parse(authInfoSchema, { applicationID: 'a', domain: 'https://d' });
 * ```
 */
export const authInfoSchema = v.union([customJwtAuthInfoSchema, oidcAuthInfoSchema]);

/**
 * An auth provider.
 *
 * @example
 * ```ts
 * const providers: AuthInfo[] = [{ applicationID: 'a', domain: 'https://d' }];
 * ```
 */
export type AuthInfo = v.InferOutput<typeof authInfoSchema>;
