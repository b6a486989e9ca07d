// Oracle tests: the official `convex` client's own codec (its internal
// browser/sync/protocol.ts, loaded from the published ESM build) against ours.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  clientMessageArb,
  serverMessageArb,
  timestampArb,
  udfPathArb,
} from '../test-support/arbitraries.ts';
import {
  bigIntToLong,
  loadOfficialLong,
  longToBigInt,
  loadOfficialProtocol,
  loadOfficialUdfPathUtils,
  type OfficialLong,
  type OfficialLongClass,
  type OfficialProtocol,
  type OfficialUdfPathUtils,
} from '../test-support/official-convex.ts';
import { canonicalizeUdfPath } from '../udf-path.ts';
import { decodeTimestamp, encodeTimestamp } from '../timestamp-wire.ts';
import { parseClientMessage, type ClientMessage } from './client-message.ts';
import { encodeServerMessage, type ServerMessage } from './server-message.ts';

let official: OfficialProtocol;
let Long: OfficialLongClass;
let udfPathUtils: OfficialUdfPathUtils;

beforeAll(async () => {
  official = await loadOfficialProtocol();
  Long = await loadOfficialLong();
  udfPathUtils = await loadOfficialUdfPathUtils();
});

/** Our decoded client message in the official client's in-memory form (timestamps as Long). */
function toOfficialClientMessage(message: ClientMessage): unknown {
  if (message.type === 'Connect' && message.maxObservedTimestamp !== undefined) {
    return { ...message, maxObservedTimestamp: bigIntToLong(Long, message.maxObservedTimestamp) };
  }
  return message;
}

/** The official client's parsed server message, with its Longs written as bigints. */
function fromOfficialServerMessage(parsed: Record<string, unknown>): unknown {
  const toBigInt = (long: unknown) => longToBigInt(long as OfficialLong);
  if (parsed.type === 'Transition') {
    const start = parsed.startVersion as Record<string, unknown>;
    const end = parsed.endVersion as Record<string, unknown>;
    return {
      ...parsed,
      startVersion: { ...start, ts: toBigInt(start.ts) },
      endVersion: { ...end, ts: toBigInt(end.ts) },
    };
  }
  if (parsed.type === 'MutationResponse' && parsed.success === true)
    return { ...parsed, ts: toBigInt(parsed.ts) };
  return parsed;
}

describe('against the official convex client codec', () => {
  test('timestamps: our u64b64 is the official longToU64 and decodes its output', () => {
    fc.assert(
      fc.property(timestampArb, (ts) => {
        const officialText = official.longToU64(bigIntToLong(Long, ts));
        expect(encodeTimestamp(ts)).toBe(officialText);
        expect(decodeTimestamp(officialText)).toBe(ts);
        expect(longToBigInt(official.u64ToLong(encodeTimestamp(ts)))).toBe(ts);
      }),
      { numRuns: 1000 },
    );
  });

  test('every client message the official encoder writes parses back to the same message', () => {
    fc.assert(
      fc.property(clientMessageArb, (message) => {
        const wire = JSON.stringify(official.encodeClientMessage(toOfficialClientMessage(message)));
        expect(parseClientMessage(wire)).toEqual(message);
      }),
      { numRuns: 500 },
    );
  });

  test('every server message we encode is read by the official parser as the same message', () => {
    fc.assert(
      fc.property(serverMessageArb, (message: ServerMessage) => {
        const parsed = official.parseServerMessage(JSON.parse(encodeServerMessage(message)));
        const expected =
          message.type === 'MutationResponse' && !message.success
            ? { ...message, ts: null }
            : message;
        expect(fromOfficialServerMessage(parsed)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('canonicalizeUdfPath agrees with the official client', () => {
    const pathArb = fc.oneof(
      udfPathArb,
      udfPathArb.map((path) => path.replace(':', '.js:')),
      udfPathArb.map((path) => path.split(':')[0]!),
      fc.string(),
    );
    fc.assert(
      fc.property(pathArb, (path) => {
        expect(canonicalizeUdfPath(path)).toBe(udfPathUtils.canonicalizeUdfPath(path));
      }),
      { numRuns: 1000 },
    );
  });
});
