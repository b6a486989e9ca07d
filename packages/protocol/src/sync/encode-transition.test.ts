import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { serverMessageArb } from '../test-support/arbitraries.ts';
import { encodeStateModification, encodeTransitionFromParts } from './encode-transition.ts';
import { encodeServerMessage } from './server-message.ts';

describe('encodeTransitionFromParts', () => {
  test('writes exactly what encodeServerMessage writes', () => {
    fc.assert(
      fc.property(
        serverMessageArb.filter((message) => message.type === 'Transition'),
        (message) => {
          if (message.type !== 'Transition') return;
          const parts = {
            ...message,
            modifications: message.modifications.map(encodeStateModification),
          };
          expect(encodeTransitionFromParts(parts)).toBe(encodeServerMessage(message));
        },
      ),
      { numRuns: 300 },
    );
  });
});
