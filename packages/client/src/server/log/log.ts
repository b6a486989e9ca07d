import { auditLog } from './audit-log.ts';
import { logVars } from './log-vars.ts';

/**
 * Structured logging for the backend: audit log entries and their placeholders.
 *
 * @example
 * ```ts
 * await log.audit({ action: 'login', ip: log.vars.ip });
 * ```
 */
export interface Log {
  /** Writes an audit log entry. */
  audit: typeof auditLog;
  /** Placeholders the backend fills in. */
  vars: typeof logVars;
}

/**
 * Structured logging for the backend.
 *
 * @example
 * ```ts
 * await log.audit({ action: 'login', at: log.vars.now });
 * ```
 */
export const log: Log = Object.freeze({ audit: auditLog, vars: logVars });
