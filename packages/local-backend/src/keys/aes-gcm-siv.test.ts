import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { aesGcmSivOpen, aesGcmSivSeal } from './aes-gcm-siv.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const block = (first: string) => first.padEnd(32, '0');

interface Vector {
  readonly key: string;
  readonly nonce: string;
  readonly aad: string;
  readonly plaintext: string;
  /** ciphertext ‖ tag */
  readonly sealed: string;
}

const K1 = block('01');
const N3 = '03'.padEnd(24, '0');

/** RFC 8452 Appendix C.1 (AEAD_AES_128_GCM_SIV), every vector. */
const AES_128: Vector[] = [
  { key: K1, nonce: N3, aad: '', plaintext: '', sealed: 'dc20e2d83f25705bb49e439eca56de25' },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: '0100000000000000',
    sealed: 'b5d839330ac7b786578782fff6013b815b287c22493a364c',
  },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: '010000000000000000000000',
    sealed: '7323ea61d05932260047d942a4978db357391a0bc4fdec8b0d106639',
  },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: block('01'),
    sealed: '743f7c8077ab25f8624e2e948579cf77303aaf90f6fe21199c6068577437a0c4',
  },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: block('01') + block('02'),
    sealed:
      '84e07e62ba83a6585417245d7ec413a9fe427d6315c09b57ce45f2e3936a94451a8e45dcd4578c667cd86847bf6155ff',
  },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: block('01') + block('02') + block('03'),
    sealed:
      '3fd24ce1f5a67b75bf2351f181a475c7b800a5b4d3dcf70106b1eea82fa1d64df42bf7226122fa92e17a40eeaac1201b5e6e311dbf395d35b0fe39c2714388f8',
  },
  {
    key: K1,
    nonce: N3,
    aad: '',
    plaintext: block('01') + block('02') + block('03') + block('04'),
    sealed:
      '2433668f1058190f6d43e360f4f35cd8e475127cfca7028ea8ab5c20f7ab2af02516a2bdcbc08d521be37ff28c152bba36697f25b4cd169c6590d1dd39566d3f8a263dd317aa88d56bdf3936dba75bb8',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: '0200000000000000',
    sealed: '1e6daba35669f4273b0a1a2560969cdf790d99759abd1508',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: '020000000000000000000000',
    sealed: '296c7889fd99f41917f4462008299c5102745aaa3a0c469fad9e075a',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: block('02'),
    sealed: 'e2b0c5da79a901c1745f700525cb335b8f8936ec039e4e4bb97ebd8c4457441f',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: block('02') + block('03'),
    sealed:
      '620048ef3c1e73e57e02bb8562c416a319e73e4caac8e96a1ecb2933145a1d71e6af6a7f87287da059a71684ed3498e1',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: block('02') + block('03') + block('04'),
    sealed:
      '50c8303ea93925d64090d07bd109dfd9515a5a33431019c17d93465999a8b0053201d723120a8562b838cdff25bf9d1e6a8cc3865f76897c2e4b245cf31c51f2',
  },
  {
    key: K1,
    nonce: N3,
    aad: '01',
    plaintext: block('02') + block('03') + block('04') + block('05'),
    sealed:
      '2f5c64059db55ee0fb847ed513003746aca4e61c711b5de2e7a77ffd02da42feec601910d3467bb8b36ebbaebce5fba30d36c95f48a3e7980f0e7ac299332a80cdc46ae475563de037001ef84ae21744',
  },
  {
    key: K1,
    nonce: N3,
    aad: '010000000000000000000000',
    plaintext: '02000000',
    sealed: 'a8fe3e8707eb1f84fb28f8cb73de8e99e2f48a14',
  },
  {
    key: K1,
    nonce: N3,
    aad: block('01') + '0200',
    plaintext: block('03') + '04000000',
    sealed: '6bb0fecf5ded9b77f902c7d5da236a4391dd029724afc9805e976f451e6d87f6fe106514',
  },
  {
    key: K1,
    nonce: N3,
    aad: block('01') + '02000000',
    plaintext: block('03') + '0400',
    sealed: '44d0aaf6fb2f1f34add5e8064e83e12a2adabff9b2ef00fb47920cc72a0c0f13b9fd',
  },
  {
    key: 'e66021d5eb8e4f4066d4adb9c33560e4',
    nonce: 'f46e44bb3da0015c94f70887',
    aad: '',
    plaintext: '',
    sealed: 'a4194b79071b01a87d65f706e3949578',
  },
  {
    key: '36864200e0eaf5284d884a0e77d31646',
    nonce: 'bae8e37fc83441b16034566b',
    aad: '46bb91c3c5',
    plaintext: '7a806c',
    sealed: 'af60eb711bd85bc1e4d3e0a462e074eea428a8',
  },
  {
    key: 'aedb64a6c590bc84d1a5e269e4b47801',
    nonce: 'afc0577e34699b9e671fdd4f',
    aad: 'fc880c94a95198874296',
    plaintext: 'bdc66f146545',
    sealed: 'bb93a3e34d3cd6a9c45545cfc11f03ad743dba20f966',
  },
  {
    key: 'd5cc1fd161320b6920ce07787f86743b',
    nonce: '275d1ab32f6d1f0434d8848c',
    aad: '046787f3ea22c127aaf195d1894728',
    plaintext: '1177441f195495860f',
    sealed: '4f37281f7ad12949d01d02fd0cd174c84fc5dae2f60f52fd2b',
  },
  {
    key: 'b3fed1473c528b8426a582995929a149',
    nonce: '9e9ad8780c8d63d0ab4149c0',
    aad: 'c9882e5386fd9f92ec489c8fde2be2cf97e74e93',
    plaintext: '9f572c614b4745914474e7c7',
    sealed: 'f54673c5ddf710c745641c8bc1dc2f871fb7561da1286e655e24b7b0',
  },
  {
    key: '2d4ed87da44102952ef94b02b805249b',
    nonce: 'ac80e6f61455bfac8308a2d4',
    aad: '2950a70d5a1db2316fd568378da107b52b0da55210cc1c1b0a',
    plaintext: '0d8c8451178082355c9e940fea2f58',
    sealed: 'c9ff545e07b88a015f05b274540aa183b3449b9f39552de99dc214a1190b0b',
  },
  {
    key: 'bde3b2f204d1e9f8b06bc47f9745b3d1',
    nonce: 'ae06556fb6aa7890bebc18fe',
    aad: '1860f762ebfbd08284e421702de0de18baa9c9596291b08466f37de21c7f',
    plaintext: '6b3db4da3d57aa94842b9803a96e07fb6de7',
    sealed: '6298b296e24e8cc35dce0bed484b7f30d5803e377094f04709f64d7b985310a4db84',
  },
  {
    key: 'f901cfe8a69615a93fdf7a98cad48179',
    nonce: '6245709fb18853f68d833640',
    aad: '7576f7028ec6eb5ea7e298342a94d4b202b370ef9768ec6561c4fe6b7e7296fa859c21',
    plaintext: 'e42a3c02c25b64869e146d7b233987bddfc240871d',
    sealed: '391cc328d484a4f46406181bcd62efd9b3ee197d052d15506c84a9edd65e13e9d24a2a6e70',
  },
];

