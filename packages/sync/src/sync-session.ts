import {
  canonicalizeUdfPath,
  encodeServerMessage,
  parseClientMessage,
  splitTransition,
  supportsTransitionChunks,
  type ActionMessage,
  type AuthenticateMessage,
  type ClientMessage,
  type ClientVersion,
  type ConnectMessage,
  type ModifyQuerySetMessage,
  type MutationMessage,
} from '@selfhost/protocol';
import { randomUUID } from 'node:crypto';
import { ClientView, type ViewVersion } from './client-view.ts';
import { type FlushScheduler, type Flushable } from './flush-scheduler.ts';
import { Keepalive } from './keepalive.ts';
import { Outbox } from './outbox.ts';
import { type QueryCache } from './query-cache.ts';
import { type QueryResult } from './query-result.ts';
import { SerialQueue } from './serial-queue.ts';
import { encodeActionResponse, encodeMutationResponse, PING_FRAME } from './server-frames.ts';
import { SessionQuerySet, type SessionQuery } from './session-query-set.ts';
import { isOutOfRetention } from './sync-database.ts';
import { closeActionOf, SyncError } from './sync-error.ts';
import { type SyncHost, type SyncIdentity } from './sync-host.ts';
import { type SyncLimits } from './sync-limits.ts';
import { type SyncSocket } from './sync-socket.ts';
import { serverTsField } from './transition-text.ts';

/**
 * What a session shares with the rest of the engine.
 *
 * @internal
 * @example
 * ```ts
 * const context: SessionContext = { host, cache, scheduler, limits, onClosed: (s) => sessions.delete(s) };
 * ```
 */
export interface SessionContext {
  readonly host: SyncHost;
  readonly cache: QueryCache;
  readonly scheduler: FlushScheduler;
  readonly limits: SyncLimits;
  onClosed(session: SyncSession): void;
}

/**
 * Where a session is in its life: waiting for `Connect`, serving, or ended.
 *
 * @example
 * ```ts
 * if (session.state === 'closed') sessions.delete(session);
 * ```
 */
export type SyncSessionState = 'awaiting-connect' | 'connected' | 'closed';

interface MutationJob {
  readonly message: MutationMessage;
  readonly identity: SyncIdentity;
}

const MAX_REASON_LENGTH = 120;

/**
 * One sync WebSocket connection (compat §3): parses and checks every client message, keeps the
 * client's query set on shared cached queries, runs its mutations one at a time and its actions
 * concurrently, and sends one chain of Transitions, each a consistent snapshot at its
 * `endVersion.ts`. Made by `SyncEngine.openSession`; the transport feeds it frames and events.
 *
 * Ordering guarantees: a successful `MutationResponse` (commit ts C) is always followed by a
 * Transition reaching C, and no Transition at C or later goes out before it (while a mutation
 * runs, Transitions are capped at the timestamp that was latest when it started).
 *
 * @example
 * ```ts
 * const session = engine.openSession(socket, { clientVersion });
 * ws.on('message', (data) => session.handleMessage(String(data)));
 * ws.on('close', () => session.handleClose());
 * ```
 */
export class SyncSession implements Flushable {
  readonly #socket: SyncSocket;
  readonly #context: SessionContext;
  /** From the `/api/<version>/sync` path; gates `TransitionChunk`. */
  readonly #clientVersion: ClientVersion | undefined;
  readonly #queries: SessionQuerySet;
  readonly #outbox: Outbox;
  readonly #keepalive: Keepalive;
  readonly #mutations: SerialQueue<MutationJob>;
  readonly #view = new ClientView();
  readonly #markDirty = (): void => this.#requestFlush();
  #state: SyncSessionState = 'awaiting-connect';
  #sessionId: string | null = null;
  /** `,"clientClockSkew":<ms>` once `Connect` had a `clientTs`. */
  #clockSkewField = '';
  #identity: SyncIdentity;
  #receivedQuerySet = 0;
  #receivedIdentity = 0;
  /** While a mutation runs: Transitions stay at or below this ts. */
  #tsCap: bigint | null = null;
  #flushState: 'idle' | 'scheduled' | 'running' = 'idle';
  #dirty = false;
  #actionsInFlight = 0;
  /** Frames that arrived while an `Authenticate` was being checked. */
  #inbox: string[] | null = null;

