/**
 * An async function returning the JWT the client authenticates with, or `null`/`undefined` when
 * there is none (the user signed out). `forceRefreshToken` is `true` when the server rejected
 * the last token or it is about to expire, so a cached token will not do.
 *
 * @example
 * ```ts
 * const fetchToken: AuthTokenFetcher = async ({ forceRefreshToken }) => auth.getToken({ skipCache: forceRefreshToken });
 * client.setAuth(fetchToken);
 * ```
 */
export type AuthTokenFetcher = (args: {
  forceRefreshToken: boolean;
}) => Promise<string | null | undefined>;
