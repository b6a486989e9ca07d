import {
  encodeServerMessage,
  encodeStateModification,
  makeTimestamp,
  parseServerMessage,
} from '@selfhost/protocol';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { QueryResult } from './query-result.ts';
import { encodeActionResponse, encodeMutationResponse } from './server-frames.ts';

// A read set is opaque to QueryResult; any object stands in for one here.
const readSet = {} as never;

const jsonValue = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('QueryResult', () => {
  test('a QueryUpdated modification equals encodeStateModification for any value, id and journal', () => {
    fc.assert(
      fc.property(
        jsonValue,
        fc.nat(),
        fc.array(fc.string()),
        fc.option(fc.string()),
        (value, queryId, logLines, journal) => {
          const result = QueryResult.fromOutcome({
            ok: true,
            valueJson: JSON.stringify(value),
            logLines,
            journal,
            readSet,
          });
          const expected = encodeStateModification({
            type: 'QueryUpdated',
            queryId,
            value: value as never,
            logLines,
            journal,
          });
          expect(result.encodeModification(queryId)).toBe(expected);
        },
      ),
    );
  });

  test('a QueryFailed modification equals encodeStateModification, with and without errorData', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(jsonValue, { nil: undefined }),
        fc.nat(),
        (errorMessage, errorData, queryId) => {
          const result = QueryResult.fromOutcome({
            ok: false,
            errorMessage,
            errorDataJson: errorData === undefined ? undefined : JSON.stringify(errorData),
            logLines: ['[LOG] x'],
            journal: null,
            readSet,
          });
          const expected = encodeStateModification({
            type: 'QueryFailed',
            queryId,
            errorMessage,
            logLines: ['[LOG] x'],
            journal: null,
            ...(errorData === undefined ? {} : { errorData: errorData as never }),
          });
          expect(result.encodeModification(queryId)).toBe(expected);
        },
      ),
    );
  });

  test('the hash covers value and log lines, not the journal', () => {
    const make = (valueJson: string, logLines: string[], journal: string | null) =>
      QueryResult.fromOutcome({ ok: true, valueJson, logLines, journal, readSet }).hash;
    expect(make('[1]', [], null)).toBe(make('[1]', [], 'cursor'));
    expect(make('[1]', [], null)).not.toBe(make('[2]', [], null));
    expect(make('[1]', [], null)).not.toBe(make('[1]', ['[LOG] x'], null));
    const failed = QueryResult.fromOutcome({
      ok: false,
      errorMessage: '[1]',
      logLines: [],
      journal: null,
      readSet,
    });
    expect(failed.hash).not.toBe(make('[1]', [], null));
  });
});

describe('server frames', () => {
  test('mutation and action responses parse as the protocol says and match its encoder', () => {
    const ts = makeTimestamp(1_724_300_000_000_000_000n);
    const success = encodeMutationResponse(3, {
      ok: true,
      resultJson: '{"a":[1,"x"]}',
      ts,
      logLines: ["[LOG] 'hi'"],
    });
    expect(success).toBe(
      encodeServerMessage({
        type: 'MutationResponse',
        requestId: 3,
        success: true,
        result: { a: [1, 'x'] },
        ts,
        logLines: ["[LOG] 'hi'"],
      }),
    );
    const failure = encodeMutationResponse(4, {
      ok: false,
      errorMessage: 'boom',
      errorDataJson: '{"code":1}',
      logLines: [],
    });
    expect(parseServerMessage(failure)).toEqual({
      type: 'MutationResponse',
      requestId: 4,
      success: false,
      result: 'boom',
      logLines: [],
      errorData: { code: 1 },
    });
    expect(JSON.parse(failure)).toHaveProperty('ts', null);
    const action = encodeActionResponse(5, { ok: true, resultJson: 'null', logLines: [] });
    expect(action).toBe(
      encodeServerMessage({
        type: 'ActionResponse',
        requestId: 5,
        success: true,
        result: null,
        logLines: [],
      }),
    );
    const actionFailure = encodeActionResponse(6, { ok: false, errorMessage: 'no', logLines: [] });
    expect(parseServerMessage(actionFailure)).toEqual({
      type: 'ActionResponse',
      requestId: 6,
      success: false,
      result: 'no',
      logLines: [],
    });
  });
});
