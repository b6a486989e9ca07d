import {
  canonicalizeUdfPath,
  type AddQuery,
  type JSONObject,
  type ModifyQuerySetMessage,
  type RemoveQuery,
  type TransitionMessage,
} from '@selfhost/protocol';
import { convexToJson, type Value } from '@selfhost/values';
import { queryTokenOf, type QueryToken } from './query-token.ts';

/**
 * The journal a server attaches to a query result (spec §3.4): opaque text, `null` when empty.
 * Clients hand it back when they re-subscribe so a paginated query keeps its page boundary.
 *
 * @example
 * ```ts
 * const journal: QueryJournal | undefined = client.queryJournal('messages:list', {});
 * ```
 */
export type QueryJournal = string | null;

type LocalQuery = {
  readonly id: number;
  readonly udfPath: string;
  readonly args: Record<string, Value>;
  readonly componentPath: string | undefined;
  subscribers: number;
  journal: QueryJournal | undefined;
};

/**
 * Which queries this client wants, numbered as the server knows them, plus the query-set version
 * (spec §3.2). Subscribing twice to the same path and arguments shares one server query. Every
 * change yields the `ModifyQuerySet` message to send. While paused (waiting for the first auth
 * token) changes are collected instead of advancing the version, and `resume()` sends them as
 * one message.
 *
 * @example
 * ```ts
 * const set = new LocalQuerySet();
 * const { modification, unsubscribe } = set.subscribe('messages:list', {});
 * send(modification); // {type:'ModifyQuerySet', baseVersion:0, newVersion:1, modifications:[Add…]}
 * ```
 */
export class LocalQuerySet {
  #nextQueryId = 0;
  #version = 0;
  #paused = false;
  readonly #byToken = new Map<QueryToken, LocalQuery>();
  readonly #tokenById = new Map<number, QueryToken>();
  readonly #pending = new Map<number, AddQuery | RemoveQuery>();
  // Queries re-sent on the last reconnect whose results have not come back yet.
  readonly #awaitingSinceRestart = new Set<number>();

  /**
   * Adds a subscriber. A new path/args pair gets a query id and an `Add`; an existing one only
   * counts the subscriber and yields no message.
   */
  subscribe(
    udfPath: string,
    args: Record<string, Value>,
    options: { journal?: QueryJournal | undefined; componentPath?: string | undefined } = {},
  ): {
    queryToken: QueryToken;
    modification: ModifyQuerySetMessage | null;
    unsubscribe: () => ModifyQuerySetMessage | null;
  } {
    const canonicalPath = canonicalizeUdfPath(udfPath);
    const queryToken = queryTokenOf(canonicalPath, args);
    const unsubscribe = () => this.#removeSubscriber(queryToken);
    const existing = this.#byToken.get(queryToken);
    if (existing !== undefined) {
      existing.subscribers += 1;
      return { queryToken, modification: null, unsubscribe };
    }
    const query: LocalQuery = {
      id: this.#nextQueryId++,
      udfPath: canonicalPath,
      args,
      componentPath: options.componentPath,
      subscribers: 1,
      journal: options.journal,
    };
    this.#byToken.set(queryToken, query);
    this.#tokenById.set(query.id, queryToken);
    const add = addMessage(query);
    return { queryToken, modification: this.#modify(query.id, add), unsubscribe };
  }

  /** Records the journals a Transition carries and which re-sent queries have answered. */
  transition(transition: TransitionMessage): void {
    for (const modification of transition.modifications) {
      this.#awaitingSinceRestart.delete(modification.queryId);
      if (modification.type === 'QueryRemoved') continue;
      const token = this.#tokenById.get(modification.queryId);
      // The query may have been unsubscribed before the server heard of it.
      const query = token === undefined ? undefined : this.#byToken.get(token);
      if (query !== undefined) query.journal = modification.journal;
    }
  }

  /**
   * The query set to send on a new connection: version 0 → 1 adding every live query with its
   * last journal (spec §3.7). Clears any pause.
   */
  restart(): ModifyQuerySetMessage {
    this.#paused = false;
    this.#pending.clear();
    this.#awaitingSinceRestart.clear();
    const modifications: AddQuery[] = [];
    for (const query of this.#byToken.values()) {
      modifications.push(addMessage(query));
      this.#awaitingSinceRestart.add(query.id);
    }
    this.#version = 1;
    return { type: 'ModifyQuerySet', baseVersion: 0, newVersion: 1, modifications };
  }

  /** Stops advancing the version; changes are kept until {@link resume}. */
  pause(): void {
    this.#paused = true;
  }

  /** Ends a pause: the changes made meanwhile, as one message, or `undefined` if none. */
  resume(): ModifyQuerySetMessage | undefined {
    this.#paused = false;
    if (this.#pending.size === 0) return undefined;
    const message: ModifyQuerySetMessage = {
      type: 'ModifyQuerySet',
      baseVersion: this.#version,
      newVersion: this.#version + 1,
      modifications: [...this.#pending.values()],
    };
    this.#version += 1;
    this.#pending.clear();
    return message;
  }

  /** Whether every query re-sent at the last reconnect has a result again. */
  hasSyncedPastLastReconnect(): boolean {
    return this.#awaitingSinceRestart.size === 0;
  }

  /** The canonical path of a live query id. */
  queryPath(queryId: number): string | null {
    const token = this.#tokenById.get(queryId);
    return token === undefined ? null : (this.#byToken.get(token)?.udfPath ?? null);
  }

  /** The arguments of a live query id. */
  queryArgs(queryId: number): Record<string, Value> | null {
    const token = this.#tokenById.get(queryId);
    return token === undefined ? null : (this.#byToken.get(token)?.args ?? null);
  }

  /** The token of a live query id. */
  queryToken(queryId: number): QueryToken | null {
    return this.#tokenById.get(queryId) ?? null;
  }

  /** The last journal received for a query, `undefined` before its first result. */
  queryJournal(queryToken: QueryToken): QueryJournal | undefined {
    return this.#byToken.get(queryToken)?.journal;
  }

  /** The current query-set version. */
  get version(): number {
    return this.#version;
  }

  #removeSubscriber(queryToken: QueryToken): ModifyQuerySetMessage | null {
    const query = this.#byToken.get(queryToken);
    if (query === undefined) return null;
    if (query.subscribers > 1) {
      query.subscribers -= 1;
      return null;
    }
    this.#byToken.delete(queryToken);
    this.#tokenById.delete(query.id);
    this.#awaitingSinceRestart.delete(query.id);
    if (this.#paused && this.#pending.get(query.id)?.type === 'Add') {
      // Added and removed within one pause: the server never needs to hear of it.
      this.#pending.delete(query.id);
      return null;
    }
    return this.#modify(query.id, { type: 'Remove', queryId: query.id });
  }

  #modify(queryId: number, change: AddQuery | RemoveQuery): ModifyQuerySetMessage {
    const message: ModifyQuerySetMessage = {
      type: 'ModifyQuerySet',
      baseVersion: this.#version,
      newVersion: this.#version + 1,
      modifications: [change],
    };
    // Paused messages are not sent (the socket drops them); resume() sends the collected changes.
    if (this.#paused) this.#pending.set(queryId, change);
    else this.#version += 1;
    return message;
  }
}

function addMessage(query: LocalQuery): AddQuery {
  const add: AddQuery = {
    type: 'Add',
    queryId: query.id,
    udfPath: query.udfPath,
    args: [convexToJson(query.args) as JSONObject],
  };
  if (query.journal !== undefined) add.journal = query.journal;
  if (query.componentPath !== undefined) add.componentPath = query.componentPath;
  return add;
}
