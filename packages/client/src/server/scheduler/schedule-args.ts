import { convexToJson, type Value } from '@selfhost/values';
import { getFunctionAddress } from '../api/function-address.ts';
import { parseArgs } from '../args/parse-args.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';

/**
 * The syscall arguments of `scheduler.runAfter`: the target, the run time in (fractional) Unix
 * seconds, the arguments, and the library version.
 *
 * @example
 * ```ts
 * runAfterArgs(1000, internal.jobs.run, { n: 1 }); // { name: 'jobs:run', ts: …, args: { n: 1 }, version: '1.48.0' }
 * ```
 */
export function runAfterArgs(
  delayMs: number,
  functionReference: unknown,
  args: Record<string, Value> | undefined,
) {
  if (typeof delayMs !== 'number') throw new Error('`delayMs` must be a number of milliseconds.');
  if (!Number.isFinite(delayMs))
    throw new Error('`delayMs` must be a finite number of milliseconds.');
  if (delayMs < 0)
    throw new Error('`delayMs` must be non-negative: use 0 to run as soon as possible.');
  const functionArgs = parseArgs(args);
  const address = getFunctionAddress(functionReference);
  // The host takes seconds since the epoch; the API takes milliseconds.
  return {
    ...address,
    ts: (Date.now() + delayMs) / 1000,
    args: convexToJson(functionArgs),
    version: CONVEX_COMPAT_VERSION,
  };
}

/**
 * The syscall arguments of `scheduler.runAt`.
 *
 * @example
 * ```ts
 * runAtArgs(new Date('2030-01-01'), internal.jobs.run, {});
 * ```
 */
export function runAtArgs(
  timestamp: number | Date,
  functionReference: unknown,
  args: Record<string, Value> | undefined,
) {
  let ts: number;
  if (timestamp instanceof Date) ts = timestamp.valueOf() / 1000;
  else if (typeof timestamp === 'number') ts = timestamp / 1000;
  else
    throw new Error(
      'The time to run at must be a Date or a timestamp in milliseconds since the epoch.',
    );
  const address = getFunctionAddress(functionReference);
  const functionArgs = parseArgs(args);
  return { ...address, ts, args: convexToJson(functionArgs), version: CONVEX_COMPAT_VERSION };
}
