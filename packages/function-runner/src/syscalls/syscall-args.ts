import type { JSONValue } from '@selfhost/values';
import { developerError } from '../errors/developer-error.ts';

/**
 * The parsed arguments of a syscall (a JSON object).
 *
 * @example
 * ```ts
 * const args: SyscallArgs = { id: 'j57…', isSystem: false };
 * ```
 * @internal
 */
export type SyscallArgs = { readonly [key: string]: JSONValue | undefined };

/**
 * A required string argument, or a developer error naming the syscall.
 *
 * @example
 * ```ts
 * const table = stringArg(args, 'table', '1.0/insert');
 * ```
 * @internal
 */
export function stringArg(args: SyscallArgs, name: string, op: string): string {
  const value = args[name];
  if (typeof value !== 'string') throw developerError(`Invalid argument \`${name}\` for \`${op}\`: expected a string`);
  return value;
}

/**
 * An optional string argument.
 *
 * @example
 * ```ts
 * const table = optionalStringArg(args, 'table', '1.0/get');
 * ```
 * @internal
 */
export function optionalStringArg(args: SyscallArgs, name: string, op: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw developerError(`Invalid argument \`${name}\` for \`${op}\`: expected a string`);
  return value;
}

/**
 * A required object argument (a document value).
 *
 * @example
 * ```ts
 * const value = objectArg(args, 'value', '1.0/insert');
 * ```
 * @internal
 */
export function objectArg(args: SyscallArgs, name: string, op: string): { readonly [key: string]: JSONValue } {
  const value = args[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw developerError(`Invalid argument \`${name}\` for \`${op}\`: expected an object`);
  }
  return value;
}

/**
 * A required finite number argument.
 *
 * @example
 * ```ts
 * const queryId = numberArg(args, 'queryId', '1.0/queryStreamNext');
 * ```
 * @internal
 */
export function numberArg(args: SyscallArgs, name: string, op: string): number {
  const value = args[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw developerError(`Invalid argument \`${name}\` for \`${op}\`: expected a number`);
  return value;
}

/**
 * Parses the JSON arguments of a syscall into an object.
 *
 * @example
 * ```ts
 * parseSyscallArgs('{"id":"x"}', '1.0/get'); // { id: 'x' }
 * ```
 * @internal
 */
export function parseSyscallArgs(json: string, op: string): SyscallArgs {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw developerError(`Invalid arguments for \`${op}\`: not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw developerError(`Invalid arguments for \`${op}\`: expected an object`);
  return parsed as SyscallArgs;
}
