import { describe, expect, test } from 'vitest';
import { ProtocolError } from '../protocol-error.ts';
import { makeTimestamp } from '../timestamp.ts';
import { encodeClientMessage, parseClientMessage } from './client-message.ts';

const SESSION = '9f0c7a52-3c1e-4a5b-8d2f-1e2d3c4b5a69';

function errorOf(text: string): ProtocolError {
  try {
    parseClientMessage(text);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('parseClientMessage', () => {
  test('reads Connect, decoding maxObservedTimestamp', () => {
    expect(
      parseClientMessage(
        JSON.stringify({
          type: 'Connect',
          sessionId: SESSION,
          connectionCount: 2,
          lastCloseReason: null,
          maxObservedTimestamp: 'AQAAAAAAAAA=',
          clientTs: 1724300000000,
        }),
      ),
    ).toEqual({
      type: 'Connect',
      sessionId: SESSION,
      connectionCount: 2,
      lastCloseReason: null,
      maxObservedTimestamp: 1n,
      clientTs: 1724300000000,
    });
  });

  test('reads an old Connect without lastCloseReason or clientTs', () => {
    expect(
      parseClientMessage(
        JSON.stringify({ type: 'Connect', sessionId: SESSION, connectionCount: 0 }),
      ),
    ).toEqual({
      type: 'Connect',
      sessionId: SESSION,
      connectionCount: 0,
      lastCloseReason: null,
    });
  });

  test('reads ModifyQuerySet with Add and Remove', () => {
    const message = parseClientMessage(
      JSON.stringify({
        type: 'ModifyQuerySet',
        baseVersion: 1,
        newVersion: 2,
        modifications: [
          {
            type: 'Add',
            queryId: 4,
            udfPath: 'messages:list',
            args: [{ channel: 'a' }],
            journal: 'j',
            componentPath: 'waitlist',
          },
          { type: 'Remove', queryId: 3 },
        ],
      }),
    );
    expect(message).toEqual({
      type: 'ModifyQuerySet',
      baseVersion: 1,
      newVersion: 2,
      modifications: [
        {
          type: 'Add',
          queryId: 4,
          udfPath: 'messages:list',
          args: [{ channel: 'a' }],
          journal: 'j',
          componentPath: 'waitlist',
        },
        { type: 'Remove', queryId: 3 },
      ],
    });
  });

  test('reads Mutation, Action and Event', () => {
    expect(
      parseClientMessage(
        '{"type":"Mutation","requestId":0,"udfPath":"messages:send","args":[{"body":"hi"}]}',
      ),
    ).toEqual({
      type: 'Mutation',
      requestId: 0,
      udfPath: 'messages:send',
      args: [{ body: 'hi' }],
    });
    expect(
      parseClientMessage(
        '{"type":"Action","requestId":1,"udfPath":"ai","args":[{}],"componentPath":"c"}',
      ),
    ).toEqual({
      type: 'Action',
      requestId: 1,
      udfPath: 'ai',
      args: [{}],
      componentPath: 'c',
    });
    expect(
      parseClientMessage('{"type":"Event","eventType":"ClientConnect","event":{"marks":[]}}'),
    ).toEqual({
      type: 'Event',
      eventType: 'ClientConnect',
      event: { marks: [] },
    });
  });

  test('reads Authenticate in its three token types, with acting_as as an alias of impersonating', () => {
    expect(
      parseClientMessage(
        '{"type":"Authenticate","tokenType":"User","value":"jwt","baseVersion":0}',
      ),
    ).toEqual({
      type: 'Authenticate',
      tokenType: 'User',
      value: 'jwt',
      baseVersion: 0,
    });
    expect(
      parseClientMessage('{"type":"Authenticate","tokenType":"None","baseVersion":3}'),
    ).toEqual({
      type: 'Authenticate',
      tokenType: 'None',
      baseVersion: 3,
    });
    const identity = {
      issuer: 'https://auth.example.com',
      subject: 'u1',
      name: 'Ann',
      custom: { plan: 'pro' },
    };
    for (const field of ['impersonating', 'acting_as']) {
      expect(
        parseClientMessage(
          JSON.stringify({
            type: 'Authenticate',
            tokenType: 'Admin',
            value: 'key',
            baseVersion: 0,
            [field]: identity,
          }),
        ),
      ).toEqual({
        type: 'Authenticate',
        tokenType: 'Admin',
        value: 'key',
        baseVersion: 0,
        impersonating: identity,
      });
    }
  });

  test('accepts and drops unknown fields', () => {
    expect(
      parseClientMessage(
        '{"type":"Mutation","requestId":0,"udfPath":"m:f","args":[{}],"futureField":1}',
      ),
    ).toEqual({
      type: 'Mutation',
      requestId: 0,
      udfPath: 'm:f',
      args: [{}],
    });
  });

  test('parses the worked example of spec §3.8', () => {
    const frames = [
      `{"type":"Connect","sessionId":"${SESSION}","connectionCount":0,"lastCloseReason":"InitialConnect","clientTs":1724300000000}`,
      '{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Add","queryId":0,"udfPath":"messages:list","args":[{}]}]}',
      '{"type":"Mutation","requestId":0,"udfPath":"messages:send","args":[{"body":"hi"}]}',
    ];
    expect(frames.map(parseClientMessage).map((message) => message.type)).toEqual([
      'Connect',
      'ModifyQuerySet',
      'Mutation',
    ]);
  });

  test('invalid JSON is WSMessageInvalidJson', () => {
    const error = errorOf('{"type":');
    expect([error.code, error.path]).toEqual(['WSMessageInvalidJson', []]);
    expect(error.message).toMatch(/^Received invalid JSON on websocket: /);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  test('malformed messages name the field at fault', () => {
    const error = errorOf(
      '{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Add","queryId":"x","udfPath":"a:b","args":[{}]}]}',
    );
    expect([error.code, error.path]).toEqual([
      'WSMessageInvalidJson',
      ['modifications', 0, 'queryId'],
    ]);
    expect(error.message).toBe(
      'ModifyQuerySet.modifications[0].queryId: expected a number, received "x"',
    );
  });

  test('pins representative error messages', () => {
    const bad = [
      '[]',
      '{"type":"Hello"}',
      '{"sessionId":"x"}',
      `{"type":"Connect","sessionId":"not-a-uuid","connectionCount":0}`,
      `{"type":"Connect","sessionId":"${SESSION}","connectionCount":-1}`,
      `{"type":"Connect","sessionId":"${SESSION}","connectionCount":0,"maxObservedTimestamp":"AAAA"}`,
      '{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1}',
      '{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Replace","queryId":1}]}',
      '{"type":"Mutation","requestId":1.5,"udfPath":"a:b","args":[{}]}',
      '{"type":"Mutation","requestId":1,"udfPath":"a:b","args":{}}',
      '{"type":"Mutation","requestId":1,"udfPath":"a:b","args":[{},{}]}',
      '{"type":"Action","requestId":1,"udfPath":"a:1b","args":[{}]}',
      '{"type":"Authenticate","tokenType":"Jwt","value":"x","baseVersion":0}',
      '{"type":"Authenticate","tokenType":"Admin","value":"k","baseVersion":0,"impersonating":{"name":"Ann"}}',
      '{"type":"Authenticate","tokenType":"User","baseVersion":0}',
      '{"type":"Event","eventType":7}',
    ];
    expect(bad.map((text) => errorOf(text).message)).toMatchInlineSnapshot(`
      [
        "ClientMessage: expected an object, received an array",
        "ClientMessage.type: expected one of "Connect", "ModifyQuerySet", "Mutation", "Action", "Authenticate", "Event", received "Hello"",
        "ClientMessage.type: expected one of "Connect", "ModifyQuerySet", "Mutation", "Action", "Authenticate", "Event", received undefined",
        "Connect.sessionId: expected a UUID, received "not-a-uuid"",
        "Connect.connectionCount: expected a number >= 0, received -1",
        "Connect.maxObservedTimestamp: invalid u64b64 timestamp "AAAA": expected 8 bytes, decoded 3",
        "ModifyQuerySet.modifications: missing required field",
        "ModifyQuerySet.modifications[0].type: expected "Add" or "Remove", received "Replace"",
        "Mutation.requestId: expected an integer, received 1.5",
        "Mutation.args: expected an array holding exactly one object, received an object",
        "Mutation.args: expected an array holding exactly one object, received an array",
        "Action.udfPath: "a:1b" is not a valid path to a Convex function. Invalid first character '1' in 1b: identifiers must start with a letter or underscore.",
        "Authenticate.tokenType: expected one of "Admin", "User", "None", received "Jwt"",
        "Authenticate.impersonating: expected "tokenIdentifier", or "issuer" and "subject", received an object",
        "Authenticate.value: missing required field",
        "Event.eventType: expected a string, received 7",
      ]
    `);
  });
});

describe('encodeClientMessage', () => {
  test('writes maxObservedTimestamp as u64b64 and everything else as is', () => {
    expect(
      encodeClientMessage({
        type: 'Connect',
        sessionId: SESSION,
        connectionCount: 1,
        lastCloseReason: 'InactiveServer',
        maxObservedTimestamp: makeTimestamp(1n),
        clientTs: 5,
      }),
    ).toMatchInlineSnapshot(
      `"{"type":"Connect","sessionId":"9f0c7a52-3c1e-4a5b-8d2f-1e2d3c4b5a69","connectionCount":1,"lastCloseReason":"InactiveServer","maxObservedTimestamp":"AQAAAAAAAAA=","clientTs":5}"`,
    );
    expect(
      encodeClientMessage({
        type: 'Authenticate',
        tokenType: 'Admin',
        value: 'k',
        baseVersion: 0,
        impersonating: { tokenIdentifier: 't' },
      }),
    ).toMatchInlineSnapshot(
      `"{"type":"Authenticate","tokenType":"Admin","value":"k","baseVersion":0,"impersonating":{"tokenIdentifier":"t"}}"`,
    );
  });
});
