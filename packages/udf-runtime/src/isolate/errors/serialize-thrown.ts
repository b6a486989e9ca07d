import type { SerializedUserError } from '../../bridge/driver-report.ts';
import { inspect } from '../../shared/inspect.ts';

const CONVEX_ERROR = Symbol.for('ConvexError');

function isConvexError(value: object): boolean {
  const record = value as Record<PropertyKey, unknown>;
  const marker = record['ConvexErrorSymbol'];
  if (typeof marker === 'symbol' && record[marker] === true) return true;
  return CONVEX_ERROR in value;
}

function stackOf(value: object): string | null {
  try {
    const stack: unknown = (value as { stack?: unknown }).stack;
    return typeof stack === 'string' ? stack : null;
  } catch {
    return null;
  }
}

function nameAndMessage(value: object): string {
  try {
    const record = value as { name?: unknown; message?: unknown };
    const name = typeof record.name === 'string' ? record.name : 'Error';
    const message = typeof record.message === 'string' ? record.message : '';
    return message === '' ? name : `${name}: ${message}`;
  } catch {
    return 'Error';
  }
}

function dataText(value: object): string | undefined {
  const data: unknown = (value as { data?: unknown }).data;
  if (typeof data === 'string') return data;
  try {
    // Thrown outside the library's wrapper (which stringifies the data itself).
    return JSON.stringify(data ?? null);
  } catch {
    return 'null';
  }
}

/**
 * Turns anything user code threw into the user-visible error: `Uncaught Error: boom` plus
 * the (source-mapped) stack, and a `ConvexError`'s data as Convex-JSON text.
 *
 * @example
 * ```ts
 * serializeThrown(new Error('boom')).message; // 'Uncaught Error: boom\n    at …'
 * ```
 * @internal
 */
export function serializeThrown(thrown: unknown): SerializedUserError {
  if (typeof thrown !== 'object' || thrown === null) {
    return { message: `Uncaught ${typeof thrown === 'string' ? thrown : inspect(thrown)}` };
  }
  const head = nameAndMessage(thrown);
  const stack = stackOf(thrown);
  const body = stack !== null && stack.startsWith(head) ? stack : stack !== null && stack.includes('\n    at ') ? `${head}${stack.slice(stack.indexOf('\n    at '))}` : head;
  const message = `Uncaught ${body}`;
  if (isConvexError(thrown)) {
    const data = dataText(thrown);
    return data === undefined ? { message } : { message, data };
  }
  return { message };
}
