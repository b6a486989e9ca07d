import { actionActionSyscall, actionMutationSyscall, actionQuerySyscall } from './action-syscalls.ts';
import { getSyscall, insertSyscall, patchSyscall, removeSyscall, replaceSyscall } from './document-syscalls.ts';
import {
  deploymentMetadataSyscall,
  functionMetadataSyscall,
  getUserIdentitySyscall,
  requestMetadataSyscall,
} from './metadata-syscalls.ts';
import {
  countSyscall,
  normalizeIdSyscall,
  queryCleanupSyscall,
  queryPageSyscall,
  queryStreamNextSyscall,
  queryStreamSyscall,
  transactionMetricsSyscall,
} from './query-syscalls.ts';
import { runUdfSyscall } from './run-udf-syscall.ts';
import type { SyscallHandler } from './syscall-handler.ts';
import { UNAVAILABLE_SYSCALLS } from './unavailable-syscalls.ts';
import { RUNTIME_OPS } from '../runtime-ops/runtime-ops.ts';

/**
 * Every syscall the runner serves, by operation name (compat spec §4.8), plus the runtime's
 * own operations (`$fetch`, …). Anything else is `Unknown operation <op>`.
 *
 * @example
 * ```ts
 * SYSCALLS.get('1.0/get')?.kind; // 'async'
 * ```
 * @internal
 */
export const SYSCALLS: ReadonlyMap<string, SyscallHandler> = new Map<string, SyscallHandler>([
  ['1.0/get', getSyscall],
  ['1.0/insert', insertSyscall],
  ['1.0/shallowMerge', patchSyscall],
  ['1.0/replace', replaceSyscall],
  ['1.0/remove', removeSyscall],
  ['1.0/queryStream', queryStreamSyscall],
  ['1.0/queryStreamNext', queryStreamNextSyscall],
  ['1.0/queryCleanup', queryCleanupSyscall],
  ['1.0/queryPage', queryPageSyscall],
  ['1.0/count', countSyscall],
  ['1.0/db/normalizeId', normalizeIdSyscall],
  ['1.0/getTransactionMetrics', transactionMetricsSyscall],
  ['1.0/runUdf', runUdfSyscall],
  ['1.0/actions/query', actionQuerySyscall],
  ['1.0/actions/mutation', actionMutationSyscall],
  ['1.0/actions/action', actionActionSyscall],
  ['1.0/getUserIdentity', getUserIdentitySyscall],
  ['1.0/getFunctionMetadata', functionMetadataSyscall],
  ['1.0/getDeploymentMetadata', deploymentMetadataSyscall],
  ['1.0/getRequestMetadata', requestMetadataSyscall],
  ...UNAVAILABLE_SYSCALLS,
  ...RUNTIME_OPS,
]);
