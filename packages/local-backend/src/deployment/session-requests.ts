import type { Transaction } from '@selfhost/database';
import { commitTsPlaceholder } from '@selfhost/values';
import type { ExecutionOutcome } from '../execution/execution-outcome.ts';
import { indexQuery } from './system-query.ts';

/** A WebSocket mutation's identity for exactly-once execution (compat §3.5). */
export interface SessionRequestKey {
  readonly sessionId: string;
  readonly requestId: number;
}

/** A replayed outcome: what the first execution returned and its commit timestamp. */
export interface RecordedMutation {
  readonly outcome: ExecutionOutcome;
  readonly ts: bigint;
}

/**
 * `_session_requests`: the outcome of every successful WebSocket mutation, written in the
 * mutation's own transaction (with its commit timestamp through the commit-ts placeholder), so
 * a client re-sending after a reconnect gets the stored answer instead of a second execution.
 *
 * @example
 * const earlier = await sessionRequests.find(tx, key);
 */
export const sessionRequests = {
  async find(tx: Transaction, key: SessionRequestKey): Promise<RecordedMutation | undefined> {
    const row = await tx
      .query(indexQuery('_session_requests', 'by_session_request', [['sessionId', key.sessionId], ['requestId', key.requestId]]))
      .first();
    if (row === null) return undefined;
    return {
      outcome: { status: 'success', valueJson: row.value['result'] as string, logLines: JSON.parse(row.value['logLines'] as string) as never },
      ts: row.value['ts'] as bigint,
    };
  },

  async record(tx: Transaction, key: SessionRequestKey, outcome: ExecutionOutcome): Promise<void> {
    if (outcome.status !== 'success') return;
    await tx.insert(
      '_session_requests',
      { sessionId: key.sessionId, requestId: key.requestId, result: outcome.valueJson, logLines: JSON.stringify(outcome.logLines), ts: commitTsPlaceholder },
      { system: true },
    );
  },
};
