import * as v from 'valibot';
import { u32Schema } from './wire-primitives.ts';
import {
  userIdentityAttributesSchema,
  type UserIdentityAttributes,
} from './user-identity-attributes.ts';

/**
 * Schema for `Authenticate` with an admin key. The impersonated identity arrives as
 * `impersonating` (official client) or `acting_as` (the reference backend's own field name);
 * the output always calls it `impersonating`.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Authenticate","tokenType":"Admin","value":"<key>","baseVersion":0,"acting_as":{"tokenIdentifier":"t"}}');
 * // { type: 'Authenticate', tokenType: 'Admin', value: '<key>', baseVersion: 0, impersonating: { tokenIdentifier: 't' } }
 * ```
 */
export const adminAuthenticateSchema = v.pipe(
  v.object({
    type: v.literal('Authenticate'),
    tokenType: v.literal('Admin'),
    value: v.string(),
    baseVersion: u32Schema,
    impersonating: v.optional(userIdentityAttributesSchema),
    acting_as: v.optional(userIdentityAttributesSchema),
  }),
  v.transform(({ acting_as: actingAs, impersonating, ...rest }): AdminAuthenticateMessage => {
    const identity = impersonating ?? actingAs;
    return identity === undefined ? rest : { ...rest, impersonating: identity };
  }),
);

/**
 * `Authenticate` with an admin key, optionally acting as a user.
 *
 * @example
 * ```ts
 * const message: AdminAuthenticateMessage = { type: 'Authenticate', tokenType: 'Admin', value: adminKey, baseVersion: 0 };
 * ```
 */
export type AdminAuthenticateMessage = {
  type: 'Authenticate';
  tokenType: 'Admin';
  value: string;
  baseVersion: number;
  impersonating?: UserIdentityAttributes | undefined;
};

/**
 * Schema for `Authenticate` with a user JWT.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Authenticate","tokenType":"User","value":"<jwt>","baseVersion":0}');
 * ```
 */
export const userAuthenticateSchema = v.object({
  type: v.literal('Authenticate'),
  tokenType: v.literal('User'),
  value: v.string(),
  baseVersion: u32Schema,
});

/**
 * Schema for `Authenticate` that clears the identity.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"Authenticate","tokenType":"None","baseVersion":1}');
 * ```
 */
export const noneAuthenticateSchema = v.object({
  type: v.literal('Authenticate'),
  tokenType: v.literal('None'),
  baseVersion: u32Schema,
});

/**
 * Schema for `Authenticate` in its three token types, told apart by `tokenType`.
 *
 * @example
 * ```ts
 * v.parse(authenticateMessageSchema, { type: 'Authenticate', tokenType: 'None', baseVersion: 0 });
 * ```
 */
export const authenticateMessageSchema = v.variant('tokenType', [
  adminAuthenticateSchema,
  userAuthenticateSchema,
  noneAuthenticateSchema,
]);

/**
 * An `Authenticate` message.
 *
 * @example
 * ```ts
 * const message: AuthenticateMessage = { type: 'Authenticate', tokenType: 'User', value: jwt, baseVersion: 0 };
 * ```
 */
export type AuthenticateMessage = v.InferOutput<typeof authenticateMessageSchema>;
