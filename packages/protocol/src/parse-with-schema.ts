import * as v from 'valibot';
import { type ProtocolErrorCode } from './error-codes.ts';
import { ProtocolError } from './protocol-error.ts';
import { describeIssue, formatPath, issuePath } from './schema-issue.ts';

/**
 * Validates `input` against `schema`; on failure throws a {@link ProtocolError} with `code`
 * whose message reads `<label>.<path>: <what is wrong>`, e.g.
 * `ModifyQuerySet.modifications[0].queryId: expected a number, received "x"`.
 *
 * @internal
 * @example
 * ```ts
 * const message = parseWithSchema(connectMessageSchema, json, { code: 'WSMessageInvalidJson', label: 'Connect' });
 * ```
 */
export function parseWithSchema<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  options: { readonly code: ProtocolErrorCode; readonly label: string },
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue);
  throw new ProtocolError(
    options.code,
    `${options.label}${formatPath(path)}: ${describeIssue(issue)}`,
    { path },
  );
}
