/**
 * The claims of a JWT, read without checking its signature (the server checks it). Returns
 * `null` when `token` is not a JWT with a JSON object payload.
 *
 * @example
 * ```ts
 * decodeJwtClaims('eyJhbGciOiJub25lIn0.eyJleHAiOjF9.'); // { exp: 1 }
 * decodeJwtClaims('nope'); // null
 * ```
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
