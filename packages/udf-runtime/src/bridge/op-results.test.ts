import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeEnvelope, errorEnvelope, okEnvelope } from './envelope.ts';
import { decodeOpResults, encodeOpResult } from './op-results.ts';

describe('op results', () => {
  test('round-trip any batch of results', () => {
    const result = fc.record({ id: fc.nat(), ok: fc.boolean(), text: fc.string({ unit: 'binary' }) });
    fc.assert(
      fc.property(fc.array(result, { maxLength: 8 }), (results) => {
        expect(decodeOpResults(results.map((r) => encodeOpResult(r.id, r.ok, r.text)).join(''))).toEqual(results);
      }),
    );
  });
});

describe('envelopes', () => {
  test('carry results and errors', () => {
    expect(decodeEnvelope(okEnvelope('{"a":1}'))).toEqual({ ok: true, json: '{"a":1}' });
    expect(decodeEnvelope(errorEnvelope({ message: 'no', name: 'TypeError', data: '1' }))).toEqual({ ok: false, error: { message: 'no', name: 'TypeError', data: '1' } });
  });
});
