import type { ValuesErrorCode } from '../errors/values-error-codes.ts';
import { ValuesError } from '../errors/values-error.ts';
import { formatValuePath, type PathSegment } from './value-path.ts';

/**
 * An error found deep inside a value, before its path is known. Each enclosing array or object
 * adds its step while the error travels up (so the happy path never builds paths), and the entry
 * point turns it into a {@link ValuesError} with {@link toValuesError}.
 *
 * @internal
 * @example
 * ```ts
 * try { walk(child); } catch (error) { throw withSegment(error, index); }
 * ```
 */
export class PathError extends Error {
  readonly code: ValuesErrorCode;
  /** The steps from the failing spot up to the root, innermost first. */
  readonly reversedSegments: PathSegment[] = [];

  constructor(code: ValuesErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** The path from the root to the failing spot. */
  path(root: string): string {
    return formatValuePath([...this.reversedSegments].reverse(), root);
  }
}

/**
 * Adds `segment` to a {@link PathError} on its way up and returns it; anything else is returned
 * untouched.
 *
 * @internal
 * @example
 * ```ts
 * try { walk(value[key]); } catch (error) { throw withSegment(error, key); }
 * ```
 */
export function withSegment(error: unknown, segment: PathSegment): unknown {
  if (error instanceof PathError) error.reversedSegments.push(segment);
  return error;
}

/**
 * Turns a {@link PathError} into a {@link ValuesError} whose message is `describe(path, message)`;
 * other errors are returned untouched.
 *
 * @internal
 * @example
 * ```ts
 * catch (error) { throw toValuesError(error, '', (path, message) => `Bad value at ${path}: ${message}`); }
 * ```
 */
export function toValuesError(
  error: unknown,
  root: string,
  describe: (path: string, message: string) => string,
): unknown {
  if (!(error instanceof PathError)) return error;
  const path = error.path(root);
  return new ValuesError(error.code, describe(path, error.message), { path });
}
