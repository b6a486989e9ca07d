import { isProtocolError, parseHttpBody } from '@selfhost/protocol';
import { CliError } from '../errors/cli-error.ts';

/**
 * Validates a backend answer with its `@selfhost/protocol` schema; a mismatch is a `server`
 * error naming the field, since the backend does not speak the protocol this CLI expects.
 *
 * @example
 * ```ts
 * const hashes = parseAnswer(getConfigHashesResponseSchema, json, 'POST /api/get_config_hashes');
 * ```
 */
export function parseAnswer<TSchema extends Parameters<typeof parseHttpBody>[0]>(
  schema: TSchema,
  json: unknown,
  what: string,
): ReturnType<typeof parseHttpBody<TSchema>> {
  try {
    return parseHttpBody(schema, json, `answer of ${what}`);
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    throw new CliError(
      'server',
      `Unexpected ${error.message}. Is the backend the version this CLI expects?`,
      { cause: error },
    );
  }
}