/** RFC 8452 C.2 (a sample) and C.3, the counter-wrap tests, which need AES-256. */
const AES_256: Vector[] = [
  {
    key: '01'.padEnd(64, '0'),
    nonce: N3,
    aad: '',
    plaintext: '',
    sealed: '07f5f4169bbf55a8400cd47ea6fd400f',
  },
  {
    key: '01'.padEnd(64, '0'),
    nonce: N3,
    aad: '',
    plaintext: '0100000000000000',
    sealed: 'c2ef328e5c71c83b843122130f7364b761e0b97427e3df28',
  },
  {
    key: '01'.padEnd(64, '0'),
    nonce: N3,
    aad: '01',
    plaintext: '0200000000000000',
    sealed: '1de22967237a813291213f267e3b452f02d01ae33e4ec854',
  },
  {
    key: 'bae8e37fc83441b16034566b7a806c46bb91c3c5aedb64a6c590bc84d1a5e269',
    nonce: 'e4b47801afc0577e34699b9e',
    aad: '4fbdc66f14',
    plaintext: '671fdd',
    sealed: '0eaccb93da9bb81333aee0c785b240d319719d',
  },
  {
    key: '0'.repeat(64),
    nonce: '0'.repeat(24),
    aad: '',
    plaintext: '0'.repeat(32) + '4db923dc793ee6497c76dcc03a98e108',
    sealed:
      'f3f80f2cf0cb2dd9c5984fcda908456cc537703b5ba70324a6793a7bf218d3eaffffffff000000000000000000000000',
  },
  {
    key: '0'.repeat(64),
    nonce: '0'.repeat(24),
    aad: '',
    plaintext: 'eb3640277c7ffd1303c7a542d02d3e4c0000000000000000',
    sealed: '18ce4f0b8cb4d0cac65fea8f79257b20888e53e72299e56dffffffff000000000000000000000000',
  },
];

