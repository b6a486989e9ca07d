import { describe, expect, test } from 'vitest';
import { ProtocolError } from '../protocol-error.ts';
import { MIN_TIMESTAMP, makeTimestamp } from '../timestamp.ts';
import { encodeTimestamp } from '../timestamp-wire.ts';
import { encodeServerMessage, parseServerMessage } from './server-message.ts';

const T1 = makeTimestamp(1_724_300_000_004_000_000n);
const T2 = makeTimestamp(1_724_300_000_010_000_000n);

function errorOf(text: string): ProtocolError {
  try {
    parseServerMessage(text);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('encodeServerMessage', () => {
  test('writes a Transition in the reference wire shape', () => {
    const text = encodeServerMessage({
      type: 'Transition',
      startVersion: { querySet: 0, identity: 0, ts: MIN_TIMESTAMP },
      endVersion: { querySet: 1, identity: 0, ts: T1 },
      modifications: [
        { type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: null },
        {
          type: 'QueryFailed',
          queryId: 1,
          errorMessage: 'boom',
          logLines: ["[ERROR] 'x'"],
          journal: 'j',
          errorData: { code: 7 },
        },
        { type: 'QueryRemoved', queryId: 2 },
      ],
      clientClockSkew: -3,
      serverTs: 1724300000004000000,
    });
    expect(JSON.parse(text)).toMatchInlineSnapshot(`
      {
        "clientClockSkew": -3,
        "endVersion": {
          "identity": 0,
          "querySet": 1,
          "ts": "AMlx2rbx7Rc=",
        },
        "modifications": [
          {
            "journal": null,
            "logLines": [],
            "queryId": 0,
            "type": "QueryUpdated",
            "value": [],
          },
          {
            "errorData": {
              "code": 7,
            },
            "errorMessage": "boom",
            "journal": "j",
            "logLines": [
              "[ERROR] 'x'",
            ],
            "queryId": 1,
            "type": "QueryFailed",
          },
          {
            "queryId": 2,
            "type": "QueryRemoved",
          },
        ],
        "serverTs": 1724300000004000000,
        "startVersion": {
          "identity": 0,
          "querySet": 0,
          "ts": "AAAAAAAAAAA=",
        },
        "type": "Transition",
      }
    `);
    expect(
      text.startsWith(
        '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="}',
      ),
    ).toBe(true);
  });

  test('omits clientClockSkew and serverTs when unknown', () => {
    const text = encodeServerMessage({
      type: 'Transition',
      startVersion: { querySet: 1, identity: 0, ts: T1 },
      endVersion: { querySet: 1, identity: 0, ts: T2 },
      modifications: [],
    });
    expect(text).toMatchInlineSnapshot(
      `"{"type":"Transition","startVersion":{"querySet":1,"identity":0,"ts":"AMlx2rbx7Rc="},"endVersion":{"querySet":1,"identity":0,"ts":"gFbN2rbx7Rc="},"modifications":[]}"`,
    );
  });

  test('writes MutationResponse success and failure like the reference', () => {
    expect(
      encodeServerMessage({
        type: 'MutationResponse',
        requestId: 0,
        success: true,
        result: null,
        ts: T2,
        logLines: [],
      }),
    ).toMatchInlineSnapshot(
      `"{"type":"MutationResponse","requestId":0,"success":true,"result":null,"ts":"gFbN2rbx7Rc=","logLines":[]}"`,
    );
    expect(
      encodeServerMessage({
        type: 'MutationResponse',
        requestId: 1,
        success: false,
        result: '[Request ID: 1] Server Error',
        logLines: ["[LOG] 'hi'"],
        errorData: 'nope',
      }),
    ).toMatchInlineSnapshot(
      `"{"type":"MutationResponse","requestId":1,"success":false,"result":"[Request ID: 1] Server Error","ts":null,"logLines":["[LOG] 'hi'"],"errorData":"nope"}"`,
    );
    expect(
      encodeServerMessage({
        type: 'MutationResponse',
        requestId: 1,
        success: false,
        result: 'x',
        logLines: [],
      }),
    ).not.toContain('errorData');
  });

  test('writes the other messages as they are', () => {
    expect([
      encodeServerMessage({
        type: 'ActionResponse',
        requestId: 2,
        success: true,
        result: { a: 1 },
        logLines: [],
      }),
      encodeServerMessage({
        type: 'AuthError',
        error: 'expired',
        baseVersion: 0,
        authUpdateAttempted: false,
      }),
      encodeServerMessage({ type: 'FatalError', error: 'BaseVersionMismatch' }),
      encodeServerMessage({ type: 'Ping' }),
      encodeServerMessage({
        type: 'TransitionChunk',
        chunk: '{"ty',
        partNumber: 0,
        totalParts: 2,
        transitionId: 't',
      }),
    ]).toMatchInlineSnapshot(`
      [
        "{"type":"ActionResponse","requestId":2,"success":true,"result":{"a":1},"logLines":[]}",
        "{"type":"AuthError","error":"expired","baseVersion":0,"authUpdateAttempted":false}",
        "{"type":"FatalError","error":"BaseVersionMismatch"}",
        "{"type":"Ping"}",
        "{"type":"TransitionChunk","chunk":"{\\"ty","partNumber":0,"totalParts":2,"transitionId":"t"}",
      ]
    `);
  });
});

describe('parseServerMessage', () => {
  test('parses the server frames of the worked example of spec §3.8', () => {
    const frames = [
      `{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":1,"identity":0,"ts":"${encodeTimestamp(T1)}"},"modifications":[{"type":"QueryUpdated","queryId":0,"value":[],"logLines":[],"journal":null}],"clientClockSkew":-3,"serverTs":1724300000004000000}`,
      `{"type":"MutationResponse","requestId":0,"success":true,"result":null,"ts":"${encodeTimestamp(T2)}","logLines":[]}`,
      `{"type":"Transition","startVersion":{"querySet":1,"identity":0,"ts":"${encodeTimestamp(T1)}"},"endVersion":{"querySet":1,"identity":0,"ts":"${encodeTimestamp(T2)}"},"modifications":[{"type":"QueryUpdated","queryId":0,"value":[{"_id":"j57abc","_creationTime":1724300000010.5,"body":"hi"}],"logLines":[],"journal":null}]}`,
    ];
    const [first, response, second] = frames.map(parseServerMessage);
    expect(first).toEqual({
      type: 'Transition',
      startVersion: { querySet: 0, identity: 0, ts: 0n },
      endVersion: { querySet: 1, identity: 0, ts: T1 },
      modifications: [{ type: 'QueryUpdated', queryId: 0, value: [], logLines: [], journal: null }],
      clientClockSkew: -3,
      serverTs: 1724300000004000000,
    });
    expect(response).toEqual({
      type: 'MutationResponse',
      requestId: 0,
      success: true,
      result: null,
      ts: T2,
      logLines: [],
    });
    expect(second?.type === 'Transition' && second.endVersion.ts).toBe(T2);
  });

  test('reads the reference backend quirks: null clientClockSkew/serverTs, ts:null on failures, old AuthErrors', () => {
    expect(
      parseServerMessage(
        '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[],"clientClockSkew":null,"serverTs":null}',
      ),
    ).toEqual({
      type: 'Transition',
      startVersion: { querySet: 0, identity: 0, ts: 0n },
      endVersion: { querySet: 0, identity: 0, ts: 0n },
      modifications: [],
    });
    expect(
      parseServerMessage(
        '{"type":"MutationResponse","requestId":3,"success":false,"result":"boom","ts":null,"logLines":[]}',
      ),
    ).toEqual({
      type: 'MutationResponse',
      requestId: 3,
      success: false,
      result: 'boom',
      logLines: [],
    });
    expect(
      parseServerMessage('{"type":"AuthError","error":"bad token","baseVersion":null}'),
    ).toEqual({
      type: 'AuthError',
      error: 'bad token',
      baseVersion: null,
    });
    expect(parseServerMessage('{"type":"AuthError","error":"bad token"}')).toEqual({
      type: 'AuthError',
      error: 'bad token',
      baseVersion: null,
    });
    expect(parseServerMessage('{"type":"QueryFailed"}'.replace('QueryFailed', 'Ping'))).toEqual({
      type: 'Ping',
    });
  });

  test('names the field at fault, with code InvalidServerMessage', () => {
    const bad = [
      'nope',
      '"Ping"',
      '{"type":"Pong"}',
      '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":1,"identity":0,"ts":7},"modifications":[]}',
      '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":1,"identity":0,"ts":"AAAAAAAAAAA="},"modifications":[{"type":"QueryUpdated","queryId":0,"logLines":[]}]}',
      '{"type":"MutationResponse","requestId":0,"success":true,"result":1,"logLines":[]}',
      '{"type":"MutationResponse","requestId":0,"success":false,"result":{"message":"x"},"logLines":[]}',
      '{"type":"ActionResponse","requestId":0,"success":"yes","result":1,"logLines":[]}',
      '{"type":"TransitionChunk","chunk":"x","partNumber":0,"totalParts":1}',
    ];
    const errors = bad.map(errorOf);
    for (const error of errors) expect(error.code).toBe('InvalidServerMessage');
    expect(errors.map((error) => error.message.replace(/(JSON from the server: ).*/, '$1…')))
      .toMatchInlineSnapshot(`
      [
        "Received invalid JSON from the server: …",
        "ServerMessage: expected an object, received a string",
        "ServerMessage.type: expected one of "Transition", "TransitionChunk", "MutationResponse", "ActionResponse", "AuthError", "FatalError", "Ping", received "Pong"",
        "Transition.endVersion.ts: expected a string, received 7",
        "Transition.modifications[0].value: missing required field",
        "MutationResponse.ts: missing required field",
        "MutationResponse.result: expected a string, received an object",
        "ActionResponse.success: expected true or false, received "yes"",
        "TransitionChunk.transitionId: missing required field",
      ]
    `);
  });
});
