// The wire-equivalence oracle: the same function definitions, written with the official
// convex/server and with ours, run against the same recording fake of the `Convex` global. Both
// must issue the same syscalls with byte-identical JSON arguments and produce the same results
// and errors.
import * as officialServer from 'convex/server';
import * as officialValues from 'convex/values';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as ourServer from '@selfhost/client/server';
import { FakeConvexHost, type RecordedCall } from './test-support/fake-convex-host.ts';
import {
  functionCorpus,
  type CorpusCase,
  type ServerLibrary,
} from './test-support/function-corpus.ts';

const official = {
  ...officialServer,
  v: officialValues.v,
  ConvexError: officialValues.ConvexError,
} as unknown as ServerLibrary;
const ours: ServerLibrary = ourServer;

// Cases whose error is raised by the library itself (misuse, or a value it cannot encode): the
// wording is ours, so only the kind of error is compared. Every other error comes from the host
// or the handler and must match exactly.
const LIBRARY_WORDED_ERRORS = new Set([
  'getNotAString',
  'takeNegative',
  'uniqueMany',
  'searchOrder',
  'orderTwice',
  'paginateTwice',
  'paginateBadNumItems',
  'readAfterChain',
  'returnQuery',
  'returnUnsupported',
  'normalizeIdSystemThroughUserReader',
  'systemTableThroughUserReader',
  'userTableThroughSystemReader',
  'staleSnapshotInQuery',
  'insertSystem',
  'scheduleNegativeDelay',
  'scheduleBadArgs',
  'storeNotABlob',
  'vectorSearchEmpty',
  'actionTransactionMetrics',
]);

interface Outcome {
  calls: RecordedCall[];
  result?: string;
  error?: {
    constructor: string;
    message: string;
    data: unknown;
    convexErrorSymbol: boolean;
    markedAsConvexError: boolean;
  };
}

async function invoke(testCase: CorpusCase): Promise<string> {
  switch (testCase.kind) {
    case 'query':
      return await (testCase.fn as { invokeQuery(args: string): Promise<string> }).invokeQuery(
        testCase.args,
      );
    case 'mutation':
      return await (
        testCase.fn as { invokeMutation(args: string): Promise<string> }
      ).invokeMutation(testCase.args);
    case 'action':
      return await (
        testCase.fn as { invokeAction(id: string, args: string): Promise<string> }
      ).invokeAction(testCase.requestId, testCase.args);
    case 'http':
      return await (
        testCase.router as { runRequest(request: string, route: string): Promise<string> }
      ).runRequest(testCase.request, testCase.route);
  }
}

async function run(library: ServerLibrary, name: string): Promise<Outcome> {
  const testCase = functionCorpus(library)[name];
  if (testCase === undefined) throw new Error(`no case ${name}`);
  const host = new FakeConvexHost();
  const uninstall = host.install();
  try {
    return { calls: host.calls, result: await invoke(testCase) };
  } catch (thrown) {
    const error = thrown as Error & { data?: unknown; ConvexErrorSymbol?: symbol };
    return {
      calls: host.calls,
      error: {
        constructor: error.constructor.name,
        message: error.message,
        data: error.data,
        convexErrorSymbol: error.ConvexErrorSymbol === Symbol.for('ConvexError'),
        markedAsConvexError:
          (error as unknown as Record<symbol, unknown>)[Symbol.for('ConvexError')] === true,
      },
    };
  } finally {
    uninstall();
  }
}

const caseNames = Object.keys(functionCorpus(ours));

describe('wire equivalence with convex/server', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 2, 3, 4, 5, 678) });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  test('both libraries define the same cases', () => {
    expect(Object.keys(functionCorpus(official))).toEqual(caseNames);
    expect(caseNames.length).toBeGreaterThan(80);
  });

  test.each(caseNames)('%s: same syscalls, same result or error', async (name) => {
    const expected = await run(official, name);
    const actual = await run(ours, name);
    expect(actual.calls).toEqual(expected.calls);
    expect(actual.result).toEqual(expected.result);
    if (expected.error === undefined) {
      expect(actual.error).toBeUndefined();
      return;
    }
    expect(actual.error).toBeDefined();
    if (LIBRARY_WORDED_ERRORS.has(name)) {
      // Values that cannot be encoded are reported by @selfhost/values as a ValuesError (an Error
      // subclass) where convex/values throws a plain Error.
      const kind = (constructor: string) => (constructor === 'ValuesError' ? 'Error' : constructor);
      expect({
        ...actual.error,
        message: '',
        constructor: kind(actual.error?.constructor ?? ''),
      }).toEqual({
        ...expected.error,
        message: '',
      });
      expect(actual.error?.message).not.toBe('');
    } else {
      expect(actual.error).toEqual(expected.error);
    }
  });

  test('the corpus exercises every syscall the library can issue', async () => {
    const ops = new Set<string>();
    for (const name of caseNames)
      for (const call of (await run(ours, name)).calls) ops.add(`${call.kind} ${call.op}`);
    expect([...ops].sort()).toEqual(
      [
        'async 1.0/actions/action',
        'async 1.0/actions/cancel_job',
        'async 1.0/actions/mutation',
        'async 1.0/actions/query',
        'async 1.0/actions/schedule',
        'async 1.0/actions/vectorSearch',
        'async 1.0/auditLog',
        'async 1.0/cancel_job',
        'async 1.0/count',
        'async 1.0/createFunctionHandle',
        'async 1.0/createServiceToken',
        'async 1.0/get',
        'async 1.0/getDeploymentMetadata',
        'async 1.0/getFunctionMetadata',
        'async 1.0/getRequestMetadata',
        'async 1.0/getTransactionMetrics',
        'async 1.0/getUserIdentity',
        'async 1.0/insert',
        'async 1.0/queryPage',
        'async 1.0/queryStreamNext',
        'async 1.0/remove',
        'async 1.0/replace',
        'async 1.0/runUdf',
        'async 1.0/schedule',
        'async 1.0/shallowMerge',
        'async 1.0/signJwt',
        'async 1.0/storageDelete',
        'async 1.0/storageGenerateUploadUrl',
        'async 1.0/storageGet',
        'async 1.0/storageGetMetadata',
        'async 1.0/storageGetUrl',
        'async 1.0/storageStore',
        'js convexJsonFromResponse',
        'js requestFromConvexJson',
        'js storage/getBlob',
        'js storage/storeBlob',
        'sync 1.0/db/normalizeId',
        'sync 1.0/getSnapshotTs',
        'sync 1.0/queryCleanup',
        'sync 1.0/queryStream',
      ].sort(),
    );
  });
});
