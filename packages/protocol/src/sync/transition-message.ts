import * as v from 'valibot';
import { jsonValueSchema } from '../json-value.ts';
import { nullishAsUndefined } from '../nullish-as-undefined.ts';
import { stateVersionSchema } from './state-version.ts';
import { logLinesSchema, queryJournalSchema, u32Schema } from './wire-primitives.ts';

/**
 * Schema for a `QueryUpdated` modification: the new result of a subscribed query.
 *
 * @example
 * ```ts
 * const updated: QueryUpdated = { type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: null };
 * ```
 */
export const queryUpdatedSchema = v.object({
  type: v.literal('QueryUpdated'),
  queryId: u32Schema,
  value: jsonValueSchema,
  logLines: logLinesSchema,
  journal: queryJournalSchema,
});

/**
 * A `QueryUpdated` modification.
 *
 * @example
 * ```ts
 * const updated: QueryUpdated = { type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: null };
 * ```
 */
export type QueryUpdated = v.InferOutput<typeof queryUpdatedSchema>;

/**
 * Schema for a `QueryFailed` modification: the query threw; `errorData` is present when it threw
 * a `ConvexError`.
 *
 * @example
 * ```ts
 * const failed: QueryFailed = { type: 'QueryFailed', queryId: 0, errorMessage: 'boom', logLines: [], journal: null };
 * ```
 */
export const queryFailedSchema = v.object({
  type: v.literal('QueryFailed'),
  queryId: u32Schema,
  errorMessage: v.string(),
  logLines: logLinesSchema,
  journal: queryJournalSchema,
  errorData: v.optional(jsonValueSchema),
});

/**
 * A `QueryFailed` modification.
 *
 * @example
 * ```ts
 * const failed: QueryFailed = { type: 'QueryFailed', queryId: 0, errorMessage: 'boom', logLines: [], journal: null, errorData: { code: 1 } };
 * ```
 */
export type QueryFailed = v.InferOutput<typeof queryFailedSchema>;

/**
 * Schema for a `QueryRemoved` modification.
 *
 * @example
 * ```ts
 * const removed: QueryRemoved = { type: 'QueryRemoved', queryId: 0 };
 * ```
 */
export const queryRemovedSchema = v.object({
  type: v.literal('QueryRemoved'),
  queryId: u32Schema,
});

/**
 * A `QueryRemoved` modification.
 *
 * @example
 * ```ts
 * const removed: QueryRemoved = { type: 'QueryRemoved', queryId: 0 };
 * ```
 */
export type QueryRemoved = v.InferOutput<typeof queryRemovedSchema>;

/**
 * Schema for one change inside a Transition, told apart by `type`.
 *
 * @example
 * ```ts
 * v.parse(stateModificationSchema, { type: 'QueryRemoved', queryId: 2 });
 * ```
 */
export const stateModificationSchema = v.variant('type', [
  queryUpdatedSchema,
  queryFailedSchema,
  queryRemovedSchema,
]);

/**
 * One change inside a Transition.
 *
 * @example
 * ```ts
 * const modifications: StateModification[] = [{ type: 'QueryRemoved', queryId: 2 }];
 * ```
 */
export type StateModification = v.InferOutput<typeof stateModificationSchema>;

// The reference sends `null` when it has no value; the official client only checks for
// `undefined`, so we read null as absent and never send it.
const optionalNumber = nullishAsUndefined(v.number());

/**
 * Schema for `Transition` (spec §3.3–§3.4): moves the client from `startVersion` (which must
 * equal the previous `endVersion`) to `endVersion`. `clientClockSkew` is in ms, `serverTs` in ns.
 *
 * @example
 * ```ts
 * parseServerMessage(frame); // { type: 'Transition', startVersion: {…}, endVersion: {…}, modifications: […] }
 * ```
 */
export const transitionMessageSchema = v.object({
  type: v.literal('Transition'),
  startVersion: stateVersionSchema,
  endVersion: stateVersionSchema,
  modifications: v.array(stateModificationSchema),
  clientClockSkew: optionalNumber,
  serverTs: optionalNumber,
});

/**
 * A `Transition` message.
 *
 * @example
 * ```ts
 * const transition: TransitionMessage = {
 *   type: 'Transition',
 *   startVersion: { querySet: 0, identity: 0, ts: MIN_TIMESTAMP },
 *   endVersion: { querySet: 1, identity: 0, ts: commitTs },
 *   modifications: [{ type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: null }],
 * };
 * ```
 */
export type TransitionMessage = v.InferOutput<typeof transitionMessageSchema>;
