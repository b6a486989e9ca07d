import type { Value } from '../value/value.ts';
import { CONVEX_ERROR_MARKER, type ConvexError } from './convex-error.ts';

/**
 * Whether `error` is a `ConvexError`, judged by its marker (`Symbol.for("ConvexError")`) rather
 * than `instanceof`, so that errors made by another copy of the library or in another realm (the
 * user's isolate) are recognised too.
 *
 * @example
 * ```ts
 * if (isConvexError(error)) reportData(error.data);
 * ```
 */
export function isConvexError(error: unknown): error is ConvexError<Value> {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [CONVEX_ERROR_MARKER]?: unknown })[CONVEX_ERROR_MARKER] === true
  );
}
