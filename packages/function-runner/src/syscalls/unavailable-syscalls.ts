import type { UdfType } from '@selfhost/udf-runtime';
import { developerError } from '../errors/developer-error.ts';
import { ACTIONS, ALL_UDF_TYPES, QUERY_AND_MUTATION, type SyscallHandler } from './syscall-handler.ts';

function unavailable(allowed: readonly UdfType[], what: string): SyscallHandler {
  return {
    kind: 'async',
    allowed,
    run: () => Promise.reject(developerError(`${what} is not available yet on this backend: that subsystem is not built.`)),
  };
}

const MUTATION: readonly UdfType[] = ['mutation'];
const MUTATION_AND_ACTIONS: readonly UdfType[] = ['mutation', 'action', 'httpAction'];

/**
 * Syscalls of subsystems that are not built yet (scheduler, file storage, vector search,
 * function handles, …): each fails with an error that says so, never a silent fake.
 *
 * @example
 * ```ts
 * UNAVAILABLE_SYSCALLS.get('1.0/schedule');
 * ```
 * @internal
 */
export const UNAVAILABLE_SYSCALLS: ReadonlyMap<string, SyscallHandler> = new Map<string, SyscallHandler>([
  ['1.0/schedule', unavailable(MUTATION, 'The scheduler (ctx.scheduler)')],
  ['1.0/cancel_job', unavailable(MUTATION, 'The scheduler (ctx.scheduler.cancel)')],
  ['1.0/actions/schedule', unavailable(ACTIONS, 'The scheduler (ctx.scheduler)')],
  ['1.0/actions/cancel_job', unavailable(ACTIONS, 'The scheduler (ctx.scheduler.cancel)')],
  ['1.0/actions/vectorSearch', unavailable(ACTIONS, 'Vector search (ctx.vectorSearch)')],
  ['1.0/storageGetUrl', unavailable(ALL_UDF_TYPES, 'File storage (ctx.storage.getUrl)')],
  ['1.0/storageGetMetadata', unavailable(ALL_UDF_TYPES, 'File storage (ctx.storage.getMetadata)')],
  ['1.0/storageGenerateUploadUrl', unavailable(MUTATION_AND_ACTIONS, 'File storage (ctx.storage.generateUploadUrl)')],
  ['1.0/storageDelete', unavailable(MUTATION_AND_ACTIONS, 'File storage (ctx.storage.delete)')],
  ['1.0/createFunctionHandle', unavailable(ALL_UDF_TYPES, 'Function handles (createFunctionHandle)')],
  ['1.0/createServiceToken', unavailable(ACTIONS, 'Service tokens (the Convex cloud AI gateway)')],
  ['1.0/auditLog', unavailable(QUERY_AND_MUTATION, 'Audit logs')],
]);
