import * as v from 'valibot';
import { u32Schema } from './wire-primitives.ts';

/**
 * Schema for `AuthError` (spec §3.6). `baseVersion` is the last identity version sent in a
 * Transition (`null` from some servers); `authUpdateAttempted` is true when it answers an
 * `Authenticate`, false when a token expired while connected (old servers omit it; always send it).
 *
 * @example
 * ```ts
 * const error: AuthErrorMessage = { type: 'AuthError', error: 'Token expired', baseVersion: 0, authUpdateAttempted: true };
 * ```
 */
export const authErrorMessageSchema = v.object({
  type: v.literal('AuthError'),
  error: v.string(),
  baseVersion: v.optional(v.nullable(u32Schema), null),
  authUpdateAttempted: v.optional(v.boolean()),
});

/**
 * An `AuthError` message.
 *
 * @example
 * ```ts
 * const error: AuthErrorMessage = { type: 'AuthError', error: 'Token expired', baseVersion: 0, authUpdateAttempted: false };
 * ```
 */
export type AuthErrorMessage = v.InferOutput<typeof authErrorMessageSchema>;
