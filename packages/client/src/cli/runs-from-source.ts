/**
 * Whether the CLI runs from its TypeScript sources (inside the selfhost repository) rather than
 * from the built package. Then workspace packages resolve to their sources through the
 * `@selfhost/source` export condition — in Node and, so that apps in the repository can be
 * bundled without a build, in esbuild too.
 *
 * @example
 * ```ts
 * const conditions = RUNS_FROM_SOURCE ? ['@selfhost/source'] : [];
 * ```
 */
export const RUNS_FROM_SOURCE: boolean = import.meta.url.endsWith('.ts');
