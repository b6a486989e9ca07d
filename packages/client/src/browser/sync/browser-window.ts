/**
 * The slice of `window` the clients use (online/beforeunload listeners).
 *
 * @example
 * ```ts
 * browserWindow()?.addEventListener('online', reconnect);
 * ```
 */
export type BrowserWindow = {
  addEventListener(type: string, listener: (event: BeforeUnloadLike) => unknown): void;
  removeEventListener(type: string, listener: (event: BeforeUnloadLike) => unknown): void;
};

/** The parts of a `beforeunload` event the unsaved-changes prompt touches. @example event.preventDefault(); */
export type BeforeUnloadLike = { preventDefault(): void; returnValue?: unknown };

/**
 * `window` when running in a browser that has event listeners (React Native has a `window`
 * without them), else `undefined`.
 *
 * @example
 * ```ts
 * if (browserWindow() === undefined) console.log('not a browser');
 * ```
 */
export function browserWindow(): BrowserWindow | undefined {
  const candidate = (globalThis as { window?: unknown }).window;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const { addEventListener, removeEventListener } = candidate as Partial<BrowserWindow>;
  return typeof addEventListener === 'function' && typeof removeEventListener === 'function'
    ? (candidate as BrowserWindow)
    : undefined;
}
