import type { DriverReport } from '../bridge/driver-report.ts';
import type { HostCallbacks, HostErrorPayload, HostUtilOp } from '../bridge/host-callbacks.ts';
import { decodeEnvelope } from '../bridge/envelope.ts';
import type { LogLevel } from '../bridge/log-level.ts';

let callbacks: HostCallbacks | undefined;

/**
 * Whether host callbacks may be called now. Contexts are prepared ahead of requests by
 * asynchronous isolated-vm calls that run on isolated-vm's worker threads; a host callback
 * made from there hops to the main thread while the isolate is unlocked, and a request's
 * synchronous call can then slip in and lose its microtask checkpoint (its promise
 * reactions never run). So while modules are imported nothing calls the host: console lines
 * are buffered (and flushed when the function starts), stacks stay unmapped, randomness is
 * the seeded stream.
 */
let hostReachable = false;
const bufferedLogs: { readonly level: LogLevel; readonly message: string }[] = [];
const MAX_BUFFERED_LOGS = 512;

/**
 * Allows or forbids host callbacks (forbidden while importing modules).
 *
 * @example
 * ```ts
 * setHostReachable(true);
 * ```
 * @internal
 */
export function setHostReachable(reachable: boolean): void {
  hostReachable = reachable;
  if (!reachable || callbacks === undefined || bufferedLogs.length === 0) return;
  for (const line of bufferedLogs.splice(0)) callbacks.log(line.level, JSON.stringify([line.message]));
}

/**
 * Whether host callbacks may be called now.
 *
 * @example
 * ```ts
 * if (isHostReachable()) hostUtil('mapStack', json);
 * ```
 * @internal
 */
export function isHostReachable(): boolean {
  return hostReachable;
}

/**
 * Keeps the host callbacks of this context in module scope, where user code cannot reach
 * them (they are removed from the global object before any module is evaluated).
 *
 * @example
 * ```ts
 * installHostCallbacks({ syscall, log, util, report });
 * ```
 * @internal
 */
export function installHostCallbacks(value: HostCallbacks): void {
  callbacks = value;
}

function host(): HostCallbacks {
  if (callbacks === undefined) throw new Error('The selfhost runtime is not set up');
  return callbacks;
}

/**
 * Builds the Error the isolate throws for a failed host call.
 *
 * @example
 * ```ts
 * throw errorFromHost({ message: 'Unknown operation 1.0/x' });
 * ```
 * @internal
 */
export function errorFromHost(payload: HostErrorPayload): Error {
  const error = payload.name === 'TypeError' ? new TypeError(payload.message) : new Error(payload.message);
  if (payload.data !== undefined) {
    // Nested-call rejections carry the ConvexError data as a parsed Convex-JSON value
    // (compat spec §4.2); the library re-throws it as a ConvexError.
    Object.defineProperty(error, 'data', { value: JSON.parse(payload.data) as unknown, enumerable: true });
  }
  return error;
}

/**
 * Runs a synchronous syscall on the host and returns its result JSON text, or throws.
 *
 * @example
 * ```ts
 * const json = hostSyscall('1.0/queryStream', '{"query":{}}');
 * ```
 * @internal
 */
export function hostSyscall(op: string, argsJson: string): string {
  if (!hostReachable) throw new Error(`Syscall ${op} unsupported at import time`);
  const result = decodeEnvelope(host().syscall(op, argsJson));
  if (!result.ok) throw errorFromHost(result.error);
  return result.json;
}

/**
 * Calls a host helper and returns its result JSON text, or throws.
 *
 * @example
 * ```ts
 * const url = JSON.parse(hostUtil('parseUrl', '{"input":"https://a.b/"}'));
 * ```
 * @internal
 */
export function hostUtil(op: HostUtilOp, argJson: string): string {
  if (!hostReachable) throw new Error(`${op} is not available while modules are imported`);
  const result = decodeEnvelope(host().util(op, argJson));
  if (!result.ok) throw errorFromHost(result.error);
  return result.json;
}

/**
 * Sends one console line to the host.
 *
 * @example
 * ```ts
 * hostLog('LOG', "'hi'");
 * ```
 * @internal
 */
export function hostLog(level: LogLevel, message: string): void {
  if (hostReachable) host().log(level, JSON.stringify([message]));
  else if (bufferedLogs.length < MAX_BUFFERED_LOGS) bufferedLogs.push({ level, message });
}

/**
 * Tells the host what the running function did (see `DriverReport`). Only called while a
 * function executes: the callers check {@link isHostReachable} or run in the execution phase.
 *
 * @example
 * ```ts
 * hostReport('done', '1');
 * ```
 * @internal
 */
// eslint-disable-next-line max-params -- mirrors HostCallbacks.report, the boundary ABI
export function hostReport(kind: DriverReport, first: string | number | null, second?: string, third?: string): void {
  host().report(kind, first, second, third);
}