  /** @internal Use `SyncEngine.openSession`. */
  constructor(
    socket: SyncSocket,
    context: SessionContext,
    clientVersion: ClientVersion | undefined,
  ) {
    this.#socket = socket;
    this.#context = context;
    this.#clientVersion = clientVersion;
    const { host, limits } = context;
    this.#identity = host.anonymousIdentity;
    this.#queries = new SessionQuerySet(context.cache, this.#markDirty, this.#identity);
    this.#keepalive = new Keepalive({
      heartbeatMs: limits.heartbeatMs,
      inactivityTimeoutMs: limits.inactivityTimeoutMs,
      sendPing: () => {
        if (this.#outbox.isEmpty) this.#outbox.push([PING_FRAME], false);
      },
      pingFrame: () => socket.ping(),
      onTimeout: () =>
        this.#end(
          new SyncError('ClientInactive', 'Nothing received from the client for too long.'),
        ),
    });
    this.#outbox = new Outbox(socket, {
      highWaterBytes: limits.socketHighWaterBytes,
      maxBytes: limits.maxOutboxBytes,
      onSent: () => this.#keepalive.noteSent(),
      onTransitionSent: () => this.#maybeSchedule(),
      onOverflow: () =>
        this.#end(
          new SyncError('SlowClient', 'The client does not read its messages fast enough.'),
        ),
    });
    this.#mutations = new SerialQueue((job) => this.#runMutation(job));
    this.#keepalive.start();
  }

  /** Where the session is in its life. */
  get state(): SyncSessionState {
    return this.#state;
  }

  /** The client's session id (from `Connect`), or null before it. */
  get sessionId(): string | null {
    return this.#sessionId;
  }

  /** Number of queries in the client's query set. */
  get queryCount(): number {
    return this.#queries.size;
  }

  /** One text frame from the client. */
  handleMessage(text: string): void {
    if (this.#state === 'closed') return;
    this.#keepalive.noteReceived();
    if (this.#inbox !== null) this.#inbox.push(text);
    else this.#process(text);
  }

  /** Any frame or pong arrived. */
  handleActivity(): void {
    this.#keepalive.noteReceived();
  }

  /** The socket's outbound buffer drained. */
  handleDrain(): void {
    this.#outbox.pump();
  }

  /** The socket closed (by either side); everything the session holds is released. */
  handleClose(): void {
    this.#dispose();
  }

  /** Closes the connection as the server shuts down (1001). */
  shutdown(): void {
    this.#end(new SyncError('ServerShutdown', 'The server is shutting down.'));
  }

  /** @internal Called by the flush scheduler. */
  flushNow(): void {
    if (this.#state !== 'connected') {
      this.#flushState = 'idle';
      return;
    }
    this.#flushState = 'running';
    this.#dirty = false;
    this.#computeAndSend(0);
  }

  // --- Inbound ------------------------------------------------------------------------------

  #process(text: string): void {
    let pending: Promise<void> | undefined;
    try {
      pending = this.#dispatch(parseClientMessage(text));
    } catch (error) {
      this.#end(error);
      return;
    }
    if (pending === undefined) return;
    this.#inbox = [];
    pending.then(
      () => this.#resume(),
      (error: unknown) => this.#end(error),
    );
  }

  #resume(): void {
    const waiting = this.#inbox ?? [];
    this.#inbox = null;
    for (let i = 0; i < waiting.length && this.#state !== 'closed'; i++) {
      this.#process(waiting[i]!);
      if (this.#inbox !== null) {
        // Another Authenticate: the rest waits for it.
        (this.#inbox as string[]).push(...waiting.slice(i + 1));
        return;
      }
    }
  }

  #dispatch(message: ClientMessage): Promise<void> | undefined {
    if (this.#state === 'awaiting-connect' && message.type !== 'Connect') {
      throw new SyncError(
        'MessageBeforeConnect',
        `Expected a Connect message first, received ${message.type}.`,
      );
    }
    switch (message.type) {
      case 'Connect':
        this.#connect(message);
        return undefined;
      case 'ModifyQuerySet':
        this.#modifyQuerySet(message);
        return undefined;
      case 'Mutation':
        if (this.#mutations.waiting >= this.#context.limits.maxQueuedMutations) {
          throw new SyncError(
            'TooManyConcurrentMutations',
            `Too many concurrent mutations. Only up to ${this.#context.limits.maxQueuedMutations} pending mutations allowed on a single websocket.`,
          );
        }
        this.#mutations.push({ message, identity: this.#identity });
        return undefined;
      case 'Action':
        this.#startAction(message);
        return undefined;
      case 'Authenticate':
        if (message.baseVersion !== this.#receivedIdentity) {
          throw new SyncError(
            'BaseVersionMismatch',
            `Identity base version ${message.baseVersion} passed up doesn't match the current version ${this.#receivedIdentity}`,
          );
        }
        return this.#authenticate(message);
      case 'Event':
        // Client telemetry: nothing to do.
        return undefined;
      default:
        return unreachable(message);
    }
  }

  #connect(message: ConnectMessage): void {
    if (this.#state === 'connected')
      throw new SyncError(
        'DuplicateConnect',
        'Received a second Connect message on this WebSocket.',
      );
    const latest = this.#context.host.database.latestTs;
    if (message.maxObservedTimestamp !== undefined && message.maxObservedTimestamp > latest) {
      throw new SyncError(
        'TimestampAhead',
        `Client has observed a timestamp ${message.maxObservedTimestamp} ahead of the backend latest known timestamp ${latest}`,
      );
    }
    this.#sessionId = message.sessionId;
    if (message.clientTs !== undefined)
      this.#clockSkewField = `,"clientClockSkew":${Math.round(message.clientTs - Date.now())}`;
    this.#state = 'connected';
    this.#maybeSchedule();
  }

  #modifyQuerySet(message: ModifyQuerySetMessage): void {
    if (message.baseVersion !== this.#receivedQuerySet) {
      throw new SyncError(
        'BaseVersionMismatch',
        `Base version ${message.baseVersion} passed up doesn't match the current version ${this.#receivedQuerySet}`,
      );
    }
    if (message.newVersion <= message.baseVersion) {
      throw new SyncError(
        'InvalidQuerySetVersion',
        `New query set version ${message.newVersion} must be greater than the base version ${message.baseVersion}`,
      );
    }
    this.#queries.apply(message);
    this.#receivedQuerySet = message.newVersion;
    this.#requestFlush();
  }

  async #authenticate(message: AuthenticateMessage): Promise<void> {
    const outcome = await this.#context.host.authenticate(message);
    if (this.#state === 'closed') return;
    if (!outcome.ok) {
      this.#endWithAuthError(outcome.errorMessage);
      return;
    }
    this.#receivedIdentity += 1;
    this.#identity = outcome.identity;
    // A new identity re-runs every query (its results may depend on who asks).
    this.#queries.setIdentity(outcome.identity);
    this.#requestFlush();
  }

  // --- Mutations and actions ----------------------------------------------------------------

  async #runMutation(job: MutationJob): Promise<void> {
    const { host } = this.#context;
    const { message, identity } = job;
    // Anything at or after this mutation's commit waits for its response.
    this.#tsCap = host.database.latestTs;
    let outcome;
    try {
      outcome = await host.runMutation({
        udfPath: canonicalizeUdfPath(message.udfPath),
        args: message.args[0],
        identity,
        componentPath: message.componentPath,
        sessionId: this.#sessionId ?? '',
        requestId: message.requestId,
      });
    } catch (error) {
      this.#tsCap = null;
      this.#end(error);
      return;
    }
    this.#tsCap = null;
    if (this.#state === 'closed') return;
    this.#outbox.push([encodeMutationResponse(message.requestId, outcome)], false);
    if (outcome.ok) this.#view.mustReach(outcome.ts);
    // Also after a failure: flushes during the mutation were capped and may have missed commits.
    this.#requestFlush();
  }

  #startAction(message: ActionMessage): void {
    const limit = this.#context.limits.maxInflightActions;
    if (this.#actionsInFlight >= limit) {
      throw new SyncError(
        'TooManyConcurrentRequests',
        `Too many concurrent actions. Only up to ${limit} actions may run at once on a single websocket.`,
      );
    }
    this.#actionsInFlight++;
    const request = {
      udfPath: canonicalizeUdfPath(message.udfPath),
      args: message.args[0],
      identity: this.#identity,
      componentPath: message.componentPath,
      sessionId: this.#sessionId ?? '',
      requestId: message.requestId,
    };
    this.#context.host.runAction(request).then(
      (outcome) => {
        this.#actionsInFlight--;
        if (this.#state === 'closed') return;
        this.#outbox.push([encodeActionResponse(message.requestId, outcome)], false);
        this.#requestFlush();
      },
      (error: unknown) => {
        this.#actionsInFlight--;
        this.#end(error);
      },
    );
  }

  // --- Transitions --------------------------------------------------------------------------

  #requestFlush(): void {
    this.#dirty = true;
    this.#maybeSchedule();
  }

  #maybeSchedule(): void {
    if (this.#state !== 'connected' || this.#flushState !== 'idle' || !this.#dirty) return;
    // Backpressure: at most this many Transitions wait for the socket; later changes coalesce.
    if (this.#outbox.transitionCount >= this.#context.limits.maxBufferedTransitions) return;
    this.#flushState = 'scheduled';
    this.#context.scheduler.schedule(this);
  }

  /**
   * Computes the next Transition at one timestamp: every query's result valid there (shared,
   * usually already computed), then what differs from what the client holds. Synchronous when
   * every result is at hand, which is the common case after a commit for all but the first
   * connection to ask.
   */
  #computeAndSend(attempt: number): void {
    const latest = this.#context.host.database.latestTs;
    const cap = this.#tsCap;
    const version = {
      ts: cap !== null && cap < latest ? cap : latest,
      querySet: this.#receivedQuerySet,
      identity: this.#receivedIdentity,
    };
    const queries = this.#queries.snapshot();
    const results: QueryResult[] = [];
    let waits: Promise<void>[] | null = null;
    for (let i = 0; i < queries.length; i++) {
      const result = this.#resultFor(queries[i]!, version.ts);
      if (result instanceof Promise) {
        (waits ??= []).push(
          result.then((value) => {
            results[i] = value;
          }),
        );
      } else {
        results[i] = result;
      }
    }
    if (waits === null) {
      this.#finishFlush(() => this.#emit(version, queries, results));
      return;
    }
    (waits.length === 1 ? waits[0]! : Promise.all(waits)).then(
      () => this.#finishFlush(() => this.#emit(version, queries, results)),
      (error: unknown) => {
        // The snapshot fell out of the write log while we waited: start over at the latest ts.
        if (isOutOfRetention(error) && attempt < 3 && this.#state === 'connected')
          this.#computeAndSend(attempt + 1);
        else this.#finishFlush(() => this.#end(error));
      },
    );
  }

  #finishFlush(step: () => void): void {
    try {
      if (this.#state === 'connected') step();
    } catch (error) {
      this.#end(error);
    }
    this.#flushState = 'idle';
    this.#maybeSchedule();
  }

  #resultFor(query: SessionQuery, ts: bigint): QueryResult | Promise<QueryResult> {
    let entry = query.entry!;
    // A result produced a new journal: re-runs use it (its cache key), but only once the
    // current result no longer holds, so pagination keeps its page boundaries (semantics §3.4).
    if (query.journal !== entry.request.journal && entry.validResultAt(ts) === null) {
      this.#queries.rekey(query);
      entry = query.entry!;
    }
    return entry.resultAt(ts);
  }

  #emit(
    version: ViewVersion,
    queries: readonly SessionQuery[],
    results: readonly QueryResult[],
  ): void {
    const text = this.#view.transitionTo({
      version,
      queries,
      results,
      tail: this.#clockSkewField + serverTsField(),
    });
    // A run produced a new journal: the next run starts from it (see #resultFor).
    for (let i = 0; i < queries.length; i++) {
      const query = queries[i]!;
      const journal = results[i]!.journal;
      if (journal !== query.journal && this.#queries.has(query)) query.journal = journal;
    }
    if (text !== null) this.#sendTransition(text);
  }

  #sendTransition(text: string): void {
    const { limits } = this.#context;
    const clientVersion = this.#clientVersion;
    if (
      text.length > limits.transitionChunkThreshold &&
      clientVersion !== undefined &&
      supportsTransitionChunks(clientVersion)
    ) {
      const chunks = splitTransition(text, {
        maxChunkLength: limits.transitionChunkLength,
        transitionId: randomUUID(),
      });
      this.#outbox.push(chunks.map(encodeServerMessage), true);
      return;
    }
    this.#outbox.push([text], true);
  }

  // --- Ending -------------------------------------------------------------------------------

  #end(error: unknown): void {
    if (this.#state === 'closed') return;
    const action = closeActionOf(error);
    if (action.kind === 'fatal') {
      const message = error instanceof Error ? error.message : String(error);
      this.#socket.send(encodeServerMessage({ type: 'FatalError', error: message }));
      this.#socket.close(1000, shorten(codeOf(error)));
    } else {
      if (action.closeCode === 1011)
        this.#context.host.reportError?.(
          error,
          `sync session ${this.#sessionId ?? '(not connected)'}`,
        );
      this.#socket.close(action.closeCode, action.reason);
    }
    this.#dispose();
  }

  #endWithAuthError(errorMessage: string): void {
    this.#socket.send(
      encodeServerMessage({
        type: 'AuthError',
        error: errorMessage,
        baseVersion: this.#view.version.identity,
        authUpdateAttempted: true,
      }),
    );
    this.#socket.close(1000, 'AuthError');
    this.#dispose();
  }

  #dispose(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#inbox = null;
    this.#keepalive.stop();
    this.#outbox.close();
    this.#mutations.stop();
    this.#queries.clear();
    this.#view.clear();
    this.#context.onClosed(this);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'FatalError';
}

function shorten(reason: string): string {
  return reason.length > MAX_REASON_LENGTH ? reason.slice(0, MAX_REASON_LENGTH) : reason;
}

function unreachable(value: never): never {
  throw new Error(`Assertion failed: unexpected ${JSON.stringify(value)}`);
}
