import { describe, expect, test } from 'vitest';
import { ProtocolError } from '../protocol-error.ts';
import { parseAdminKey } from './admin-key.ts';

describe('parseAdminKey', () => {
  test('splits the reference format', () => {
    expect(parseAdminKey('carnitas|0135d8')).toEqual({
      instanceName: 'carnitas',
      secretPart: '0135d8',
    });
    expect(parseAdminKey('prod:happy-animal-123|0A1b')).toEqual({
      instanceName: 'happy-animal-123',
      displayType: 'prod',
      secretPart: '0A1b',
    });
    expect(parseAdminKey('dev:x|00')).toEqual({
      instanceName: 'x',
      displayType: 'dev',
      secretPart: '00',
    });
    expect(parseAdminKey('preview:team:project|abcd')).toEqual({
      instanceName: 'team:project',
      displayType: 'preview',
      secretPart: 'abcd',
    });
    expect(parseAdminKey('Project:p|ab').displayType).toBe('project');
  });

  test('says what is wrong', () => {
    const messages = [
      'carnitas',
      '|0135',
      'prod:|0135',
      'staging:x|01',
      'x|',
      'x|01zz',
      'x|013',
      'x|01:identity',
    ].map((key) => {
      try {
        parseAdminKey(key);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        expect((error as ProtocolError).code).toBe('InvalidAdminKey');
        return (error as Error).message;
      }
      throw new Error(`expected ${key} to be rejected`);
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "Invalid admin key: the admin key has no "|": expected [prod:|dev:]<instance name>|<hex secret>",
        "Invalid admin key: the instance name before "|" is empty",
        "Invalid admin key: the instance name before "|" is empty",
        "Invalid admin key: unknown display type "staging": expected prod, dev, preview or project",
        "Invalid admin key: the secret after "|" is empty",
        "Invalid admin key: the secret after "|" must be hex, found "z" at position 2",
        "Invalid admin key: the secret after "|" has an odd number of hex digits",
        "Invalid admin key: the secret after "|" must be hex, found ":" at position 2",
      ]
    `);
  });
});
