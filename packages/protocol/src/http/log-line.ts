import * as v from 'valibot';
import { nullishAsUndefined } from '../nullish-as-undefined.ts';

/**
 * Schema for a console log level.
 *
 * @example
 * ```ts
 * v.parse(logLevelSchema, 'WARN');
 * ```
 */
export const logLevelSchema = v.picklist(['LOG', 'DEBUG', 'INFO', 'WARN', 'ERROR']);

/**
 * A console log level.
 *
 * @example
 * ```ts
 * const level: LogLevel = 'ERROR';
 * ```
 */
export type LogLevel = v.InferOutput<typeof logLevelSchema>;

/**
 * Schema for a structured log line, the form `stream_function_logs` sends to `npm-cli-*` and
 * `dashboard-*` clients. `messages` are the formatted console arguments; `timestamp` is in ms.
 *
 * @example
 * ```ts
 * const line: StructuredLogLine = { messages: ["'hi'"], level: 'LOG', timestamp: 1724300000000, isTruncated: false, systemMetadata: null };
 * ```
 */
export const structuredLogLineSchema = v.object({
  messages: v.array(v.string()),
  level: logLevelSchema,
  timestamp: v.number(),
  isTruncated: v.boolean(),
  systemMetadata: v.optional(v.nullable(v.object({ code: v.string() })), null),
  componentPath: nullishAsUndefined(v.string()),
  udfPath: nullishAsUndefined(v.string()),
});

/**
 * A structured log line.
 *
 * @example
 * ```ts
 * const line: StructuredLogLine = { messages: ['1'], level: 'INFO', timestamp: 0, isTruncated: false, systemMetadata: null };
 * ```
 */
export type StructuredLogLine = v.InferOutput<typeof structuredLogLineSchema>;

/**
 * Schema for a log line in `stream_function_logs`: structured for the CLI and dashboard, the
 * string form `"[LOG] 'hi'"` for every other client.
 *
 * @example
 * ```ts
 * v.parse(functionLogLineSchema, "[LOG] 'hi'");
 * ```
 */
export const functionLogLineSchema = v.union([v.string(), structuredLogLineSchema]);

/**
 * A log line in `stream_function_logs`.
 *
 * @example
 * ```ts
 * const lines: FunctionLogLine[] = ["[LOG] 'hi'"];
 * ```
 */
export type FunctionLogLine = v.InferOutput<typeof functionLogLineSchema>;
