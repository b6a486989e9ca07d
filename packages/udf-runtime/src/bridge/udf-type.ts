/**
 * The kinds of function a runtime can execute. `httpAction` runs a request through the
 * `http.js` router.
 *
 * @example
 * ```ts
 * const kind: UdfType = 'query';
 * ```
 */
export type UdfType = 'query' | 'mutation' | 'action' | 'httpAction';

/**
 * The phase an isolate context is in: evaluating modules (`import`) or running one function.
 * It decides the determinism rules (seeded `Math.random`, frozen `Date.now`) and which APIs
 * are allowed.
 *
 * @example
 * ```ts
 * const phase: ExecutionPhase = 'import';
 * ```
 */
export type ExecutionPhase = 'import' | UdfType;
