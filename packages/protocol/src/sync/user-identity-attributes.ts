import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';

const optionalString = v.optional(v.string());
const optionalBoolean = v.optional(v.boolean());

/**
 * Schema for `UserIdentityAttributes`: the identity an admin acts as (`Authenticate.impersonating`,
 * or the `:<base64 JSON>` suffix of an admin `Authorization` header). Requires `tokenIdentifier`,
 * or `issuer` and `subject` (from which the server builds `tokenIdentifier = "<issuer>|<subject>"`).
 * Standard claims are typed; any other key is a custom claim holding JSON.
 *
 * @example
 * ```ts
 * v.parse(userIdentityAttributesSchema, { issuer: 'https://auth.example.com', subject: 'user1', name: 'Ann' });
 * ```
 */
export const userIdentityAttributesSchema = v.pipe(
  v.objectWithRest(
    {
      tokenIdentifier: optionalString,
      subject: optionalString,
      issuer: optionalString,
      name: optionalString,
      givenName: optionalString,
      familyName: optionalString,
      nickname: optionalString,
      preferredUsername: optionalString,
      profileUrl: optionalString,
      pictureUrl: optionalString,
      websiteUrl: optionalString,
      email: optionalString,
      emailVerified: optionalBoolean,
      gender: optionalString,
      birthday: optionalString,
      timezone: optionalString,
      language: optionalString,
      phoneNumber: optionalString,
      phoneNumberVerified: optionalBoolean,
      address: optionalString,
      updatedAt: optionalString,
    },
    jsonValueSchema,
  ),
  v.check(
    (identity) =>
      identity.tokenIdentifier !== undefined ||
      (identity.issuer !== undefined && identity.subject !== undefined),
    'expected "tokenIdentifier", or "issuer" and "subject"',
  ),
);

/**
 * The attributes of an impersonated user identity.
 *
 * @example
 * ```ts
 * const identity: UserIdentityAttributes = { tokenIdentifier: 'https://auth.example.com|user1', email: 'a@b.c' };
 * ```
 */
export type UserIdentityAttributes = v.InferOutput<typeof userIdentityAttributesSchema>;
