import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitTransition } from './split-transition.ts';

describe('splitTransition', () => {
  test('cuts the text into ordered parts that join back to it', () => {
    const text = '{"type":"Transition","modifications":[]}';
    const parts = splitTransition(text, { maxChunkLength: 16, transitionId: 't1' });
    expect(parts.map((part) => part.chunk).join('')).toBe(text);
    expect(
      parts.map(({ partNumber, totalParts, transitionId, type }) => [
        type,
        partNumber,
        totalParts,
        transitionId,
      ]),
    ).toEqual([
      ['TransitionChunk', 0, 3, 't1'],
      ['TransitionChunk', 1, 3, 't1'],
      ['TransitionChunk', 2, 3, 't1'],
    ]);
  });

  test('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 2, max: 7 }),
        (text, maxChunkLength) => {
          const parts = splitTransition(text, { maxChunkLength, transitionId: 'x' });
          expect(parts.map((part) => part.chunk).join('')).toBe(text);
          for (const { chunk } of parts) {
            expect(chunk.length).toBeLessThanOrEqual(maxChunkLength);
            expect(chunk).toBe(new TextDecoder().decode(new TextEncoder().encode(chunk)));
          }
        },
      ),
    );
  });

  test('rejects a chunk length that cannot hold a surrogate pair', () => {
    expect(() => splitTransition('abc', { maxChunkLength: 1, transitionId: 'x' })).toThrow(
      RangeError,
    );
  });
});
