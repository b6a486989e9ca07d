import { developerError } from '../errors/developer-error.ts';
import { canonicalUdfPath, parseUdfPath } from '../modules/udf-path.ts';
import type { SyscallArgs } from './syscall-args.ts';

/**
 * The canonical UDF path a nested call targets (compat spec §4.6). Only `name` is
 * supported: component references and function handles need components, which are not
 * built yet.
 *
 * @example
 * ```ts
 * targetPath({ name: 'messages:list' }); // 'messages:list'
 * ```
 * @internal
 */
export function targetPath(args: SyscallArgs): string {
  const name = args['name'];
  if (typeof name === 'string') return canonicalUdfPath(parseUdfPath(name));
  if (args['reference'] !== undefined) throw developerError('Calling functions by component reference is not supported yet: components are not built.');
  if (args['functionHandle'] !== undefined) throw developerError('Function handles are not supported yet: components are not built.');
  throw developerError('A function call needs the name of the function to call');
}
