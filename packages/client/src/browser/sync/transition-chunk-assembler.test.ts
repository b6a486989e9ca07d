import { describe, expect, test } from 'vitest';
import { TransitionChunkAssembler } from './transition-chunk-assembler.ts';

const whole =
  '{"type":"Transition","startVersion":{"querySet":0,"identity":0,"ts":"AAAAAAAAAAA="},"endVersion":{"querySet":1,"identity":0,"ts":"AQAAAAAAAAA="},"modifications":[]}';
const parts = [whole.slice(0, 40), whole.slice(40, 90), whole.slice(90)];
const chunk = (partNumber: number, transitionId = 't1') => ({
  type: 'TransitionChunk' as const,
  chunk: parts[partNumber] ?? '',
  partNumber,
  totalParts: 3,
  transitionId,
});

describe('TransitionChunkAssembler', () => {
  test('joins parts in order into one Transition', () => {
    const assembler = new TransitionChunkAssembler();
    expect(assembler.add(chunk(0))).toBeNull();
    expect(assembler.add(chunk(1))).toBeNull();
    expect(assembler.add(chunk(2))).toMatchObject({
      type: 'Transition',
      endVersion: { querySet: 1, ts: 1n },
    });
    expect(assembler.isBuffering).toBe(false);
  });

  test('rejects parts out of order or from another transition', () => {
    const assembler = new TransitionChunkAssembler();
    expect(() => assembler.add(chunk(1))).toThrow(
      'TransitionChunk received out of order: expected part 0, got 1',
    );
    assembler.add(chunk(0));
    expect(() => assembler.add(chunk(1, 't2'))).toThrow('Invalid TransitionChunk');
    expect(assembler.isBuffering).toBe(false);
  });
});
