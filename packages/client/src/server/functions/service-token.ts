import { checkArgPresent } from '../args/check-arg.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';

/**
 * A platform-managed service an action can call.
 *
 * @example
 * ```ts
 * const service: ServiceName = 'ai-gateway';
 * ```
 */
export type ServiceName = 'ai-gateway';

/**
 * A short-lived bearer token for a platform-managed service (`1.0/createServiceToken`). Actions
 * only; a self-hosted backend without the service answers with an error.
 *
 * @example
 * ```ts
 * const token = await getServiceToken('ai-gateway');
 * ```
 */
export async function getServiceToken(service: ServiceName): Promise<string> {
  checkArgPresent(service, { position: 1, method: 'getServiceToken', argName: 'service' });
  return (await performAsyncSyscall('1.0/createServiceToken', {
    service,
    version: CONVEX_COMPAT_VERSION,
  })) as string;
}

/**
 * The base URL of a platform-managed service (`1.0/getServiceUrl`). Actions only.
 *
 * @example
 * ```ts
 * const url = await getServiceUrl('ai-gateway');
 * ```
 */
export async function getServiceUrl(service: ServiceName): Promise<string> {
  checkArgPresent(service, { position: 1, method: 'getServiceUrl', argName: 'service' });
  return (await performAsyncSyscall('1.0/getServiceUrl', {
    service,
    version: CONVEX_COMPAT_VERSION,
  })) as string;
}
