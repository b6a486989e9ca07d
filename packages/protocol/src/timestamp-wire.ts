import * as v from 'valibot';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { isProtocolError, ProtocolError } from './protocol-error.ts';
import { makeTimestamp, type Timestamp } from './timestamp.ts';

/**
 * Encodes a timestamp in its "u64b64" wire form: standard padded base64 of the 8-byte
 * little-endian u64 (spec §1.9). Used by `StateVersion.ts`, `MutationResponse.ts`,
 * `Connect.maxObservedTimestamp` and the HTTP `query_ts`/`query_at_ts` bodies.
 *
 * @example
 * ```ts
 * encodeTimestamp(MIN_TIMESTAMP); // 'AAAAAAAAAAA='
 * encodeTimestamp(makeTimestamp(1n)); // 'AQAAAAAAAAA='
 * ```
 */
export function encodeTimestamp(ts: Timestamp): string {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, ts, true);
  return encodeBase64(bytes);
}

/**
 * Decodes a "u64b64" string into a {@link Timestamp}. Throws a `ProtocolError` with code
 * `InvalidTimestamp` when the text is not standard padded base64, does not hold exactly 8
 * bytes, or holds a value above i64 max.
 *
 * @example
 * ```ts
 * decodeTimestamp('AAAAAAAAAAA='); // 0n
 * decodeTimestamp('AAAA'); // throws: expected 8 bytes, decoded 3
 * ```
 */
export function decodeTimestamp(text: string): Timestamp {
  const bytes = decodeBase64(text);
  if (bytes === undefined) throw invalid(text, 'not standard padded base64');
  if (bytes.length !== 8) throw invalid(text, `expected 8 bytes, decoded ${bytes.length}`);
  const value = new DataView(bytes.buffer).getBigUint64(0, true);
  try {
    return makeTimestamp(value);
  } catch (cause) {
    throw invalid(text, `value ${value} is larger than the maximum timestamp (i64 max)`, cause);
  }
}

function invalid(text: string, why: string, cause?: unknown): ProtocolError {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return new ProtocolError('InvalidTimestamp', `invalid u64b64 timestamp ${shown}: ${why}`, {
    cause,
  });
}

/**
 * Schema for a u64b64 timestamp string; its output is the decoded {@link Timestamp}.
 *
 * @example
 * ```ts
 * v.parse(timestampWireSchema, 'AAAAAAAAAAA='); // 0n
 * ```
 */
export const timestampWireSchema = v.pipe(
  v.string(),
  v.rawTransform<string, Timestamp>(({ dataset, addIssue, NEVER }) => {
    try {
      return decodeTimestamp(dataset.value);
    } catch (error) {
      addIssue({ message: isProtocolError(error) ? error.message : String(error) });
      return NEVER;
    }
  }),
);
