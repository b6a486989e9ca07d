import type { Timestamp } from '@selfhost/protocol';
import type { FunctionResult } from './function-result.ts';
import type { QueryToken } from './query-token.ts';

/**
 * How one query changed in a {@link Transition}: a new result (`undefined` when an optimistic
 * update made it look loading) or removal.
 *
 * @example
 * ```ts
 * const change: QueryModification = { kind: 'Updated', result: { success: true, value: 1, logLines: [] } };
 * ```
 */
export type QueryModification =
  { kind: 'Updated'; result: FunctionResult | undefined } | { kind: 'Removed' };

/**
 * What changed for the UI, from a server Transition or a local optimistic update: the queries
 * whose visible result changed and the mutations now fully reflected.
 *
 * @example
 * ```ts
 * client.addOnTransitionHandler((transition) => console.log(transition.queries.length));
 * ```
 */
export type Transition = {
  queries: Array<{ token: QueryToken; modification: QueryModification }>;
  reflectedMutations: Array<{ requestId: number; result: FunctionResult }>;
  timestamp: Timestamp;
};
