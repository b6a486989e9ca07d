import * as v from 'valibot';
import { timestampWireSchema } from '../timestamp-wire.ts';
import { u32Schema } from './wire-primitives.ts';

/**
 * Schema for `StateVersion` (spec §3.4): the client's query-set version, identity version and
 * the snapshot timestamp at which every result it holds is valid (u64b64 on the wire, decoded to
 * a `Timestamp`).
 *
 * @example
 * ```ts
 * v.parse(stateVersionSchema, { querySet: 0, identity: 0, ts: 'AAAAAAAAAAA=' }); // { querySet: 0, identity: 0, ts: 0n }
 * ```
 */
export const stateVersionSchema = v.object({
  querySet: u32Schema,
  identity: u32Schema,
  ts: timestampWireSchema,
});

/**
 * A `StateVersion`. Each connection starts at `{ querySet: 0, identity: 0, ts: MIN_TIMESTAMP }`.
 *
 * @example
 * ```ts
 * const initial: StateVersion = { querySet: 0, identity: 0, ts: MIN_TIMESTAMP };
 * ```
 */
export type StateVersion = v.InferOutput<typeof stateVersionSchema>;
