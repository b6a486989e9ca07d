import { developerError } from '../errors/developer-error.ts';
import { userIdentityOf } from '../execution/identity.ts';
import { ALL_UDF_TYPES, type SyscallHandler } from './syscall-handler.ts';

/**
 * `1.0/getUserIdentity`: the identity JSON or `null`.
 *
 * @example
 * ```ts
 * await getUserIdentitySyscall.run({}, env); // 'null'
 * ```
 * @internal
 */
export const getUserIdentitySyscall: SyscallHandler = {
  kind: 'async',
  allowed: ALL_UDF_TYPES,
  run: (_args, env) => Promise.resolve(JSON.stringify(userIdentityOf(env.identity))),
};

/**
 * `1.0/getFunctionMetadata`: `{name, componentPath: ""}`.
 *
 * @example
 * ```ts
 * await functionMetadataSyscall.run({}, env); // '{"name":"messages:list","componentPath":""}'
 * ```
 * @internal
 */
export const functionMetadataSyscall: SyscallHandler = {
  kind: 'async',
  allowed: ALL_UDF_TYPES,
  run: (_args, env) => Promise.resolve(JSON.stringify({ name: env.path, componentPath: '' })),
};

/**
 * `1.0/getDeploymentMetadata`: `{name, region: null, class: "self-hosted"}`.
 *
 * @example
 * ```ts
 * await deploymentMetadataSyscall.run({}, env);
 * ```
 * @internal
 */
export const deploymentMetadataSyscall: SyscallHandler = {
  kind: 'async',
  allowed: ALL_UDF_TYPES,
  run: (_args, env) => Promise.resolve(JSON.stringify({ name: env.deploymentName, region: null, class: 'self-hosted' })),
};

/**
 * `1.0/getRequestMetadata` (mutations and actions; queries may not depend on the request).
 *
 * @example
 * ```ts
 * await requestMetadataSyscall.run({}, env);
 * ```
 * @internal
 */
export const requestMetadataSyscall: SyscallHandler = {
  kind: 'async',
  allowed: ALL_UDF_TYPES,
  run: (_args, env) => {
    if (env.udfType === 'query') throw developerError('RequestMetadataNotAllowed: getRequestMetadata() is not available in queries');
    return Promise.resolve(JSON.stringify({ ip: null, userAgent: null, requestId: env.requestId, scheduledFunctionId: null, authToken: null }));
  },
};
