/**
 * Waits `ms`, or less when `signal` aborts first (it resolves either way: callers check the
 * signal themselves). Used between retries and polls, which Ctrl-C must cut short.
 *
 * @example
 * ```ts
 * await sleepUntilAborted(500, controller.signal);
 * if (controller.signal.aborted) return;
 * ```
 */
export async function sleepUntilAborted(ms: number, signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
