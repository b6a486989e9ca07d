import { describe, expect, test } from 'vitest';
import { decodeTimestamp, parseServerMessage, type TransitionMessage } from '@selfhost/protocol';
import { RemoteQuerySet } from './remote-query-set.ts';

// The server side of the worked example in compat spec §3.8 (T1 = 1, T2 = 2).
const T0 = 'AAAAAAAAAAA=';
const T1 = 'AQAAAAAAAAA=';
const T2 = 'AgAAAAAAAAA=';
const first = `{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"${T0}"},"endVersion":{"querySet":1,"identity":0,"ts":"${T1}"},"modifications":[{"type":"QueryUpdated","queryId":0,"value":[],"logLines":[],"journal":null}],"clientClockSkew":-3,"serverTs":1724300000004000000}`;
const second = `{"type":"Transition","startVersion":{"querySet":1,"identity":0,"ts":"${T1}"},"endVersion":{"querySet":1,"identity":0,"ts":"${T2}"},"modifications":[{"type":"QueryUpdated","queryId":0,"value":[{"_id":"j57","_creationTime":1724300000010.5,"body":"hi"}],"logLines":[],"journal":null}]}`;

function transition(text: string): TransitionMessage {
  const message = parseServerMessage(text);
  if (message.type !== 'Transition') throw new Error('not a transition');
  return message;
}

describe('RemoteQuerySet', () => {
  test('applies the chained transitions of the worked example', () => {
    const remote = new RemoteQuerySet();
    remote.transition(transition(first));
    expect(remote.results().get(0)).toEqual({ success: true, value: [], logLines: [] });
    expect(remote.version()).toEqual({ querySet: 1, identity: 0, ts: decodeTimestamp(T1) });
    remote.transition(transition(second));
    expect(remote.results().get(0)).toEqual({
      success: true,
      value: [{ _id: 'j57', _creationTime: 1724300000010.5, body: 'hi' }],
      logLines: [],
    });
    expect(remote.timestamp()).toBe(2n);
  });

  test('throws on a transition that does not start at the last end version', () => {
    const remote = new RemoteQuerySet();
    expect(() => remote.transition(transition(second))).toThrowErrorMatchingInlineSnapshot(
      `[Error: Invalid start version: 1:1:0, transitioning from 0:0:0]`,
    );
    remote.transition(transition(first));
    // Replaying the first transition: its start no longer matches.
    expect(() => remote.transition(transition(first))).toThrow(/Invalid start version/);
    // A mismatch in identity alone is caught too.
    const wrongIdentity = transition(second);
    wrongIdentity.startVersion = { ...wrongIdentity.startVersion, identity: 1 };
    expect(() => remote.transition(wrongIdentity)).toThrow(/Invalid start version/);
  });

  test('records failures with decoded errorData and drops removed queries', () => {
    const remote = new RemoteQuerySet();
    const failed = transition(first);
    failed.modifications = [
      {
        type: 'QueryFailed',
        queryId: 0,
        errorMessage: 'boom',
        logLines: ["[LOG] 'x'"],
        journal: null,
        errorData: { $integer: 'AQAAAAAAAAA=' },
      },
      { type: 'QueryUpdated', queryId: 1, value: 1, logLines: [], journal: 'j' },
    ];
    remote.transition(failed);
    expect(remote.results().get(0)).toEqual({
      success: false,
      errorMessage: 'boom',
      errorData: 1n,
      logLines: ["[LOG] 'x'"],
    });
    const removal = transition(second);
    removal.modifications = [{ type: 'QueryRemoved', queryId: 1 }];
    remote.transition(removal);
    expect([...remote.results().keys()]).toEqual([0]);
  });
});
