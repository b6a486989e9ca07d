import { encodeTimestamp, makeTimestamp } from '@selfhost/protocol';

// One commit makes every affected connection encode the same end timestamp, and the next
// Transition of each starts from it: memoize the last few encodings instead of base64-encoding
// twice per connection per commit.
const TS_CACHE_SIZE = 8;
const tsCache = new Map<bigint, string>();

/**
 * The u64b64 wire form of `ts`, memoized for the last few timestamps.
 *
 * @internal
 * @example
 * ```ts
 * encodeTimestampCached(0n); // 'AAAAAAAAAAA='
 * ```
 */
export function encodeTimestampCached(ts: bigint): string {
  let text = tsCache.get(ts);
  if (text === undefined) {
    text = encodeTimestamp(makeTimestamp(ts));
    if (tsCache.size >= TS_CACHE_SIZE) tsCache.delete(tsCache.keys().next().value!);
    tsCache.set(ts, text);
  }
  return text;
}

/**
 * The JSON text of a `StateVersion`, exactly as `encodeServerMessage` writes it.
 *
 * @internal
 * @example
 * ```ts
 * encodeStateVersionText({ querySet: 1, identity: 0, ts: 0n }); // '{"querySet":1,"identity":0,"ts":"AAAAAAAAAAA="}'
 * ```
 */
export function encodeStateVersionText(version: {
  readonly querySet: number;
  readonly identity: number;
  readonly ts: bigint;
}): string {
  return `{"querySet":${version.querySet},"identity":${version.identity},"ts":"${encodeTimestampCached(version.ts)}"}`;
}

let serverTsMs = -1;
let serverTsText = '';

/**
 * The `"serverTs"` field: now in nanoseconds (a JSON number), rendered once per millisecond.
 *
 * @internal
 * @example
 * ```ts
 * serverTsField(); // ',"serverTs":1724300000004000000'
 * ```
 */
export function serverTsField(): string {
  const now = Date.now();
  if (now !== serverTsMs) {
    serverTsMs = now;
    serverTsText = `,"serverTs":${JSON.stringify(now * 1_000_000)}`;
  }
  return serverTsText;
}

/**
 * Assembles a Transition from pre-encoded parts (`encodeTransitionFromParts` with the versions
 * and optional fields already rendered, so nothing is encoded twice across connections).
 *
 * @internal
 * @example
 * ```ts
 * transitionText({ start, end, modifications: [part], tail: ',"clientClockSkew":-3' + serverTsField() });
 * ```
 */
export function transitionText(parts: {
  readonly start: string;
  readonly end: string;
  readonly modifications: readonly string[];
  /** `,"clientClockSkew":…` and `,"serverTs":…`, or empty. */
  readonly tail: string;
}): string {
  return `{"type":"Transition","startVersion":${parts.start},"endVersion":${parts.end},"modifications":[${parts.modifications.join(',')}]${parts.tail}}`;
}
