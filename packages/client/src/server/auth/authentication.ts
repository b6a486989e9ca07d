import type { JSONValue } from '@selfhost/values';

/**
 * The contents of `convex/auth.config.ts`: which identity providers' tokens are accepted.
 *
 * @example
 * ```ts
 * export default { providers: [{ domain: 'https://issuer.example.com', applicationID: 'my-app' }] } satisfies AuthConfig;
 * ```
 */
export type AuthConfig = {
  providers: AuthProvider[];
};

/**
 * One identity provider: an OpenID Connect issuer, or a custom JWT issuer with its JWKS.
 *
 * @example
 * ```ts
 * const provider: AuthProvider = { type: 'customJwt', issuer: 'https://a.example', jwks: 'https://a.example/jwks', algorithm: 'RS256' };
 * ```
 */
export type AuthProvider =
  | {
      /** The token's `aud` (audience). */
      applicationID: string;
      /** The issuer's domain, whose OpenID configuration is fetched. */
      domain: string;
    }
  | {
      type: 'customJwt';
      /** The expected `aud`, if checked. */
      applicationID?: string;
      /** The expected `iss`. */
      issuer: string;
      /** The URL (or data URI) of the issuer's JSON Web Key Set. */
      jwks: string;
      /** The signing algorithm. */
      algorithm: 'RS256' | 'ES256';
    };

/**
 * The identity of the caller, from the claims of their JWT. Standard OpenID claims have their
 * own fields; other claims are available by name.
 *
 * @example
 * ```ts
 * const identity = await ctx.auth.getUserIdentity();
 * if (identity !== null) console.log(identity.subject, identity.email);
 * ```
 */
export interface UserIdentity {
  /** A stable identifier: issuer and subject combined. Use this to key users. */
  readonly tokenIdentifier: string;
  /** The `sub` claim. */
  readonly subject: string;
  /** The `iss` claim. */
  readonly issuer: string;
  readonly name?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly nickname?: string;
  readonly preferredUsername?: string;
  readonly profileUrl?: string;
  readonly pictureUrl?: string;
  readonly email?: string;
  readonly emailVerified?: boolean;
  readonly gender?: string;
  readonly birthday?: string;
  readonly timezone?: string;
  readonly language?: string;
  readonly phoneNumber?: string;
  readonly phoneNumberVerified?: boolean;
  readonly address?: string;
  readonly updatedAt?: string;
  /** Any other claim. */
  [key: string]: JSONValue | undefined;
}

/**
 * A {@link UserIdentity} without the generated `tokenIdentifier`.
 *
 * @example
 * ```ts
 * const attributes: UserIdentityAttributes = { subject: 'u1', issuer: 'https://a.example' };
 * ```
 */
export type UserIdentityAttributes = Omit<UserIdentity, 'tokenIdentifier'>;

/**
 * Authentication in queries and actions (`ctx.auth`).
 *
 * @example
 * ```ts
 * const identity = await ctx.auth.getUserIdentity();
 * ```
 */
export interface Auth {
  /** The caller's identity, or `null` when the call is not authenticated. */
  getUserIdentity(): Promise<UserIdentity | null>;
}

/**
 * JWT claims a function may not set itself.
 *
 * @example
 * ```ts
 * const reserved: ReservedJwtClaim = 'exp';
 * ```
 */
export type ReservedJwtClaim = 'iss' | 'iat' | 'exp' | 'nbf';

type AnyCase<TText extends string> = TText extends `${infer TFirst}${infer TRest}`
  ? `${Lowercase<TFirst> | Uppercase<TFirst>}${AnyCase<TRest>}`
  : TText;

/**
 * Claim-name prefixes reserved for the platform, in any letter case.
 *
 * @example
 * ```ts
 * const prefix: ReservedJwtClaimPrefix = 'Cvx';
 * ```
 */
export type ReservedJwtClaimPrefix = AnyCase<'convex' | 'cvx'>;

type ReservedPrefixJwtClaims = { [TKey: `${ReservedJwtClaimPrefix}${string}`]: never };

/**
 * The custom claims of a token signed with `ctx.auth.signJwt`.
 *
 * @example
 * ```ts
 * const claims: SignJwtClaims = { role: 'admin' };
 * ```
 */
export type SignJwtClaims = Record<string, JSONValue> & {
  [TKey in ReservedJwtClaim]?: never;
} & ReservedPrefixJwtClaims;

/**
 * The options of `ctx.auth.signJwt`.
 *
 * @example
 * ```ts
 * const token = await ctx.auth.signJwt({ claims: { role: 'admin' }, expiresInSeconds: 300 });
 * ```
 */
export type SignJwtOptions = {
  claims?: SignJwtClaims;
  /** How long the token is valid. */
  expiresInSeconds: number;
};

/**
 * Authentication in mutations (`ctx.auth`): also signs JWTs issued by the deployment.
 *
 * @example
 * ```ts
 * const token = await ctx.auth.signJwt({ expiresInSeconds: 60 });
 * ```
 */
export interface MutationAuth extends Auth {
  /** Signs a JWT with the deployment's key. */
  signJwt(options: SignJwtOptions): Promise<string>;
}
