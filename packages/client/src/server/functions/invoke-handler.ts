import { convexToJson, type Value } from '@selfhost/values';

const CONVEX_ERROR_SYMBOL = Symbol.for('ConvexError');

/**
 * Calls `handler(ctx, ...args)` and waits for it. A thrown `ConvexError` (recognised by its
 * registered symbol, so copies from other bundles count too) is prepared for the host before it
 * is rethrown (compat spec §4.3): its `data` becomes the JSON text of its Convex-JSON, and it gets
 * a `ConvexErrorSymbol` property holding the symbol.
 *
 * @example
 * ```ts
 * const result = await invokeHandler(handler, ctx, [{ id }]);
 * ```
 */
export async function invokeHandler<TCtx>(
  handler: (ctx: TCtx, ...args: unknown[]) => unknown,
  ctx: TCtx,
  args: readonly unknown[],
): Promise<unknown> {
  try {
    return await handler(ctx, ...args);
  } catch (thrown: unknown) {
    throw prepareForHost(thrown);
  }
}

function prepareForHost(thrown: unknown): unknown {
  if (typeof thrown !== 'object' || thrown === null || !(CONVEX_ERROR_SYMBOL in thrown))
    return thrown;
  const error = thrown as { data?: unknown; ConvexErrorSymbol?: symbol };
  error.data = JSON.stringify(
    convexToJson((error.data === undefined ? null : error.data) as Value),
  );
  error.ConvexErrorSymbol = CONVEX_ERROR_SYMBOL;
  return error;
}
