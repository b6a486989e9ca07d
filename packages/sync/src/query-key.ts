/**
 * The parts that decide whether two subscriptions can share one result (semantics §1.6): the
 * function, its arguments (as sent), the identity's cache key, the journal and the component.
 *
 * @example
 * ```ts
 * const parts: QueryKeyParts = { udfPath: 'messages:list', argsJson: '{}', identityKey: 'none', journal: null, componentPath: undefined };
 * ```
 */
export interface QueryKeyParts {
  readonly udfPath: string;
  readonly argsJson: string;
  readonly identityKey: string;
  readonly journal: string | null;
  readonly componentPath: string | undefined;
}

/**
 * The query cache key: equal keys mean equal results at any one timestamp.
 *
 * @example
 * ```ts
 * queryKeyOf({ udfPath: 'messages:list', argsJson: '{}', identityKey: 'none', journal: null, componentPath: undefined });
 * ```
 */
export function queryKeyOf(parts: QueryKeyParts): string {
  // The small fields as a JSON array are self-delimiting, so the args text can follow as is.
  const head = JSON.stringify([
    parts.componentPath ?? null,
    parts.udfPath,
    parts.identityKey,
    parts.journal,
  ]);
  return head + parts.argsJson;
}
