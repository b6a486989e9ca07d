/**
 * The property under which a function reference carries its function path
 * (`"dir/module:export"`). It is a registered symbol, so references made by another copy of this
 * library — or by the official `convex` package — are understood too.
 *
 * @example
 * ```ts
 * const path = (reference as Record<symbol, unknown>)[functionName];
 * ```
 */
export const functionName: symbol = Symbol.for('functionName');

/**
 * The property under which a component function reference carries its reference path
 * (`"_reference/…"`, compat spec §4.6).
 *
 * @example
 * ```ts
 * const path = (reference as Record<symbol, unknown>)[toReferencePath];
 * ```
 */
export const toReferencePath: symbol = Symbol.for('toReferencePath');
