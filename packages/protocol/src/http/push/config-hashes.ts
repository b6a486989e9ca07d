import * as v from 'valibot';
import { authInfoSchema } from './auth-info.ts';
import { moduleEnvironmentSchema, nodeDependencySchema } from './module-config.ts';

/**
 * Schema for the body of `POST /api/get_config_hashes`.
 *
 * @example
 * ```ts
 * parseHttpBody(getConfigHashesRequestSchema, { version: '1.45.0', adminKey: '…' }, 'POST /api/get_config_hashes');
 * ```
 */
export const getConfigHashesRequestSchema = v.object({
  version: v.string(),
  adminKey: v.optional(v.string()),
});

/**
 * A `get_config_hashes` request.
 *
 * @example
 * ```ts
 * const request: GetConfigHashesRequest = { version: '1.45.0' };
 * ```
 */
export type GetConfigHashesRequest = v.InferOutput<typeof getConfigHashesRequestSchema>;

/**
 * Schema for one stored module's hash: hex SHA-256 of `source` then `sourceMap`.
 *
 * @example
 * ```ts
 * const hash: ModuleHash = { path: 'messages.js', hash: 'ab12…', environment: 'isolate' };
 * ```
 */
export const moduleHashSchema = v.object({
  path: v.string(),
  hash: v.string(),
  environment: moduleEnvironmentSchema,
});

/**
 * A stored module's hash.
 *
 * @example
 * ```ts
 * const hash: ModuleHash = { path: 'messages.js', hash: 'ab12…', environment: 'isolate' };
 * ```
 */
export type ModuleHash = v.InferOutput<typeof moduleHashSchema>;

/**
 * Schema for the answer of `get_config_hashes`; a fresh deployment has `moduleHashes: []`.
 *
 * @example
 * ```ts
 * const fresh: GetConfigHashesResponse = {
 *   config: { functions: 'convex/' },
 *   moduleHashes: [],
 *   nodeDependencies: [],
 *   udfServerVersion: null,
 *   nodeVersion: null,
 * };
 * ```
 */
export const getConfigHashesResponseSchema = v.object({
  config: v.object({
    functions: v.string(),
    authInfo: v.optional(v.array(authInfoSchema)),
    nodeVersion: v.optional(v.nullable(v.string())),
  }),
  moduleHashes: v.array(moduleHashSchema),
  nodeDependencies: v.array(nodeDependencySchema),
  udfServerVersion: v.nullable(v.string()),
  nodeVersion: v.nullable(v.string()),
});

/**
 * The answer of `get_config_hashes`.
 *
 * @example
 * ```ts
 * const response: GetConfigHashesResponse = { config: { functions: 'convex/' }, moduleHashes: [], nodeDependencies: [], udfServerVersion: '1.45.0', nodeVersion: null };
 * ```
 */
export type GetConfigHashesResponse = v.InferOutput<typeof getConfigHashesResponseSchema>;
