import { describe, expect, test } from 'vitest';
import {
  listEnvironmentVariablesResponseSchema,
  updateEnvironmentVariablesRequestSchema,
} from './environment-variables.ts';
import {
  streamFunctionLogsQueryFromSearchParams,
  streamFunctionLogsResponseSchema,
  type StreamFunctionLogsResponse,
  type UsageStats,
} from './function-logs.ts';
import { parseHttpBody } from './parse-http-body.ts';

const usageStats: UsageStats = {
  databaseReadBytes: 10,
  databaseWriteBytes: 0,
  databaseIoReadBytes: 0,
  databaseIoWriteBytes: 0,
  databaseReadDocuments: 1,
  databaseWriteDocuments: 0,
  databaseWriteIndexRows: 0,
  storageReadBytes: 0,
  storageWriteBytes: 0,
  vectorIndexReadBytes: 0,
  vectorIndexWriteBytes: 0,
  textIndexQueryBytes: 0,
  textIndexWriteQueryBytes: 0,
  vectorIndexReadQueryBytes: 0,
  vectorIndexWriteQueryBytes: 0,
  networkEgressBytes: 0,
  memoryUsedMb: 12,
};

describe('environment variables', () => {
  test('a missing or null value means delete', () => {
    expect(
      parseHttpBody(
        updateEnvironmentVariablesRequestSchema,
        { changes: [{ name: 'X', value: 'v' }, { name: 'Y' }, { name: 'Z', value: null }] },
        'POST /api/update_environment_variables',
      ),
    ).toEqual({
      changes: [
        { name: 'X', value: 'v' },
        { name: 'Y', value: null },
        { name: 'Z', value: null },
      ],
    });
    expect(() =>
      parseHttpBody(
        updateEnvironmentVariablesRequestSchema,
        { changes: [{ value: 'v' }] },
        'POST /api/update_environment_variables',
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: POST /api/update_environment_variables body.changes[0].name: missing required field]`,
    );
    expect(
      parseHttpBody(
        listEnvironmentVariablesResponseSchema,
        { environmentVariables: { X: 'v' } },
        'list',
      ),
    ).toEqual({ environmentVariables: { X: 'v' } });
  });
});

describe('stream_function_logs', () => {
  test('structured and string log lines, Completion and Progress entries', () => {
    const response: StreamFunctionLogsResponse = {
      entries: [
        {
          kind: 'Completion',
          udfType: 'Query',
          identifier: 'messages:list',
          componentPath: null,
          logLines: [
            {
              messages: ["'hi'"],
              level: 'LOG',
              timestamp: 1724300000000,
              isTruncated: false,
              systemMetadata: null,
            },
          ],
          timestamp: 1724300000.5,
          executionTime: 0.002,
          userExecutionTime: null,
          error: null,
          success: null,
          cachedResult: false,
          requestId: 'r1',
          executionId: 'e1',
          caller: 'SyncWorker',
          parentExecutionId: null,
          usageStats,
          returnBytes: null,
          occInfo: null,
          willRetry: false,
          executionTimestamp: 1724300000.498,
          identityType: 'None',
          environment: 'isolate',
        },
        {
          kind: 'Progress',
          udfType: 'Action',
          identifier: 'ai:run',
          componentPath: null,
          timestamp: 1724300001,
          logLines: ["[WARN] 'slow'"],
          requestId: 'r2',
          executionId: 'e2',
        },
      ],
      newCursor: 1724300001000,
    };
    expect(
      parseHttpBody(
        streamFunctionLogsResponseSchema,
        JSON.parse(JSON.stringify(response)),
        'stream_function_logs response',
      ),
    ).toEqual(response);
    expect(() =>
      parseHttpBody(
        streamFunctionLogsResponseSchema,
        { entries: [{ ...response.entries[1], kind: 'Started' }], newCursor: 0 },
        'stream_function_logs response',
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ProtocolError: stream_function_logs response body.entries[0].kind: expected "Completion" or "Progress", received "Started"]`,
    );
  });

  test('reads the query string', () => {
    expect(streamFunctionLogsQueryFromSearchParams(new URLSearchParams('cursor=0'))).toEqual({
      cursor: 0,
    });
    expect(
      streamFunctionLogsQueryFromSearchParams(
        new URLSearchParams('cursor=17.5&sessionId=s&clientRequestCounter=3'),
      ),
    ).toEqual({ cursor: 17.5, sessionId: 's', clientRequestCounter: 3 });
    for (const query of [
      '',
      'cursor=',
      'cursor=-1',
      'cursor=abc',
      'cursor=1&clientRequestCounter=x',
    ]) {
      expect(
        () => streamFunctionLogsQueryFromSearchParams(new URLSearchParams(query)),
        query,
      ).toThrow(expect.objectContaining({ code: 'BadQueryArgs' }));
    }
  });
});
