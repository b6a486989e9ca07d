import * as v from 'valibot';

/**
 * Wraps a field schema so that a missing field and `null` both read as `undefined` (and the
 * field is absent from the output type's required keys). For fields some senders fill with
 * `null` where others omit them.
 *
 * @internal
 * @example
 * ```ts
 * const schema = v.object({ sourceMap: nullishAsUndefined(v.string()) });
 * v.parse(schema, { sourceMap: null }); // { sourceMap: undefined }
 * ```
 */
export function nullishAsUndefined<TOutput>(schema: v.GenericSchema<unknown, TOutput>) {
  return v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value): TOutput | undefined => value ?? undefined),
    ),
  );
}
