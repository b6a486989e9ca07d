import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clientMessageArb, serverMessageArb } from '../test-support/arbitraries.ts';
import { encodeClientMessage, parseClientMessage } from './client-message.ts';
import { encodeServerMessage, parseServerMessage } from './server-message.ts';

describe('sync message codecs', () => {
  test('parseClientMessage(encodeClientMessage(m)) equals m', () => {
    fc.assert(
      fc.property(clientMessageArb, (message) => {
        expect(parseClientMessage(encodeClientMessage(message))).toEqual(message);
      }),
      { numRuns: 500 },
    );
  });

  test('parseServerMessage(encodeServerMessage(m)) equals m', () => {
    fc.assert(
      fc.property(serverMessageArb, (message) => {
        expect(parseServerMessage(encodeServerMessage(message))).toEqual(message);
      }),
      { numRuns: 500 },
    );
  });
});
