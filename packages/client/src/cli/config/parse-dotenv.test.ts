import { describe, expect, test } from 'vitest';
import { parseDotenv } from './parse-dotenv.ts';

describe('parseDotenv', () => {
  test('reads the .env forms the official CLI (dotenv) reads', () => {
    const text = [
      '# a comment',
      'CONVEX_SELF_HOSTED_URL=http://127.0.0.1:3210 # the backend',
      'export SELFHOST_ADMIN_KEY = "key|01ab"',
      "SINGLE='a # not a comment'",
      'DOUBLE="line1\\nline2"',
      'MULTI="first',
      'second"',
      'BACK=`has "quotes" and \'apostrophes\'`',
      'EMPTY=',
      'COLON: value',
      'not an assignment',
      'CRLF=yes\r',
    ].join('\n');
    expect(parseDotenv(text)).toEqual({
      CONVEX_SELF_HOSTED_URL: 'http://127.0.0.1:3210',
      SELFHOST_ADMIN_KEY: 'key|01ab',
      SINGLE: 'a # not a comment',
      DOUBLE: 'line1\nline2',
      MULTI: 'first\nsecond',
      BACK: 'has "quotes" and \'apostrophes\'',
      EMPTY: '',
      COLON: 'value',
      CRLF: 'yes',
    });
  });

  test('later lines win', () => {
    expect(parseDotenv('A=1\nA=2\n')).toEqual({ A: '2' });
  });
});
