import { type QueryResult } from './query-result.ts';
import { type SessionQuery } from './session-query-set.ts';
import { encodeStateVersionText, transitionText } from './transition-text.ts';

/**
 * A `StateVersion` with a bigint timestamp.
 *
 * @internal
 * @example
 * ```ts
 * const version: ViewVersion = { querySet: 1, identity: 0, ts: database.latestTs };
 * ```
 */
export interface ViewVersion {
  readonly querySet: number;
  readonly identity: number;
  readonly ts: bigint;
}

interface SentVersion extends ViewVersion {
  /** Its JSON text: the next Transition's `startVersion`. */
  readonly text: string;
}

interface SentQuery {
  readonly query: SessionQuery;
  readonly hash: string;
}

const QUERY_REMOVED_HEAD = '{"type":"QueryRemoved","queryId":';
const INITIAL: ViewVersion = { querySet: 0, identity: 0, ts: 0n };

/**
 * What one client holds, as the server last told it: the `endVersion` of the last Transition
 * and the hash of each query result sent since. {@link ClientView.transitionTo} turns a new set
 * of results into the Transition that brings the client there — only what differs, chained from
 * the previous `endVersion` (compat §3.4) — or into nothing when the client is already there.
 *
 * @internal
 * @example
 * ```ts
 * const view = new ClientView();
 * const text = view.transitionTo({ version: { querySet: 1, identity: 0, ts }, queries, results, tail: '' });
 * if (text !== null) socket.send(text);
 * ```
 */
export class ClientView {
  readonly #sent = new Map<number, SentQuery>();
  #last: SentVersion = { ...INITIAL, text: encodeStateVersionText(INITIAL) };
  /** A mutation committed here: the next Transition must reach it, even with nothing new. */
  #mustReachTs: bigint | null = null;

  /** The last `endVersion` sent. */
  get version(): ViewVersion {
    return this.#last;
  }

  /** The next Transition must reach `ts` (a successful mutation's commit ts). */
  mustReach(ts: bigint): void {
    if (this.#mustReachTs === null || ts > this.#mustReachTs) this.#mustReachTs = ts;
  }

  /**
   * The Transition (JSON text) to `target.version`, where `target.results[i]` is the result of
   * `target.queries[i]`, valid at `version.ts`; or null when the client already holds all of it.
   * `target.tail` holds the optional trailing fields (`,"clientClockSkew":…,"serverTs":…`).
   */
  transitionTo(target: {
    readonly version: ViewVersion;
    readonly queries: readonly SessionQuery[];
    readonly results: readonly QueryResult[];
    readonly tail: string;
  }): string | null {
    const { version, queries, results, tail } = target;
    const modifications: string[] = [];
    const sent = this.#sent;
    for (let i = 0; i < queries.length; i++) {
      const query = queries[i]!;
      const result = results[i]!;
      const previous = sent.get(query.queryId);
      if (previous === undefined || previous.query !== query || previous.hash !== result.hash) {
        modifications.push(result.encodeModification(query.queryId));
        sent.set(query.queryId, { query, hash: result.hash });
      }
    }
    if (sent.size > queries.length) {
      const present = new Set<number>();
      for (const query of queries) present.add(query.queryId);
      for (const queryId of sent.keys()) {
        if (present.has(queryId)) continue;
        modifications.push(`${QUERY_REMOVED_HEAD}${queryId}}`);
        sent.delete(queryId);
      }
    }
    const last = this.#last;
    const reachesMutation = this.#mustReachTs !== null && version.ts >= this.#mustReachTs;
    if (
      modifications.length === 0 &&
      !reachesMutation &&
      version.querySet === last.querySet &&
      version.identity === last.identity
    ) {
      return null;
    }
    if (reachesMutation) this.#mustReachTs = null;
    const end: SentVersion = {
      querySet: version.querySet,
      identity: version.identity,
      ts: version.ts,
      text: encodeStateVersionText(version),
    };
    this.#last = end;
    return transitionText({ start: last.text, end: end.text, modifications, tail });
  }

  /** Forgets everything (the connection ended). */
  clear(): void {
    this.#sent.clear();
  }
}
