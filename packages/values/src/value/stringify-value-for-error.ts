const MAX_LENGTH = 16_384;
const TRUNCATED = '[...truncated]';

/**
 * Renders any JavaScript value as JSON-like text for an error message, the way `convex/values`
 * does it (so `ConvexError` messages match): `undefined` → `"undefined"`, bigints → `"5n"`,
 * functions → `"[Function]"`, symbols by their description; text over 16 384 characters is cut.
 *
 * @example
 * ```ts
 * stringifyValueForError({ n: 5n, u: undefined }); // '{"n":"5n","u":"undefined"}'
 * ```
 */
export function stringifyValueForError(value: unknown): string {
  const text =
    JSON.stringify(value, (_key, item: unknown) => {
      if (item === undefined) return 'undefined';
      if (typeof item === 'function') return '[Function]';
      if (typeof item === 'symbol') return item.toString();
      if (typeof item === 'bigint') return `${item.toString()}n`;
      return item;
    }) ?? 'undefined';
  if (text.length <= MAX_LENGTH) return text;
  let cut = MAX_LENGTH - TRUNCATED.length;
  // Do not split a surrogate pair.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + TRUNCATED;
}
