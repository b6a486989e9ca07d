import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValuesError } from '../errors/values-error.ts';
import { encodeBase32 } from './crockford-base32.ts';
import { makeDocumentId } from './document-id.ts';
import { fletcher16 } from './fletcher16.ts';
import { makeInternalId, newInternalId } from './internal-id.ts';
import { isDocumentId, parseDocumentId, tryParseDocumentId } from './parse-document-id.ts';
import { makeTableNumber, type TableNumber } from './table-number.ts';
import { writeVint } from './vint.ts';

/** The internal id of the reference backend's id stability test: 251, 251², 251³… (mod 256). */
function referenceInternalId(): Uint8Array {
  const bytes = new Uint8Array(16);
  bytes[0] = 251;
  for (let i = 1; i < 16; i++) bytes[i] = (bytes[i - 1]! * 251) & 0xff;
  return bytes;
}

/** Binary id = VInt(table) ‖ internal id ‖ footer, with a footer that may be tampered with. */
function binaryId(
  tableNumber: number,
  internalId: Uint8Array,
  extra: readonly number[] = [],
): Uint8Array {
  const out = new Uint8Array(30);
  let at = writeVint(tableNumber, out, 0);
  out.set(internalId, at);
  at += internalId.length;
  const footer = fletcher16(out, at);
  out[at++] = footer & 0xff;
  out[at++] = footer >>> 8;
  for (const byte of extra) out[at++] = byte;
  return out.subarray(0, at);
}

function invalid(text: string): string {
  try {
    parseDocumentId(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ValuesError);
    expect((error as ValuesError).code).toBe('InvalidId');
    return (error as ValuesError).message;
  }
  throw new Error(`expected ${text} to be rejected`);
}

const internalIds = fc.uint8Array({ minLength: 16, maxLength: 16 });
const tableNumbers = fc.oneof(
  fc.integer({ min: 1, max: 0xffff_ffff }),
  fc.constantFrom(
    1,
    127,
    128,
    10_001,
    16_383,
    16_384,
    2 ** 21 - 1,
    2 ** 21,
    2 ** 28 - 1,
    2 ** 28,
    0xffff_ffff,
  ),
);

describe('makeDocumentId', () => {
  test('matches the reference backend stability vector', () => {
    const id = makeDocumentId(makeTableNumber(1017), makeInternalId(referenceInternalId()));
    expect(id).toBe('z43zp6c3e75gkmz1kfwj6mbbx5sw281h');
  });

  test('makes 32-character ids starting with j57 for table 10001', () => {
    for (let i = 0; i < 20; i++) {
      const id = makeDocumentId(makeTableNumber(10_001), newInternalId());
      expect(id).toHaveLength(32);
      expect(id.startsWith('j57')).toBe(true);
    }
  });

  test('has lengths 31 to 37 depending on the table number', () => {
    const internalId = makeInternalId(new Uint8Array(16));
    expect(makeDocumentId(makeTableNumber(127), internalId)).toHaveLength(31);
    expect(makeDocumentId(makeTableNumber(128), internalId)).toHaveLength(32);
    expect(makeDocumentId(makeTableNumber(16_384), internalId)).toHaveLength(34);
    expect(makeDocumentId(makeTableNumber(2 ** 21), internalId)).toHaveLength(36);
    expect(makeDocumentId(makeTableNumber(2 ** 28), internalId)).toHaveLength(37);
  });
});

