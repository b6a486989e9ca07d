/**
 * The failures the runner reports by throwing (system failures: never the function's fault).
 * Developer errors are not thrown: they are the `error` outcome of a run.
 *
 * | code | meaning | HTTP |
 * | --- | --- | --- |
 * | `INTERNAL` | a bug or an unexpected host failure | 500 |
 * | `DATABASE` | the database failed while serving a syscall | 500 |
 * | `OVERLOADED` | no isolate became free in time | 503 |
 * | `STOPPED` | the runner or deployment was stopped | 503 |
 * | `NODE_EXECUTOR` | the `"use node"` worker process failed to start | 500 |
 * | `DEVELOPER` | internal only: a syscall refused the function's request; it becomes the function's error and is never thrown out of a run | 400 |
 *
 * @example
 * ```ts
 * const code: FunctionRunnerErrorCode = 'OVERLOADED';
 * ```
 */
export type FunctionRunnerErrorCode = 'INTERNAL' | 'DATABASE' | 'OVERLOADED' | 'STOPPED' | 'NODE_EXECUTOR' | 'DEVELOPER';

/**
 * The HTTP status each code maps to.
 *
 * @example
 * ```ts
 * FUNCTION_RUNNER_HTTP_STATUS.OVERLOADED; // 503
 * ```
 */
export const FUNCTION_RUNNER_HTTP_STATUS: Readonly<Record<FunctionRunnerErrorCode, number>> = Object.freeze({
  INTERNAL: 500,
  DATABASE: 500,
  OVERLOADED: 503,
  STOPPED: 503,
  NODE_EXECUTOR: 500,
  DEVELOPER: 400,
});
