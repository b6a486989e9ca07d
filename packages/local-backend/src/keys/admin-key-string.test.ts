import { describe, expect, test } from 'vitest';
import { isAdminKeyError } from './admin-key-error.ts';
import { formatAdminKey, splitAdminKey } from './admin-key-string.ts';

const view = (key: string) => {
  const { instanceName, payload } = splitAdminKey(key);
  return { instanceName, payload: Buffer.from(payload).toString('hex') };
};

function refusal(key: string) {
  try {
    splitAdminKey(key);
  } catch (error) {
    if (isAdminKeyError(error))
      return { code: error.code, problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('splitAdminKey', () => {
  test('reads name|hex, with or without a display prefix, and bare hex', () => {
    expect(view('carnitas|01ab')).toEqual({ instanceName: 'carnitas', payload: '01ab' });
    expect(view('prod:carnitas|01AB')).toEqual({ instanceName: 'carnitas', payload: '01ab' });
    expect(view('dev:carnitas|01ab')).toEqual({ instanceName: 'carnitas', payload: '01ab' });
    expect(view('01ab')).toEqual({ instanceName: undefined, payload: '01ab' });
    expect(view(' carnitas|01ab\n')).toEqual({ instanceName: 'carnitas', payload: '01ab' });
  });

  test('drops everything up to the first ":" before "|", as the reference', () => {
    expect(view('preview:team:project|01ab').instanceName).toBe('team:project');
  });

  test('says what is malformed', () => {
    expect(refusal('')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is empty",
        "problem": "malformed",
      }
    `);
    expect(refusal('carnitas|')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the part of the admin key after "|" is not hex (expected "<instance name>|<hex>")",
        "problem": "malformed",
      }
    `);
    expect(refusal('carnitas|01abz')).toMatchObject({
      problem: 'malformed',
      message: expect.stringContaining('is not hex'),
    });
    expect(refusal('carnitas')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is not hex (expected "<instance name>|<hex>")",
        "problem": "malformed",
      }
    `);
    expect(refusal('|01ab')).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key has no instance name before "|" (expected "<instance name>|<hex>")",
        "problem": "malformed",
      }
    `);
    expect(refusal('prod:|01ab')).toMatchObject({ problem: 'malformed' });
    expect(refusal(`carnitas|${'00'.repeat(3000)}`)).toMatchInlineSnapshot(`
      {
        "code": "BadAdminKey",
        "message": "the admin key is 6009 characters long; real keys are far shorter",
        "problem": "malformed",
      }
    `);
  });
});

describe('formatAdminKey', () => {
  test('joins name and hex with "|"', () => {
    expect(formatAdminKey('carnitas', '01ab')).toBe('carnitas|01ab');
  });
});