describe('parseDocumentId', () => {
  test('decodes the reference vector and re-encodes it', () => {
    const parsed = parseDocumentId('z43zp6c3e75gkmz1kfwj6mbbx5sw281h');
    expect(parsed.tableNumber).toBe(1017);
    expect([...parsed.internalId]).toEqual([...referenceInternalId()]);
    expect(makeDocumentId(parsed.tableNumber, parsed.internalId)).toBe(
      'z43zp6c3e75gkmz1kfwj6mbbx5sw281h',
    );
  });

  test('round-trips any table number and internal id', () => {
    fc.assert(
      fc.property(tableNumbers, internalIds, (tableNumber, internalId) => {
        const id = makeDocumentId(makeTableNumber(tableNumber), makeInternalId(internalId));
        const parsed = parseDocumentId(id);
        expect(parsed.id).toBe(id);
        expect(parsed.tableNumber).toBe(tableNumber);
        expect([...parsed.internalId]).toEqual([...internalId]);
        expect(tryParseDocumentId(id)?.tableNumber).toBe(tableNumber);
        expect(isDocumentId(id)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('rejects a wrong length', () => {
    expect(invalid('')).toContain('its length is 0, but ids have 31 to 37 characters');
    expect(invalid('z'.repeat(38))).toContain('its length is 38');
    expect(invalid('x'.repeat(10_000))).toMatch(/"x{61}\.\.\.": its length is 10000/);
  });

  test('rejects characters outside the alphabet, uppercase included', () => {
    const id = makeDocumentId(makeTableNumber(10_001), newInternalId());
    expect(invalid(`${id.slice(0, 5)}u${id.slice(6)}`)).toContain(
      'the character "u" at index 5 is not in the id alphabet',
    );
    expect(invalid(id.toUpperCase())).toContain('the character "J" at index 0');
    expect(invalid(`${id.slice(0, 31)}é`)).toContain('"é" at index 31');
  });

  test('rejects a bad checksum', () => {
    const id = makeDocumentId(makeTableNumber(10_001), makeInternalId(referenceInternalId()));
    const tampered = `${id.slice(0, 10)}${id[10] === '0' ? '1' : '0'}${id.slice(11)}`;
    expect(invalid(tampered)).toContain('its checksum does not match');
  });

  test('rejects table number 0', () => {
    expect(invalid(encodeBase32(binaryId(0, referenceInternalId()), 19))).toContain(
      'its table number is 0',
    );
  });

  test('rejects a truncated or oversized table number', () => {
    const allContinuation = new Uint8Array(19).fill(0x80);
    expect(invalid(encodeBase32(allContinuation, 19))).toContain('does not fit in 32 bits');
    const fiveBytes = new Uint8Array(23).fill(0);
    fiveBytes.set([0xff, 0xff, 0xff, 0xff, 0x1f]);
    expect(invalid(encodeBase32(fiveBytes, 23))).toContain('does not fit in 32 bits');
    // A 19-byte binary whose table number claims 5 bytes leaves too few bytes for the rest.
    const long = new Uint8Array(19).fill(0);
    long.set([0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(invalid(encodeBase32(long, 19))).toContain('it is too short for table number 268435456');
    // The reference backend's regression input (a table number that takes two bytes).
    expect(tryParseDocumentId('sssswsgggggggggsgcsssfafffsffks')).toBeNull();
  });

  test('rejects trailing bytes after the checksum', () => {
    expect(invalid(encodeBase32(binaryId(5, referenceInternalId(), [0]), 20))).toContain(
      'extra bytes after the checksum',
    );
  });

  test('rejects non-canonical spellings', () => {
    // A table number written with a needless extra VInt byte.
    const padded = new Uint8Array(20);
    padded.set([0x81, 0x00]);
    padded.set(referenceInternalId(), 2);
    const footer = fletcher16(padded, 18);
    padded.set([footer & 0xff, footer >>> 8], 18);
    expect(invalid(encodeBase32(padded, 20))).toContain(
      'it is not in canonical form (the canonical form is "',
    );
    // Non-zero padding bits in the last character.
    const id = makeDocumentId(makeTableNumber(5), makeInternalId(referenceInternalId()));
    const last = '0123456789abcdefghjkmnpqrstvwxyz'.indexOf(id[30]!);
    const sloppy = id.slice(0, 30) + '0123456789abcdefghjkmnpqrstvwxyz'[last | 1]!;
    if (sloppy !== id) expect(invalid(sloppy)).toContain('not in canonical form');
    // 33 characters: a length no binary id encodes to.
    expect(
      invalid(`${makeDocumentId(makeTableNumber(10_001), makeInternalId(referenceInternalId()))}0`),
    ).toMatch(/extra bytes|canonical/);
  });

  test('pins a representative message', () => {
    expect(invalid('j57abc')).toMatchInlineSnapshot(
      `"Invalid document id "j57abc": its length is 6, but ids have 31 to 37 characters."`,
    );
  });
});

describe('makeTableNumber', () => {
  test('accepts 1 to 2^32 - 1 and rejects the rest', () => {
    expect(makeTableNumber(1)).toBe(1);
    expect(makeTableNumber(0xffff_ffff)).toBe(0xffff_ffff);
    for (const bad of [0, -1, 1.5, 2 ** 32, NaN]) {
      expect(() => makeTableNumber(bad)).toThrow(
        'is not valid: table numbers are integers from 1 to 4294967295',
      );
    }
    expect(() => makeDocumentId(0 as TableNumber, makeInternalId(new Uint8Array(16)))).toThrow(
      'Table number 0 is not valid',
    );
  });
});

describe('makeInternalId and newInternalId', () => {
  test('require 16 bytes and copy them', () => {
    const source = new Uint8Array(16);
    const internalId = makeInternalId(source);
    source[0] = 9;
    expect(internalId[0]).toBe(0);
    expect(() => makeInternalId(new Uint8Array(15))).toThrow(
      'An internal id has 16 bytes, not 15.',
    );
  });

  test('end new ids with the big-endian day number', () => {
    const day = 20_000;
    const internalId = newInternalId(day * 86_400_000 + 5);
    expect(internalId[14]! * 256 + internalId[15]!).toBe(day);
    expect(newInternalId(0).subarray(14)).toEqual(new Uint8Array([0, 0]));
    expect(() => newInternalId(-1)).toThrow('does not fit in 16 bits');
    expect(() => newInternalId(65_536 * 86_400_000)).toThrow('does not fit in 16 bits');
  });

  test('are random in their first 14 bytes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++)
      seen.add(Buffer.from(newInternalId().subarray(0, 14)).toString('hex'));
    expect(seen.size).toBe(100);
  });
});
