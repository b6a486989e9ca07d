/**
 * The callable a registered function is. Convex functions are not meant to be called directly —
 * the host invokes them through `invokeQuery` & co. — so calling one only warns and then runs
 * the handler, the way convex/server behaves.
 *
 * @example
 * ```ts
 * const callable = directCallGuard('query', handler);
 * ```
 */
export function directCallGuard(
  builderName: string,
  handler: (ctx: unknown, args: unknown) => unknown,
): (ctx: unknown, args: unknown) => unknown {
  return (ctx: unknown, args: unknown) => {
    globalThis.console.warn(
      'Convex functions should not call other Convex functions directly: ' +
        `\`export const foo = ${builderName}(...); await foo(ctx);\` is not supported. ` +
        'Move the shared code into a plain helper function and call that from both, ' +
        'or use ctx.runQuery / ctx.runMutation / ctx.runAction. ' +
        'See https://docs.convex.dev/production/best-practices/#use-helper-functions-to-write-shared-code',
    );
    return handler(ctx, args);
  };
}

/**
 * Logs an error when server functions are evaluated in a real browser: they may hold secrets and
 * belong in the backend only. Tests running under jsdom are not affected.
 *
 * @example
 * ```ts
 * warnIfInBrowser();
 * ```
 */
export function warnIfInBrowser(): void {
  const global = globalThis as { window?: { __convexAllowFunctionsInBrowser?: boolean } };
  if (global.window === undefined || global.window.__convexAllowFunctionsInBrowser) return;
  // A browser's `window` is an accessor implemented natively; jsdom's is plain JavaScript.
  const descriptor: { readonly get?: unknown } | undefined = Object.getOwnPropertyDescriptor(
    globalThis,
    'window',
  );
  const windowGetter = descriptor?.get;
  if (typeof windowGetter === 'function' && String(windowGetter).includes('[native code]')) {
    globalThis.console.error(
      'Convex functions should not be imported in the browser: keep server modules (convex/*.ts) out of client bundles.',
    );
  }
}
