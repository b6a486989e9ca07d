// The public surface of @selfhost/sync: a hand-written list (STYLE.md habit 1). Inside the
// package, import the concrete module instead (habit 2).

// The engine and its sessions
export {
  SyncEngine,
  type OpenSessionOptions,
  type SyncEngineOptions,
  type SyncStats,
} from './sync-engine.ts';
export { SyncSession, type SyncSessionState } from './sync-session.ts';
export { DEFAULT_SYNC_LIMITS, resolveSyncLimits, type SyncLimits } from './sync-limits.ts';
export { type Service } from './service.ts';

// The contract with the application (local-backend implements it)
export type {
  ActionOutcome,
  ActionRequest,
  AuthOutcome,
  MutationOutcome,
  MutationRequest,
  QueryOutcome,
  QueryRequest,
  SyncHost,
  SyncIdentity,
} from './sync-host.ts';
export type {
  SyncDatabase,
  SyncInvalidation,
  SyncReadSet,
  SyncReadSetCheck,
  SyncSubscription,
} from './sync-database.ts';
export type { SyncSocket, SyncSocketHandler, SyncUpgrade } from './sync-socket.ts';

// Errors
export { SyncError, closeActionOf, isSyncError } from './sync-error.ts';
export { SYNC_ERROR_CODES, type SyncCloseAction, type SyncErrorCode } from './sync-error-codes.ts';
