import * as v from 'valibot';
import { u32Schema } from './wire-primitives.ts';

/**
 * Schema for `TransitionChunk`: one part of a Transition too large for one frame (npm clients
 * ≥ 1.28.0 only). The parts' `chunk`s, joined in order, are the Transition's JSON text.
 *
 * @example
 * ```ts
 * const chunk: TransitionChunkMessage = { type: 'TransitionChunk', chunk: '{"type":"Tr', partNumber: 0, totalParts: 3, transitionId: 't1' };
 * ```
 */
export const transitionChunkMessageSchema = v.object({
  type: v.literal('TransitionChunk'),
  chunk: v.string(),
  partNumber: u32Schema,
  totalParts: u32Schema,
  transitionId: v.string(),
});

/**
 * A `TransitionChunk` message.
 *
 * @example
 * ```ts
 * const chunk: TransitionChunkMessage = { type: 'TransitionChunk', chunk: '"}', partNumber: 2, totalParts: 3, transitionId: 't1' };
 * ```
 */
export type TransitionChunkMessage = v.InferOutput<typeof transitionChunkMessageSchema>;