const input = (v: Vector, data: string) => ({
  key: hex(v.key),
  nonce: hex(v.nonce),
  data: hex(data),
  aad: hex(v.aad),
});

describe('aesGcmSivSeal', () => {
  test.each(AES_128)('AES-128 RFC 8452 C.1: $plaintext / aad $aad', (v) => {
    expect(toHex(aesGcmSivSeal(input(v, v.plaintext)))).toBe(v.sealed);
  });

  test.each(AES_256)('AES-256 RFC 8452 C.2/C.3: $plaintext', (v) => {
    expect(toHex(aesGcmSivSeal(input(v, v.plaintext)))).toBe(v.sealed);
  });

  test('treats a missing aad as empty', () => {
    const v = AES_128[1]!;
    expect(
      toHex(aesGcmSivSeal({ key: hex(v.key), nonce: hex(v.nonce), data: hex(v.plaintext) })),
    ).toBe(v.sealed);
  });

  test('refuses bad key and nonce lengths', () => {
    const data = new Uint8Array(1);
    expect(() =>
      aesGcmSivSeal({ key: new Uint8Array(24), nonce: new Uint8Array(12), data }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: AES-GCM-SIV key must be 16 or 32 bytes, got 24]`,
    );
    expect(() =>
      aesGcmSivSeal({ key: new Uint8Array(16), nonce: new Uint8Array(16), data }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: AES-GCM-SIV nonce must be 12 bytes, got 16]`,
    );
  });
});

describe('aesGcmSivOpen', () => {
  test.each([...AES_128, ...AES_256])(
    'opens the RFC 8452 vector for $plaintext / aad $aad',
    (v) => {
      const opened = aesGcmSivOpen(input(v, v.sealed));
      expect(opened && toHex(opened)).toBe(v.plaintext);
    },
  );

  test('refuses every single-bit change to ciphertext or tag', () => {
    const v = AES_128[14]!;
    const sealed = hex(v.sealed);
    for (let i = 0; i < sealed.length * 8; i++) {
      const tampered = Uint8Array.from(sealed);
      tampered[i >> 3]! ^= 1 << (i & 7);
      expect(aesGcmSivOpen({ ...input(v, ''), data: tampered })).toBeUndefined();
    }
  });

  test('refuses another key, nonce or aad, and input shorter than a tag', () => {
    const v = AES_128[14]!;
    expect(aesGcmSivOpen({ ...input(v, v.sealed), key: hex(block('02')) })).toBeUndefined();
    expect(
      aesGcmSivOpen({ ...input(v, v.sealed), nonce: hex('04'.padEnd(24, '0')) }),
    ).toBeUndefined();
    expect(aesGcmSivOpen({ ...input(v, v.sealed), aad: new Uint8Array(0) })).toBeUndefined();
    expect(aesGcmSivOpen({ ...input(v, v.sealed.slice(0, 30)) })).toBeUndefined();
  });

  test('opens what it seals, for any key, nonce, aad and plaintext', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 16, maxLength: 16 }),
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
        ),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ maxLength: 70 }),
        fc.uint8Array({ maxLength: 70 }),
        (key, nonce, aad, plaintext) => {
          const sealed = aesGcmSivSeal({ key, nonce, aad, data: plaintext });
          expect(sealed.length).toBe(plaintext.length + 16);
          expect(aesGcmSivOpen({ key, nonce, aad, data: sealed })).toEqual(plaintext);
        },
      ),
      { numRuns: 200 },
    );
  });
});
