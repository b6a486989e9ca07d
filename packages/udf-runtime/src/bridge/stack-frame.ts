/**
 * One stack frame as the isolate describes it to the host, which maps its position through
 * the module's source map and formats it.
 *
 * @example
 * ```ts
 * const frame: StackFrameData = { fn: 'handler', file: 'convex:/messages.js', line: 4, col: 11 };
 * ```
 */
export interface StackFrameData {
  readonly fn?: string | null;
  readonly method?: string | null;
  readonly type?: string | null;
  readonly file?: string | null;
  readonly line?: number | null;
  readonly col?: number | null;
  readonly async?: boolean;
  readonly ctor?: boolean;
  readonly native?: boolean;
  readonly top?: boolean;
  readonly promiseIndex?: number | null;
}

/**
 * The script origin prefix of pushed modules inside the isolate (`convex:/messages.js`).
 *
 * @example
 * ```ts
 * MODULE_ORIGIN_PREFIX + 'messages.js'; // 'convex:/messages.js'
 * ```
 */
export const MODULE_ORIGIN_PREFIX = 'convex:/';

/**
 * The script origin of the runtime itself; its frames never appear in user-visible stacks.
 *
 * @example
 * ```ts
 * RUNTIME_ORIGIN; // 'selfhost:/udf-runtime.js'
 * ```
 */
export const RUNTIME_ORIGIN = 'selfhost:/udf-runtime.js';
