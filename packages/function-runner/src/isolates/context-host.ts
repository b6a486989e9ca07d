import { randomBytes } from 'node:crypto';
import { errorEnvelope, LOG_LEVELS, okEnvelope, type DriverReport, type HostUtilOp, type LogLevel, type StackFrameData } from '@selfhost/udf-runtime';
import type { ExecutionSink } from '../execution/execution-sink.ts';
import type { ModuleSet } from '../modules/module-set.ts';
import { formatStackFrames } from '../source-maps/format-stack-frames.ts';

const MAX_RANDOM_BYTES = 65_536;

interface PendingLog {
  readonly level: LogLevel;
  readonly messages: readonly string[];
  readonly timestamp: number;
}

function parseMessages(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.map((part) => (typeof part === 'string' ? part : String(part)));
}

/**
 * The host end of one context: the callbacks installed in it route to the execution that is
 * attached (console lines written before that, while modules are imported in advance, are
 * kept and handed over on attach). Everything that crosses is a string or a number.
 *
 * @example
 * ```ts
 * const host = new ContextHost(modules);
 * host.attach(sink);
 * ```
 * @internal
 */
export class ContextHost {
  readonly #modules: ModuleSet;
  #sink: ExecutionSink | null = null;
  #pendingLogs: PendingLog[] = [];

  constructor(modules: ModuleSet) {
    this.#modules = modules;
  }

  /** Routes this context's syscalls and console lines to an execution. */
  attach(sink: ExecutionSink): void {
    this.#sink = sink;
    for (const line of this.#pendingLogs) sink.log(line.level, line.messages);
    this.#pendingLogs = [];
  }

  /** Detaches the execution (the context is about to be disposed). */
  detach(): void {
    this.#sink = null;
  }

  /** `HostCallbacks.syscall`. */
  readonly syscall = (op: unknown, argsJson: unknown): string => {
    if (typeof op !== 'string' || typeof argsJson !== 'string') return errorEnvelope({ message: 'Invalid syscall', name: 'TypeError' });
    if (this.#sink === null) return errorEnvelope({ message: "Can't use database at import time" });
    return this.#sink.syscall(op, argsJson);
  };

  /** `HostCallbacks.log`. */
  readonly log = (level: unknown, messagesJson: unknown): void => {
    if (typeof level !== 'string' || typeof messagesJson !== 'string') return;
    const knownLevel = LOG_LEVELS.find((candidate) => candidate === level) ?? 'LOG';
    let messages: string[];
    try {
      messages = parseMessages(messagesJson);
    } catch {
      return;
    }
    if (this.#sink !== null) this.#sink.log(knownLevel, messages);
    else if (this.#pendingLogs.length < 1_000) this.#pendingLogs.push({ level: knownLevel, messages, timestamp: Date.now() });
  };

  /** `HostCallbacks.report`: the runtime only reports while a function executes. */
  // eslint-disable-next-line max-params -- the isolate boundary ABI: positional primitives cross without allocating an object per report
  readonly report = (kind: unknown, first: unknown, second: unknown, third: unknown): void => {
    if (this.#sink === null || typeof kind !== 'string') return;
    this.#sink.report(kind as DriverReport, first, second, third);
  };

  /** `HostCallbacks.util`. */
  readonly util = (op: unknown, argJson: unknown): string => {
    if (typeof argJson !== 'string') return errorEnvelope({ message: 'Invalid host call', name: 'TypeError' });
    try {
      switch (op as HostUtilOp) {
        case 'randomBytes': {
          const length = Number(JSON.parse(argJson));
          if (!Number.isInteger(length) || length < 0 || length > MAX_RANDOM_BYTES) {
            return errorEnvelope({ message: `Random byte count must be between 0 and ${MAX_RANDOM_BYTES}` });
          }
          return okEnvelope(JSON.stringify(randomBytes(length).toString('base64')));
        }
        case 'mapStack': {
          const frames = JSON.parse(argJson) as StackFrameData[];
          return okEnvelope(JSON.stringify(formatStackFrames(Array.isArray(frames) ? frames : [], this.#modules)));
        }
        default:
          return errorEnvelope({ message: `Unknown host helper ${String(op)}` });
      }
    } catch (error) {
      const name = error instanceof TypeError ? 'TypeError' : 'Error';
      return errorEnvelope({ message: error instanceof Error ? error.message : 'Host helper failed', name });
    }
  };
}
