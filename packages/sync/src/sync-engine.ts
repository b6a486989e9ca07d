import {
  clientVersionFromSyncPath,
  parseConvexClientHeader,
  type ClientVersion,
} from '@selfhost/protocol';
import { FlushScheduler } from './flush-scheduler.ts';
import { QueryCache } from './query-cache.ts';
import { type Service } from './service.ts';
import { type SyncHost } from './sync-host.ts';
import { resolveSyncLimits, type SyncLimits } from './sync-limits.ts';
import { SyncSession, type SessionContext } from './sync-session.ts';
import { type SyncSocket, type SyncSocketHandler, type SyncUpgrade } from './sync-socket.ts';

/**
 * Options of a {@link SyncEngine}.
 *
 * @example
 * ```ts
 * const options: SyncEngineOptions = { host, limits: { maxQueuedMutations: 100 } };
 * ```
 */
export interface SyncEngineOptions {
  readonly host: SyncHost;
  readonly limits?: Partial<SyncLimits> | undefined;
}

/**
 * Counters for tests, metrics and benchmarks.
 *
 * @example
 * ```ts
 * engine.stats.queryExecutions; // how many times a query function ran
 * ```
 */
export interface SyncStats {
  /** Open sessions. */
  readonly sessions: number;
  /** Shared queries (subscribed or idle). */
  readonly cachedQueries: number;
  /** Shared queries nobody subscribes to, kept for reuse. */
  readonly idleQueries: number;
  /** Query executions requested from the host since the engine started. */
  readonly queryExecutions: number;
}

/**
 * Options of {@link SyncEngine.openSession}.
 *
 * @example
 * ```ts
 * engine.openSession(socket, { clientVersion: { client: 'npm', version: '1.45.0' } });
 * ```
 */
export interface OpenSessionOptions {
  /** Who connects (from the sync path or `Convex-Client`); gates `TransitionChunk`. */
  readonly clientVersion?: ClientVersion | undefined;
}

/**
 * The sync engine: every sync WebSocket session of one deployment, sharing one query cache
 * (identical subscriptions evaluate once per commit, their result encoded once) and one flush
 * scheduler. Embed it with a {@link SyncHost}, hand it each `/api/<version>/sync` connection,
 * and call {@link SyncEngine.invalidateAll} when code or environment variables change.
 *
 * @example
 * ```ts
 * const engine = new SyncEngine({ host });
 * void engine.run();
 * // in the transport's upgrade hook:
 * return isSyncPath(request.path) ? engine.handlerFor(request) : null;
 * // on shutdown:
 * await engine.stop();
 * ```
 */
export class SyncEngine implements Service {
  readonly name = 'sync';
  readonly #host: SyncHost;
  readonly #limits: SyncLimits;
  readonly #cache: QueryCache;
  readonly #scheduler = new FlushScheduler();
  readonly #sessions = new Set<SyncSession>();
  /** Shared by every session. */
  readonly #context: SessionContext;
  readonly #stopped: Promise<void>;
  #resolveStopped: () => void = () => {};
  #executions = 0;
  #stopping = false;

  constructor(options: SyncEngineOptions) {
    this.#host = options.host;
    this.#limits = resolveSyncLimits(options.limits);
    this.#cache = new QueryCache(
      {
        database: options.host.database,
        run: (request, ts) => this.#host.runQuery(request, ts),
        onExecute: () => {
          this.#executions++;
        },
      },
      this.#limits.idleQueryCacheBytes,
    );
    this.#context = {
      host: this.#host,
      cache: this.#cache,
      scheduler: this.#scheduler,
      limits: this.#limits,
      onClosed: (closed) => this.#sessions.delete(closed),
    };
    this.#stopped = new Promise((resolve) => {
      this.#resolveStopped = resolve;
    });
  }

  /** The limits in force. */
  get limits(): SyncLimits {
    return this.#limits;
  }

  /** Counters (sessions, shared queries, executions). */
  get stats(): SyncStats {
    return {
      sessions: this.#sessions.size,
      cachedQueries: this.#cache.size,
      idleQueries: this.#cache.idleCount,
      queryExecutions: this.#executions,
    };
  }

  /**
   * Starts a session on an open socket. Feed it with `handleMessage`, `handleActivity`,
   * `handleDrain` and `handleClose`.
   */
  openSession(socket: SyncSocket, options: OpenSessionOptions = {}): SyncSession {
    const session = new SyncSession(socket, this.#context, options.clientVersion);
    this.#sessions.add(session);
    if (this.#stopping) session.shutdown();
    return session;
  }

  /**
   * A socket handler for one upgrade request (same shape as local-backend's `SocketHandler`):
   * reads the client version from the path (`/api/1.45.0/sync`) or the `Convex-Client` header.
   */
  handlerFor(upgrade: SyncUpgrade): SyncSocketHandler {
    return new SessionSocketHandler(this, clientVersionOf(upgrade));
  }

  /**
   * Every query result becomes invalid (code push, environment variable change): every
   * subscribed query re-runs and clients get what changed.
   */
  invalidateAll(): void {
    this.#cache.invalidateAll();
  }

  /** Resolves once {@link SyncEngine.stop} was called. */
  run(): Promise<void> {
    return this.#stopped;
  }

  /** Closes every session (1001 `ServerShutdown`); new ones are closed at once. */
  stop(): Promise<void> {
    this.#stopping = true;
    for (const session of [...this.#sessions]) session.shutdown();
    this.#resolveStopped();
    return Promise.resolve();
  }
}

function clientVersionOf(upgrade: SyncUpgrade): ClientVersion | undefined {
  const fromPath = clientVersionFromSyncPath(upgrade.path);
  if (fromPath !== undefined) return fromPath;
  const header = upgrade.header('convex-client');
  if (header === undefined) return undefined;
  try {
    return parseConvexClientHeader(header);
  } catch {
    return undefined;
  }
}

/**
 * The handler of one upgraded connection: one small object per socket (no closures), which
 * matters at tens of thousands of idle connections.
 */
class SessionSocketHandler implements SyncSocketHandler {
  readonly #engine: SyncEngine;
  readonly #clientVersion: ClientVersion | undefined;
  #session: SyncSession | null = null;

  constructor(engine: SyncEngine, clientVersion: ClientVersion | undefined) {
    this.#engine = engine;
    this.#clientVersion = clientVersion;
  }

  onOpen(socket: SyncSocket): void {
    this.#session = this.#engine.openSession(socket, { clientVersion: this.#clientVersion });
  }

  onMessage(_socket: SyncSocket, text: string): void {
    this.#session?.handleMessage(text);
  }

  onClose(): void {
    this.#session?.handleClose();
    this.#session = null;
  }

  onDrain(): void {
    this.#session?.handleDrain();
  }

  onActivity(): void {
    this.#session?.handleActivity();
  }
}
