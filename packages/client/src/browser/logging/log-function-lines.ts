import { functionPrefix, type FunctionKind } from './function-kind.ts';
import type { Logger } from './logger.ts';

// Blue, readable on light and dark browser consoles.
const LOG_LINE_STYLE = 'color:rgb(0, 145, 255)';

/**
 * Prints the log lines a function produced (`"[LOG] 'hi'"`, spec §3.3) as
 * `[CONVEX Q(path)] [LOG] 'hi'`. A line without the `[LEVEL] ` prefix is reported as unparsable.
 *
 * @example
 * ```ts
 * logFunctionLines(logger, { kind: 'query', udfPath: 'messages:list' }, ["[LOG] 'hi'"]);
 * ```
 */
export function logFunctionLines(
  logger: Logger,
  source: { readonly kind: FunctionKind; readonly udfPath: string },
  lines: readonly string[],
): void {
  const prefix = functionPrefix(source.kind, source.udfPath);
  for (const line of lines) {
    const level = /^\[(.*?)\] /.exec(line);
    if (level === null) {
      logger.error(`${prefix} Could not parse console.log`);
      continue;
    }
    logger.log(`%c${prefix} [${level[1]}]`, LOG_LINE_STYLE, line.slice(level[0].length));
  }
}

/**
 * Prints a function's error message as `[CONVEX M(path)] <message>` on the error channel.
 *
 * @example
 * ```ts
 * logFunctionError(logger, { kind: 'mutation', udfPath: 'messages:send' }, 'Server Error');
 * ```
 */
export function logFunctionError(
  logger: Logger,
  source: { readonly kind: FunctionKind; readonly udfPath: string },
  message: string,
): void {
  logger.error(`${functionPrefix(source.kind, source.udfPath)} ${message}`);
}
