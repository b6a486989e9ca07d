const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * One step into a value: an array index or an object field name.
 *
 * @example
 * ```ts
 * const steps: PathSegment[] = ['messages', 3, '$integer'];
 * ```
 */
export type PathSegment = string | number;

/**
 * Writes a path into a value the way JavaScript would: `.field` for plain field names,
 * `["odd name"]` for others, `[3]` for array indexes, after an optional `root` label.
 *
 * @example
 * ```ts
 * formatValuePath(['messages', 3, '$integer'], 'args[0]'); // 'args[0].messages[3].$integer'
 * formatValuePath(['a b']); // '["a b"]'
 * ```
 */
export function formatValuePath(segments: readonly PathSegment[], root = ''): string {
  let out = root;
  for (const segment of segments) out += formatSegment(segment);
  return out;
}

/**
 * One {@link PathSegment} as {@link formatValuePath} writes it.
 *
 * @example
 * ```ts
 * formatSegment(2); // '[2]'
 * formatSegment('name'); // '.name'
 * ```
 */
export function formatSegment(segment: PathSegment): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return PLAIN_KEY.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}
