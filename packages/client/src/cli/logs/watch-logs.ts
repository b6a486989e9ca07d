import { functionExecutionSchema, type FunctionExecution } from '@selfhost/protocol';
import type { CliContext } from '../cli-context.ts';
import { CliError, isCliError } from '../errors/cli-error.ts';
import type { DeploymentClient } from '../http/deployment-client.ts';
import { parseAnswer } from '../http/parse-answer.ts';
import { formatLogEntry } from './format-log-entry.ts';
import { sleepUntilAborted } from '../http/sleep-until-aborted.ts';

/**
 * What `logs` (and `dev` unless `--tail-logs disable`) prints and how.
 *
 * @example
 * ```ts
 * const options: WatchLogsOptions = { history: 10, success: false, jsonl: false, write: (line) => reporter.output(line) };
 * ```
 */
export interface WatchLogsOptions {
  /** Entries from before the start to print too: a count, or `true` for all the backend keeps. */
  readonly history: number | boolean;
  readonly success: boolean;
  /** Print each execution as one JSON line, as received. */
  readonly jsonl: boolean;
  readonly write: (line: string) => void;
  readonly formatTime?: (ms: number) => string;
}

/**
 * Streams function logs until `ctx.signal` aborts: long-polls
 * `GET /api/stream_function_logs?cursor=<n>` (compat spec §2.5); the first call, with cursor 0,
 * only finds the head (its entries print only with `history`). Network failures are retried
 * with backoff; a refused admin key stops it.
 *
 * @example
 * ```ts
 * await watchLogs(ctx, client, { history: 0, success: false, jsonl: false, write: (line) => ctx.reporter.output(line) });
 * ```
 */
export async function watchLogs(
  ctx: CliContext,
  client: DeploymentClient,
  options: WatchLogsOptions,
): Promise<void> {
  let cursor = 0;
  let first = true;
  let failures = 0;
  const formatTime = options.formatTime ?? ((ms: number) => new Date(ms).toLocaleString());
  while (!ctx.signal.aborted) {
    let answer: { entries: unknown[]; newCursor: number };
    try {
      answer = parseEnvelope(await client.get(`/api/stream_function_logs?cursor=${cursor}`));
      failures = 0;
    } catch (error) {
      if (ctx.signal.aborted) return;
      if (isCliError(error) && error.code === 'auth') throw error;
      failures++;
      if (failures > 5)
        ctx.reporter.warn(`Failed to fetch logs (${(error as Error).message}); retrying.`);
      await sleepUntilAborted(Math.min(500 * 2 ** failures, 16_000), ctx.signal);
      continue;
    }
    cursor = answer.newCursor;
    let entries = answer.entries;
    if (first) {
      first = false;
      entries =
        options.history === true
          ? entries
          : options.history === false || options.history <= 0
            ? []
            : entries.slice(-options.history);
    }
    for (const raw of entries) {
      if (options.jsonl) {
        options.write(JSON.stringify(raw));
        continue;
      }
      const entry = parseEntry(raw);
      if (entry === undefined) continue;
      for (const line of formatLogEntry(entry, {
        success: options.success,
        reporter: ctx.reporter,
        formatTime,
      }))
        options.write(line);
    }
  }
}

/** The answer's envelope; entries are checked one by one, so that one odd entry is skipped, not fatal. */
function parseEnvelope(json: unknown): { entries: unknown[]; newCursor: number } {
  const answer = json as { entries?: unknown; newCursor?: unknown } | null;
  if (
    answer === null ||
    typeof answer !== 'object' ||
    !Array.isArray(answer.entries) ||
    typeof answer.newCursor !== 'number'
  ) {
    throw new CliError(
      'server',
      'Unexpected answer of GET /api/stream_function_logs: expected { entries, newCursor }.',
    );
  }
  return { entries: answer.entries, newCursor: answer.newCursor };
}

/**
 * An execution with the fields printing needs. The full schema is tried first; an entry that
 * fails it only for fields the CLI does not print (usage statistics, …) is still shown, as the
 * official CLI, which does not validate log entries, would show it.
 */
function parseEntry(raw: unknown): FunctionExecution | undefined {
  try {
    return parseAnswer(functionExecutionSchema, raw, 'GET /api/stream_function_logs');
  } catch {
    const entry = raw as Partial<Record<keyof FunctionExecution, unknown>> | null;
    const printable =
      entry !== null &&
      typeof entry === 'object' &&
      (entry.kind === 'Completion' || entry.kind === 'Progress') &&
      typeof entry.udfType === 'string' &&
      typeof entry.identifier === 'string' &&
      typeof entry.timestamp === 'number' &&
      Array.isArray(entry.logLines);
    return printable ? (raw as FunctionExecution) : undefined;
  }
}
