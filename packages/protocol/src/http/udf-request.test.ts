import { describe, expect, test } from 'vitest';
import { ProtocolError } from '../protocol-error.ts';
import { makeTimestamp } from '../timestamp.ts';
import { parseHttpBody, parseHttpJsonText } from './parse-http-body.ts';
import { udfRequestFromSearchParams } from './udf-query-params.ts';
import {
  functionRequestSchema,
  queryAtTsRequestSchema,
  queryBatchRequestSchema,
  runRequestSchema,
  udfPostRequestSchema,
} from './udf-request.ts';
import { queryBatchResponseSchema, udfResponseSchema } from './udf-response.ts';

function errorOf(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('function API request bodies', () => {
  test('accept args as an object or a one-object array, and drop unknown fields', () => {
    expect(
      parseHttpBody(
        udfPostRequestSchema,
        { path: 'messages:list', args: [{ a: 1 }], format: 'json', extra: true },
        'POST /api/query',
      ),
    ).toEqual({
      path: 'messages:list',
      args: { a: 1 },
      format: 'json',
    });
    expect(
      parseHttpBody(udfPostRequestSchema, { path: 'm', args: { a: 1 } }, 'POST /api/mutation'),
    ).toEqual({ path: 'm', args: { a: 1 } });
    expect(
      parseHttpBody(
        queryAtTsRequestSchema,
        { path: 'm', args: {}, ts: 'AQAAAAAAAAA=' },
        'POST /api/query_at_ts',
      ),
    ).toEqual({
      path: 'm',
      args: {},
      ts: makeTimestamp(1n),
    });
    expect(
      parseHttpBody(
        queryBatchRequestSchema,
        {
          queries: [
            { path: 'a', args: [{}] },
            { path: 'b', args: {} },
          ],
        },
        'POST /api/query_batch',
      ),
    ).toEqual({
      queries: [
        { path: 'a', args: {} },
        { path: 'b', args: {} },
      ],
    });
    expect(
      parseHttpBody(
        functionRequestSchema,
        { path: 'f', args: {}, componentPath: null },
        'POST /api/function',
      ),
    ).toEqual({ path: 'f', args: {}, componentPath: null });
    expect(
      parseHttpBody(runRequestSchema, { args: { n: 1 } }, 'POST /api/run/math/double'),
    ).toEqual({ args: { n: 1 } });
  });

  test('errors name the route and the field', () => {
    const errors = [
      errorOf(() => parseHttpBody(udfPostRequestSchema, { path: 5, args: {} }, 'POST /api/query')),
      errorOf(() => parseHttpBody(udfPostRequestSchema, { path: 'm', args: 5 }, 'POST /api/query')),
      errorOf(() =>
        parseHttpBody(udfPostRequestSchema, { path: 'm', args: [{}, {}] }, 'POST /api/query'),
      ),
      errorOf(() => parseHttpBody(udfPostRequestSchema, { path: 'm' }, 'POST /api/query')),
      errorOf(() => parseHttpBody(udfPostRequestSchema, null, 'POST /api/query')),
      errorOf(() =>
        parseHttpBody(
          queryAtTsRequestSchema,
          { path: 'm', args: {}, ts: 'nope' },
          'POST /api/query_at_ts',
        ),
      ),
      errorOf(() =>
        parseHttpBody(
          queryBatchRequestSchema,
          { queries: [{ path: 'a', args: {} }, { args: {} }] },
          'POST /api/query_batch',
        ),
      ),
      errorOf(() =>
        parseHttpBody(
          udfPostRequestSchema,
          { path: 'm', args: { bad: Number.NaN } },
          'POST /api/query',
        ),
      ),
      errorOf(() => parseHttpJsonText(udfPostRequestSchema, '{"path":', 'POST /api/query')),
    ];
    for (const error of errors) expect(error.code).toBe('BadJsonBody');
    expect(errors[6]?.path).toEqual(['queries', 1, 'path']);
    expect(errors.map((error) => error.message.replace(/(invalid JSON: ).*/, '$1…')))
      .toMatchInlineSnapshot(`
      [
        "POST /api/query body.path: expected a string, received 5",
        "POST /api/query body.args: expected an object or an array holding exactly one object, received 5",
        "POST /api/query body.args: expected an object or an array holding exactly one object, received an array",
        "POST /api/query body.args: missing required field",
        "POST /api/query body: expected an object, received null",
        "POST /api/query_at_ts body.ts: invalid u64b64 timestamp "nope": expected 8 bytes, decoded 3",
        "POST /api/query_batch body.queries[1].path: missing required field",
        "POST /api/query body.args: expected an object or an array holding exactly one object, received an object",
        "POST /api/query body: invalid JSON: …",
      ]
    `);
  });
});

describe('udfRequestFromSearchParams', () => {
  test('reads GET /api/query parameters', () => {
    expect(
      udfRequestFromSearchParams(
        new URLSearchParams('path=messages:list&args={"n":1}&format=json'),
      ),
    ).toEqual({ path: 'messages:list', args: { n: 1 }, format: 'json' });
    expect(udfRequestFromSearchParams(new URLSearchParams('path=m&args=[{"n":1}]'))).toEqual({
      path: 'm',
      args: { n: 1 },
    });
    expect(udfRequestFromSearchParams(new URLSearchParams('path=m'))).toEqual({
      path: 'm',
      args: {},
    });
  });

  test('rejects bad parameters with BadQueryArgs', () => {
    for (const query of ['args={}', 'path=m&args={', 'path=m&args=5']) {
      expect(() => udfRequestFromSearchParams(new URLSearchParams(query)), query).toThrow(
        expect.objectContaining({ code: 'BadQueryArgs' }),
      );
    }
  });
});

describe('UdfResponse', () => {
  test('reads success and error answers, with optional logLines and errorData', () => {
    expect(parseHttpBody(udfResponseSchema, { status: 'success', value: [1] }, 'response')).toEqual(
      { status: 'success', value: [1] },
    );
    expect(
      parseHttpBody(
        udfResponseSchema,
        { status: 'error', errorMessage: 'boom', errorData: { a: 1 }, logLines: ['[LOG] 1'] },
        'response',
      ),
    ).toEqual({
      status: 'error',
      errorMessage: 'boom',
      errorData: { a: 1 },
      logLines: ['[LOG] 1'],
    });
    expect(
      parseHttpBody(
        queryBatchResponseSchema,
        { results: [{ status: 'success', value: null }] },
        'response',
      ).results,
    ).toHaveLength(1);
    expect(
      errorOf(() =>
        parseHttpBody(udfResponseSchema, { status: 'ok', value: 1 }, 'POST /api/query response'),
      ).message,
    ).toBe('POST /api/query response body.status: expected "success" or "error", received "ok"');
  });
});
