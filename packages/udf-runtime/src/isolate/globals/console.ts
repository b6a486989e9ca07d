import type { LogLevel } from '../../bridge/log-level.ts';
import { formatConsoleArgs, inspect } from '../../shared/inspect.ts';
import { defineGlobal } from '../define-global.ts';
import { hostLog } from '../host.ts';
import { realTimeMs } from '../runtime-state.ts';
import { toDomString } from './to-dom-string.ts';

function emit(level: LogLevel, args: readonly unknown[]): void {
  hostLog(level, formatConsoleArgs(args));
}

function labelOf(label: unknown): string {
  return label === undefined ? 'default' : toDomString(label);
}

/**
 * Installs `console`: every call becomes one log line of the current execution, formatted
 * like the reference runtime (`console.log('hi')` → `[LOG] 'hi'`).
 *
 * @example
 * ```ts
 * installConsole();
 * console.log('hi');
 * ```
 * @internal
 */
export function installConsole(): void {
  const timers = new Map<string, number>();
  const counts = new Map<string, number>();
  const console = {
    log: (...args: unknown[]) => emit('LOG', args),
    info: (...args: unknown[]) => emit('INFO', args),
    warn: (...args: unknown[]) => emit('WARN', args),
    error: (...args: unknown[]) => emit('ERROR', args),
    debug: (...args: unknown[]) => emit('DEBUG', args),
    dir: (value: unknown) => emit('LOG', [value]),
    dirxml: (...args: unknown[]) => emit('LOG', args),
    table: (...args: unknown[]) => emit('LOG', args),
    group: (...args: unknown[]) => {
      if (args.length > 0) emit('LOG', args);
    },
    groupCollapsed: (...args: unknown[]) => {
      if (args.length > 0) emit('LOG', args);
    },
    groupEnd: () => undefined,
    trace: (...args: unknown[]) => {
      const stack = new Error().stack ?? '';
      const frames = stack.split('\n').slice(1).join('\n');
      hostLog('ERROR', `Trace${args.length > 0 ? `: ${formatConsoleArgs(args)}` : ''}${frames !== '' ? `\n${frames}` : ''}`);
    },
    assert: (condition?: unknown, ...args: unknown[]) => {
      if (condition) return;
      hostLog('ERROR', `Assertion failed${args.length > 0 ? `: ${formatConsoleArgs(args)}` : ''}`);
    },
    count: (label?: unknown) => {
      const key = labelOf(label);
      const next = (counts.get(key) ?? 0) + 1;
      counts.set(key, next);
      hostLog('INFO', `${key}: ${next}`);
    },
    countReset: (label?: unknown) => {
      counts.delete(labelOf(label));
    },
    time: (label?: unknown) => {
      const key = labelOf(label);
      if (timers.has(key)) {
        hostLog('WARN', `Timer '${key}' already exists`);
        return;
      }
      timers.set(key, realTimeMs());
    },
    timeLog: (label?: unknown, ...args: unknown[]) => {
      const key = labelOf(label);
      const started = timers.get(key);
      if (started === undefined) {
        hostLog('WARN', `Timer '${key}' does not exist`);
        return;
      }
      const extra = args.length > 0 ? ` ${args.map((arg) => inspect(arg)).join(' ')}` : '';
      hostLog('INFO', `${key}: ${realTimeMs() - started}ms${extra}`);
    },
    timeEnd: (label?: unknown) => {
      const key = labelOf(label);
      const started = timers.get(key);
      if (started === undefined) {
        hostLog('WARN', `Timer '${key}' does not exist`);
        return;
      }
      timers.delete(key);
      hostLog('INFO', `${key}: ${realTimeMs() - started}ms`);
    },
  };
  defineGlobal('console', console);
}
