import path from 'node:path';
import type { Message } from 'esbuild';
import type { EsbuildApi } from '../cli-context.ts';
import { CliError } from '../errors/cli-error.ts';

/**
 * Whether `error` is esbuild's build failure (it carries `errors` and `warnings`).
 *
 * @example
 * ```ts
 * catch (error) { if (isBuildFailure(error)) … }
 * ```
 */
export function isBuildFailure(
  error: unknown,
): error is { errors: Message[]; warnings: Message[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { errors?: unknown }).errors) &&
    Array.isArray((error as { warnings?: unknown }).warnings)
  );
}

/**
 * A `bundle` error holding esbuild's messages as esbuild prints them (`file:line:column`, the
 * line of code, a caret), plus the official CLI's advice when a non-Node module uses Node APIs.
 *
 * @example
 * ```ts
 * throw await bundleError(esbuild, failure.errors, { platform: 'browser', cwd });
 * ```
 */
export async function bundleError(
  esbuild: EsbuildApi,
  errors: readonly Message[],
  context: { readonly platform: 'browser' | 'node'; readonly cwd: string },
): Promise<CliError> {
  const located = errors.map((message) =>
    message.location === null
      ? message
      : {
          ...message,
          location: {
            ...message.location,
            file: path.relative(context.cwd, path.resolve(context.cwd, message.location.file)),
          },
        },
  );
  const formatted = await esbuild.formatMessages(located, { kind: 'error', color: false });
  let text = `Bundling your functions failed, nothing was pushed:\n\n${formatted.join('').trimEnd()}`;
  const needsNode =
    context.platform === 'browser' &&
    errors.some((message) =>
      message.notes.some((note) => note.text.includes('Are you trying to bundle for node?')),
    );
  if (needsNode) {
    text +=
      '\n\nIt looks like you are using Node APIs from a file without the "use node" directive.\n' +
      'Move the actions that use Node.js APIs into a file that starts with "use node"; so they run in Node.js.';
  }
  return new CliError('bundle', text);
}
