/**
 * The message a failed nested call passes to its caller: the callee's error without its
 * stack and without the `Uncaught <Name>: ` prefix, so the caller's own error reads
 * `Uncaught Error: boom` with the caller's frames, not `Uncaught Error: Uncaught Error: …`.
 * Host errors (`ArgumentValidationError: …`) pass unchanged.
 *
 * @example
 * ```ts
 * nestedErrorMessage('Uncaught Error: boom\n    at handler (../convex/a.ts:1:1)'); // 'boom'
 * ```
 * @internal
 */
export function nestedErrorMessage(errorMessage: string): string {
  const withoutStack = errorMessage
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n');
  if (!withoutStack.startsWith('Uncaught ')) return withoutStack;
  const rest = withoutStack.slice('Uncaught '.length);
  const named = /^[A-Za-z_$][\w$]*: /.exec(rest);
  return named === null ? rest : rest.slice(named[0].length);
}
