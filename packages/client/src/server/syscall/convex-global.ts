/**
 * The three hooks a Convex host installs as `globalThis.Convex` before it runs user code
 * (compat spec §4.2).
 *
 * @example
 * ```ts
 * const host: ConvexGlobal = {
 *   syscall: (op, json) => '{}',
 *   asyncSyscall: async (op, json) => '{}',
 *   jsSyscall: (op, args) => undefined,
 * };
 * ```
 */
export interface ConvexGlobal {
  /** Synchronous syscall: JSON text in, JSON text out. */
  readonly syscall: (op: string, jsonArgs: string) => string;
  /** Asynchronous syscall: JSON text in, a promise of JSON text out. */
  readonly asyncSyscall: (op: string, jsonArgs: string) => Promise<string>;
  /** Host helpers that take and return live JS objects (requests, responses, blobs). */
  readonly jsSyscall: (op: string, args: Record<string, unknown>) => unknown;
}

const OUTSIDE_BACKEND =
  'The Convex database and auth objects are being used outside of a Convex backend. ' +
  'Did you mean to use `useQuery` or `useMutation` to call a Convex function?';

/**
 * Returns the host hook `name` of `globalThis.Convex`, or throws the error that tells the
 * developer they are running server code outside a backend (for example in a browser bundle).
 *
 * @example
 * ```ts
 * const result = convexHook('syscall')('1.0/db/normalizeId', '{"table":"users","idString":"x"}');
 * ```
 */
export function convexHook<TName extends keyof ConvexGlobal>(name: TName): ConvexGlobal[TName] {
  // Read through globalThis on every call: the host may install the global after this module
  // has been evaluated (modules are imported before any function runs).
  const host = (globalThis as { Convex?: Partial<ConvexGlobal> }).Convex;
  const hook = host?.[name];
  if (hook === undefined) throw new Error(OUTSIDE_BACKEND);
  return hook;
}
