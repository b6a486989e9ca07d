import { canonicalizeUdfPath } from '@selfhost/protocol';
import { convexToJson, type Value } from '@selfhost/values';

/**
 * A string that names one query subscription: its canonical function path plus its arguments.
 * Clients key their caches and listeners by it. Its text is not stable across versions.
 *
 * @example
 * ```ts
 * const { queryToken } = client.subscribe('messages:list', {});
 * ```
 */
export type QueryToken = string & { __queryToken: true };

/**
 * The {@link QueryToken} of a function path and arguments object. Paths are canonicalized first,
 * so `messages.js:list` and `messages:list` give the same token.
 *
 * @example
 * ```ts
 * queryTokenOf('messages:list', { channel: 'a' });
 * ```
 */
export function queryTokenOf(udfPath: string, args: Record<string, Value>): QueryToken {
  return JSON.stringify({
    udfPath: canonicalizeUdfPath(udfPath),
    args: convexToJson(args),
  }) as QueryToken;
}
