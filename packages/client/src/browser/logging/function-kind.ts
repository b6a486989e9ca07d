/**
 * Which kind of function a log line or error came from; `any` is used by the admin-only
 * `function` call whose kind the client does not know.
 *
 * @example
 * ```ts
 * const kind: FunctionKind = 'mutation';
 * ```
 */
export type FunctionKind = 'query' | 'mutation' | 'action' | 'any';

const PREFIXES: Record<FunctionKind, string> = { query: 'Q', mutation: 'M', action: 'A', any: '?' };

/**
 * The `[CONVEX Q(path)]` prefix of every line the clients print about a function (spec §5.4).
 *
 * @example
 * ```ts
 * functionPrefix('query', 'messages:list'); // '[CONVEX Q(messages:list)]'
 * ```
 */
export function functionPrefix(kind: FunctionKind, udfPath: string): string {
  return `[CONVEX ${PREFIXES[kind]}(${udfPath})]`;
}
