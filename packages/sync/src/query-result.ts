import { hash } from 'node:crypto';
import { type QueryOutcome } from './sync-host.ts';

const UPDATED_HEAD = '{"type":"QueryUpdated","queryId":';
const FAILED_HEAD = '{"type":"QueryFailed","queryId":';

/**
 * One query result, encoded once and shared by every connection that holds it (PERFORMANCE.md:
 * "result encoded once"). Only the `queryId` differs between connections, so the modification
 * is kept as the text around it; {@link encodeModification} splices the id in. `hash` covers the
 * value (or error) and the log lines, like the reference's dedup hash: a re-run whose hash equals
 * what a connection last received is not sent again.
 *
 * @example
 * ```ts
 * const result = QueryResult.fromOutcome(outcome);
 * socket.send(`…"modifications":[${result.encodeModification(3)}]…`);
 * ```
 */
export class QueryResult {
  readonly ok: boolean;
  readonly hash: string;
  readonly journal: string | null;
  /** Approximate memory held (bytes). */
  readonly byteSize: number;
  readonly #head: string;
  readonly #tail: string;

  private constructor(parts: {
    ok: boolean;
    hash: string;
    journal: string | null;
    head: string;
    tail: string;
  }) {
    this.ok = parts.ok;
    this.hash = parts.hash;
    this.journal = parts.journal;
    this.#head = parts.head;
    this.#tail = parts.tail;
    this.byteSize = 2 * (parts.tail.length + parts.hash.length) + 96;
  }

  /**
   * Encodes a host outcome. The text equals `encodeStateModification` of the same
   * modification (keys in schema order).
   *
   * @example
   * ```ts
   * QueryResult.fromOutcome({ ok: true, valueJson: '[]', logLines: [], journal: null, readSet });
   * ```
   */
  static fromOutcome(outcome: QueryOutcome): QueryResult {
    const logLinesJson = JSON.stringify(outcome.logLines);
    const journalJson = JSON.stringify(outcome.journal);
    if (outcome.ok) {
      return new QueryResult({
        ok: true,
        hash: hash('sha256', `U${outcome.valueJson}\u0000${logLinesJson}`, 'base64'),
        journal: outcome.journal,
        head: UPDATED_HEAD,
        tail: `,"value":${outcome.valueJson},"logLines":${logLinesJson},"journal":${journalJson}}`,
      });
    }
    const messageJson = JSON.stringify(outcome.errorMessage);
    const data = outcome.errorDataJson;
    return new QueryResult({
      ok: false,
      hash: hash('sha256', `F${messageJson}\u0000${data ?? ''}\u0000${logLinesJson}`, 'base64'),
      journal: outcome.journal,
      head: FAILED_HEAD,
      tail:
        `,"errorMessage":${messageJson},"logLines":${logLinesJson},"journal":${journalJson}` +
        (data === undefined ? '}' : `,"errorData":${data}}`),
    });
  }

  /**
   * The `QueryUpdated` / `QueryFailed` modification for one connection's `queryId`.
   *
   * @example
   * ```ts
   * result.encodeModification(0); // '{"type":"QueryUpdated","queryId":0,"value":[],"logLines":[],"journal":null}'
   * ```
   */
  encodeModification(queryId: number): string {
    return this.#head + queryId + this.#tail;
  }
}
