import { type ProtocolErrorCode } from '../error-codes.ts';
import { ProtocolError } from '../protocol-error.ts';

/**
 * The label an error message starts with: the message's own `type` when it is one of `known`,
 * else `fallback` (e.g. `ClientMessage`), so errors read `ModifyQuerySet.modifications[0]…`.
 * Throws (with `code`) when `json` is not an object at all: valibot would read an array's
 * missing `type` and blame the wrong thing.
 *
 * @internal
 * @example
 * ```ts
 * messageLabel({ type: 'Mutation' }, { known: new Set(['Mutation']), fallback: 'ClientMessage', code: 'WSMessageInvalidJson' }); // 'Mutation'
 * ```
 */
export function messageLabel(
  json: unknown,
  options: {
    readonly known: ReadonlySet<string>;
    readonly fallback: string;
    readonly code: ProtocolErrorCode;
  },
): string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const received =
      json === null
        ? 'null'
        : Array.isArray(json)
          ? 'an array'
          : typeof json === 'number' || typeof json === 'boolean'
            ? String(json)
            : `a ${typeof json}`;
    throw new ProtocolError(
      options.code,
      `${options.fallback}: expected an object, received ${received}`,
    );
  }
  const type = (json as { type?: unknown }).type;
  return typeof type === 'string' && options.known.has(type) ? type : options.fallback;
}
