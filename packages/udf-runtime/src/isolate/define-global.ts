/**
 * Installs a global the way browsers do: writable, configurable, not enumerable.
 *
 * @example
 * ```ts
 * defineGlobal('self', globalThis);
 * ```
 * @internal
 */
export function defineGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Removes a global the engine provides (for example V8's inert `console`).
 *
 * @example
 * ```ts
 * deleteGlobal('console');
 * ```
 * @internal
 */
export function deleteGlobal(name: string): void {
  Reflect.deleteProperty(globalThis, name);
}

