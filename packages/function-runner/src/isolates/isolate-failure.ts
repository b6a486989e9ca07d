import type ivm from 'isolated-vm';

/**
 * How a call into an isolate failed:
 *
 * - `timeout`: the call ran out of its time budget (the context is unusable afterwards);
 * - `memory`: the isolate hit its heap limit and was disposed by isolated-vm;
 * - `script`: a JavaScript exception came out of the isolate (its message is user-visible).
 *
 * @example
 * ```ts
 * const failure: IsolateFailure = { kind: 'timeout' };
 * ```
 * @internal
 */
export type IsolateFailure =
  | { readonly kind: 'timeout' }
  | { readonly kind: 'memory' }
  | { readonly kind: 'script'; readonly message: string; readonly stack: string };

const BOUNDARY = '\n    at (<isolated-vm boundary>)';

/**
 * Classifies what an isolated-vm call threw. Stacks are cut at the isolate boundary, so no
 * host frame (or host file path) ever reaches a user-visible message.
 *
 * @example
 * ```ts
 * try { ref.applySync(undefined, [], { timeout: 10 }); } catch (error) { classifyIsolateFailure(error, isolate); }
 * ```
 * @internal
 */
export function classifyIsolateFailure(error: unknown, isolate: ivm.Isolate): IsolateFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'Script execution timed out.') return { kind: 'timeout' };
  if (isolate.isDisposed || message.includes('due to memory limit') || message.includes('Isolate is disposed') || message.includes('Isolated is disposed')) {
    return { kind: 'memory' };
  }
  const rawStack = error instanceof Error && typeof error.stack === 'string' ? error.stack : message;
  const cut = rawStack.indexOf(BOUNDARY);
  const stack = cut >= 0 ? rawStack.slice(0, cut) : rawStack.split('\n')[0] ?? message;
  return { kind: 'script', message, stack };
}
