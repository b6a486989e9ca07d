import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import { logVarNames, type LogVar } from './log-vars.ts';

/**
 * A value in an audit log body: JSON, plus {@link LogVar} placeholders.
 *
 * @example
 * ```ts
 * const value: AuditLogValue = { ip: log.vars.ip, tags: ['a'] };
 * ```
 */
export type AuditLogValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | LogVar
  | AuditLogValue[]
  | { [key: string]: AuditLogValue };

/**
 * The body of one audit log entry.
 *
 * @example
 * ```ts
 * const body: AuditLogBody = { action: 'delete', id };
 * ```
 */
export type AuditLogBody = { [key: string]: AuditLogValue };

type WireValue =
  null | undefined | boolean | number | string | WireValue[] | { [key: string]: WireValue };

function checkKey(key: string): void {
  if (key.startsWith('$'))
    throw new Error(`Audit log body keys must not start with "$": "${key}". Rename the field.`);
}

function toWire(value: AuditLogValue): WireValue {
  if (typeof value === 'symbol') {
    const name = logVarNames[value];
    if (name === undefined)
      throw new Error(`Unknown audit var symbol: ${String(value)}. Use one of \`log.vars\`.`);
    return { $var: name };
  }
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toWire);
  return objectToWire(value);
}

function objectToWire(body: { [key: string]: AuditLogValue }): { [key: string]: WireValue } {
  const result: { [key: string]: WireValue } = {};
  for (const [key, value] of Object.entries(body)) {
    checkKey(key);
    result[key] = toWire(value);
  }
  return result;
}

/**
 * Writes an audit log entry (`1.0/auditLog`). Placeholders from `log.vars` are sent as
 * `{"$var": name}` for the backend to fill in.
 *
 * @example
 * ```ts
 * await auditLog({ action: 'export', requestId: log.vars.requestId });
 * ```
 */
export async function auditLog(body: AuditLogBody): Promise<void> {
  await performAsyncSyscall('1.0/auditLog', {
    body: objectToWire(body),
    version: CONVEX_COMPAT_VERSION,
  });
}
