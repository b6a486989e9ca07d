import { stringifyValueForError } from '../value/stringify-value-for-error.ts';
import type { Value } from '../value/value.ts';

/**
 * The marker that identifies a `ConvexError`, also across realms and copies of this package:
 * `error[CONVEX_ERROR_MARKER] === true`.
 *
 * @example
 * ```ts
 * new ConvexError('x')[CONVEX_ERROR_MARKER]; // true
 * ```
 */
export const CONVEX_ERROR_MARKER: unique symbol = Symbol.for(
  'ConvexError',
) as typeof CONVEX_ERROR_MARKER;

/**
 * An error that carries a Convex value (`data`) from a function to its caller: thrown by user
 * code, its `data` travels to the client as `errorData` and is rethrown there as a
 * `ConvexError` with the same data. Same shape as `ConvexError` of `convex/values`: `name` is
 * `"ConvexError"`, the message is `data` itself if it is a string, else its JSON-like rendering.
 *
 * (`name` and `data` are plain mutable fields, not `readonly`, to keep the official shape.)
 *
 * @example
 * ```ts
 * throw new ConvexError({ code: 'NOT_FOUND', id });
 * ```
 */
export class ConvexError<TData extends Value> extends Error {
  override name = 'ConvexError';
  data: TData;
  [CONVEX_ERROR_MARKER] = true;

  constructor(data: TData) {
    super(typeof data === 'string' ? data : stringifyValueForError(data));
    this.data = data;
  }
}
