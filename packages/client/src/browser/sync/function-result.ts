import type { Value } from '@selfhost/values';

/**
 * A function that returned: its value and the log lines it printed.
 *
 * @example
 * ```ts
 * const ok: FunctionSuccess = { success: true, value: 1, logLines: [] };
 * ```
 */
export type FunctionSuccess = { success: true; value: Value; logLines: string[] };

/**
 * A function that threw: the server's message, the `ConvexError` data if any, and its log lines.
 *
 * @example
 * ```ts
 * const failed: FunctionFailure = { success: false, errorMessage: 'boom', logLines: [] };
 * ```
 */
export type FunctionFailure = {
  success: false;
  errorMessage: string;
  errorData?: Value | undefined;
  logLines: string[];
};

/**
 * The outcome of running a Convex function on the server.
 *
 * @example
 * ```ts
 * function show(result: FunctionResult) { return result.success ? result.value : result.errorMessage; }
 * ```
 */
export type FunctionResult = FunctionSuccess | FunctionFailure;
