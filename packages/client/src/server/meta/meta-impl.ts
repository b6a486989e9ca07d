import { jsonToConvex, type JSONValue } from '@selfhost/values';
import type { FunctionType } from '../api/function-reference.ts';
import type { FunctionVisibility } from '../functions/function-args.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { performSyscall } from '../syscall/perform-syscall.ts';
import type {
  ActionMeta,
  DeploymentMetadata,
  FunctionMetadata,
  MutationMeta,
  QueryMeta,
  RequestMetadata,
  TransactionMetrics,
} from './meta.ts';

async function getTransactionMetrics(): Promise<TransactionMetrics> {
  let result: unknown;
  try {
    result = await performAsyncSyscall('1.0/getTransactionMetrics', {});
  } catch (error: unknown) {
    // Actions have no transaction: their host does not know the op at all.
    if (error instanceof Error && error.message.includes('Unknown async operation')) {
      throw new Error(
        'getTransactionMetrics() can only be called from a query or mutation: actions have no transaction.',
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return jsonToConvex(result as JSONValue) as unknown as TransactionMetrics;
}

function functionMetadataGetter(type: FunctionType, visibility: FunctionVisibility) {
  return async (): Promise<FunctionMetadata> => {
    const { name, componentPath } = (await performAsyncSyscall(
      '1.0/getFunctionMetadata',
      {},
    )) as FunctionMetadata;
    return { name, componentPath, type, visibility };
  };
}

async function getDeploymentMetadata(): Promise<DeploymentMetadata> {
  const result = jsonToConvex(
    (await performAsyncSyscall('1.0/getDeploymentMetadata', {})) as JSONValue,
  ) as {
    name: string;
    region?: string | null;
    class: DeploymentMetadata['class'];
  };
  return { name: result.name, region: result.region ?? null, class: result.class };
}

function getSnapshotTs(): bigint {
  return jsonToConvex(performSyscall('1.0/getSnapshotTs', {}) as JSONValue) as bigint;
}

async function getRequestMetadata(): Promise<RequestMetadata> {
  const { ip, userAgent, requestId, scheduledFunctionId, authToken } = (await performAsyncSyscall(
    '1.0/getRequestMetadata',
    {},
  )) as RequestMetadata;
  return { ip, userAgent, requestId, scheduledFunctionId, authToken };
}

/**
 * The `ctx.meta` of a query.
 *
 * @example
 * ```ts
 * await createQueryMeta('public').getFunctionMetadata();
 * ```
 */
export function createQueryMeta(visibility: FunctionVisibility): QueryMeta {
  return Object.freeze({
    getFunctionMetadata: functionMetadataGetter('query', visibility),
    getTransactionMetrics,
    getDeploymentMetadata,
    getSnapshotTs,
  });
}

/**
 * The `ctx.meta` of a mutation.
 *
 * @example
 * ```ts
 * await createMutationMeta('internal').getRequestMetadata();
 * ```
 */
export function createMutationMeta(visibility: FunctionVisibility): MutationMeta {
  return Object.freeze({
    getFunctionMetadata: functionMetadataGetter('mutation', visibility),
    getTransactionMetrics,
    getDeploymentMetadata,
    getRequestMetadata,
    getSnapshotTs,
  });
}

/**
 * The `ctx.meta` of an action (and HTTP action, which is public).
 *
 * @example
 * ```ts
 * await createActionMeta('public').getDeploymentMetadata();
 * ```
 */
export function createActionMeta(visibility: FunctionVisibility): ActionMeta {
  return Object.freeze({
    getFunctionMetadata: functionMetadataGetter('action', visibility),
    getDeploymentMetadata,
    getRequestMetadata,
  });
}
