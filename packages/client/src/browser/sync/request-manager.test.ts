import { makeTimestamp as t } from '@selfhost/protocol';
import { describe, expect, test } from 'vitest';
import type { ActionMessage, MutationMessage } from '@selfhost/protocol';
import { createLogger } from '../logging/logger.ts';
import type { FunctionResult } from './function-result.ts';
import { ACTION_CONNECTION_LOST, RequestManager } from './request-manager.ts';

const logger = createLogger({ logger: false });
const mutation = (requestId: number): MutationMessage => ({
  type: 'Mutation',
  requestId,
  udfPath: 'messages:send',
  args: [{}],
});
const action = (requestId: number): ActionMessage => ({
  type: 'Action',
  requestId,
  udfPath: 'ai:run',
  args: [{}],
});

function track(promise: Promise<FunctionResult>): { result: FunctionResult | undefined } {
  const box: { result: FunctionResult | undefined } = { result: undefined };
  void promise.then((result) => (box.result = result));
  return box;
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RequestManager', () => {
  test('resolves a successful mutation only after a transition at or past its commit ts', async () => {
    const manager = new RequestManager(logger, () => {});
    const box = track(manager.request(mutation(0), true));
    expect(
      manager.onResponse({
        type: 'MutationResponse',
        requestId: 0,
        success: true,
        result: null,
        ts: t(10n),
        logLines: [],
      }),
    ).toBeNull();
    await flush();
    expect(box.result).toBeUndefined();
    expect(manager.removeCompleted(t(9n)).size).toBe(0);
    await flush();
    expect(box.result).toBeUndefined();
    expect(manager.hasInflightRequests()).toBe(true);
    expect(manager.removeCompleted(t(10n))).toEqual(
      new Map([[0, { success: true, value: null, logLines: [] }]]),
    );
    await flush();
    expect(box.result).toEqual({ success: true, value: null, logLines: [] });
    expect(manager.hasInflightRequests()).toBe(false);
  });

  test('resolves failed mutations and actions as soon as they are answered', async () => {
    const manager = new RequestManager(logger, () => {});
    const failed = track(manager.request(mutation(0), true));
    const acted = track(manager.request(action(1), true));
    expect(
      manager.onResponse({
        type: 'MutationResponse',
        requestId: 0,
        success: false,
        result: 'boom',
        logLines: [],
        errorData: { code: 1 },
      }),
    ).toEqual({
      requestId: 0,
      result: { success: false, errorMessage: 'boom', errorData: { code: 1 }, logLines: [] },
    });
    expect(
      manager.onResponse({
        type: 'ActionResponse',
        requestId: 1,
        success: true,
        result: { $integer: 'AQAAAAAAAAA=' },
        logLines: [],
      }),
    ).toEqual({
      requestId: 1,
      result: { success: true, value: 1n, logLines: [] },
    });
    await flush();
    expect(failed.result?.success).toBe(false);
    expect(acted.result).toEqual({ success: true, value: 1n, logLines: [] });
    // Responses for unknown ids (e.g. replays after a reconnect) are ignored.
    expect(
      manager.onResponse({
        type: 'MutationResponse',
        requestId: 7,
        success: true,
        result: null,
        ts: t(1n),
        logLines: [],
      }),
    ).toBeNull();
  });

  test('restart re-sends unfinished mutations (answered ones too) in order and fails sent actions', async () => {
    const manager = new RequestManager(logger, () => {});
    track(manager.request(mutation(0), true));
    const lostAction = track(manager.request(action(1), true));
    track(manager.request(mutation(2), true));
    const unsentAction = track(manager.request(action(3), false));
    manager.onResponse({
      type: 'MutationResponse',
      requestId: 0,
      success: true,
      result: null,
      ts: t(5n),
      logLines: [],
    });
    expect(manager.restart().map((m) => [m.type, m.requestId])).toEqual([
      ['Mutation', 0],
      ['Mutation', 2],
      ['Action', 3],
    ]);
    await flush();
    expect(lostAction.result).toEqual({
      success: false,
      errorMessage: ACTION_CONNECTION_LOST,
      logLines: [],
    });
    expect(unsentAction.result).toBeUndefined();
    expect(manager.inflightMutations()).toBe(2);
    expect(manager.inflightActions()).toBe(1);
    expect(manager.hasSyncedPastLastReconnect()).toBe(false);
    // The replayed response of an answered mutation changes nothing; its transition finishes it.
    expect(
      manager.onResponse({
        type: 'MutationResponse',
        requestId: 0,
        success: true,
        result: null,
        ts: t(5n),
        logLines: [],
      }),
    ).toBeNull();
    manager.removeCompleted(t(5n));
    manager.onResponse({
      type: 'MutationResponse',
      requestId: 2,
      success: false,
      result: 'x',
      logLines: [],
    });
    manager.onResponse({
      type: 'ActionResponse',
      requestId: 3,
      success: true,
      result: null,
      logLines: [],
    });
    expect(manager.hasSyncedPastLastReconnect()).toBe(true);
  });

  test('resume sends only what could not be sent', () => {
    const manager = new RequestManager(logger, () => {});
    void manager.request(mutation(0), true);
    void manager.request(mutation(1), false);
    expect(manager.hasIncompleteRequests()).toBe(true);
    expect(manager.resume().map((m) => m.requestId)).toEqual([1]);
    expect(manager.resume()).toEqual([]);
  });
});
