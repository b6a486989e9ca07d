import { describe, expect, test } from 'vitest';
import { verifyAdminKey } from './admin-key.ts';
import { runGenerateAdminKey, type GenerateAdminKeyInput } from './mint-cli.ts';

const SECRET = '4361726e697461732c206c69746572616c6c79206d65616e696e6720226c6974';
const now = new Date('2026-03-04T05:06:07Z');

function run(input: Partial<GenerateAdminKeyInput>) {
  return runGenerateAdminKey({ args: [], now, ...input });
}

/** The claims of the key a successful run printed. */
function claims(stdout: string, instanceName: string, instanceSecret = SECRET) {
  expect(stdout).toMatch(/^[^\n]+\n$/);
  return verifyAdminKey(stdout.trim(), { instanceName, instanceSecret });
}

describe('runGenerateAdminKey', () => {
  test('prints the key alone on stdout and its label on stderr, as generate_key', () => {
    const out = run({ args: ['carnitas', SECRET] });
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('Admin key:\n');
    expect(out.stdout.startsWith('carnitas|01')).toBe(true);
    expect(claims(out.stdout, 'carnitas')).toEqual({
      instanceName: 'carnitas',
      issuedAt: now,
      identity: { kind: 'member', memberId: 0n },
      readOnly: false,
    });
  });

  test('takes the name and secret from the environment, then the saved credentials, then the default name', () => {
    const fromEnv = run({
      env: { INSTANCE_NAME: 'from-env', INSTANCE_SECRET: SECRET },
      saved: { instanceName: 'saved', instanceSecret: 'ab' },
    });
    expect(claims(fromEnv.stdout, 'from-env').instanceName).toBe('from-env');
    const fromSaved = run({
      env: { INSTANCE_NAME: '', INSTANCE_SECRET: '' },
      saved: { instanceName: 'saved\n', instanceSecret: `${SECRET}\n` },
    });
    expect(claims(fromSaved.stdout, 'saved').instanceName).toBe('saved');
    const byDefault = run({ env: { INSTANCE_SECRET: SECRET } });
    expect(claims(byDefault.stdout, 'convex-self-hosted').instanceName).toBe('convex-self-hosted');
    const argsWin = run({
      args: ['from-args'],
      env: { INSTANCE_NAME: 'from-env', INSTANCE_SECRET: SECRET },
    });
    expect(claims(argsWin.stdout, 'from-args').instanceName).toBe('from-args');
  });

  test('mints system, member and read-only keys', () => {
    const system = run({ args: ['carnitas', SECRET, '--system-key'] });
    expect(system.stderr).toBe('System key:\n');
    expect(claims(system.stdout, 'carnitas').identity).toEqual({ kind: 'system' });
    const member = run({ args: ['carnitas', SECRET, '--member-id', '42'] });
    expect(member.stderr).toBe('Admin key for member ID 42:\n');
    expect(claims(member.stdout, 'carnitas').identity).toEqual({ kind: 'member', memberId: 42n });
    const readOnly = run({ args: ['--read-only', 'carnitas', SECRET] });
    expect(readOnly.stderr).toBe('Read-only admin key:\n');
    expect(claims(readOnly.stdout, 'carnitas').readOnly).toBe(true);
  });

  test('explains a missing or bad secret and a bad name (exit 1)', () => {
    expect(run({ args: ['carnitas'] })).toMatchInlineSnapshot(`
      {
        "exitCode": 1,
        "stderr": "error: no instance secret: pass it as the second argument, set INSTANCE_SECRET, or start the backend once so that it saves one in its data directory
      ",
        "stdout": "",
      }
    `);
    expect(run({ args: ['carnitas', 'abc'] })).toMatchInlineSnapshot(`
      {
        "exitCode": 1,
        "stderr": "error: the instance secret has 3 characters; expected 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\`
      ",
        "stdout": "",
      }
    `);
    expect(run({ args: ['a|b', SECRET] })).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('cannot appear in an admin key'),
    });
  });

  test('explains bad usage (exit 2) and prints help', () => {
    const usage = (args: string[]) => {
      const out = run({ args });
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toContain('Usage: generate-admin-key');
      return out.stderr.split('\n')[0];
    };
    // Node's own wording, which changes between versions.
    expect(usage(['--nope'])).toMatch(/^error: Unknown option '--nope'/);
    expect(usage(['a', SECRET, 'extra'])).toMatchInlineSnapshot(
      `"error: expected at most 2 arguments (instance name, secret), got 3"`,
    );
    expect(usage(['--system-key', '--member-id', '1'])).toMatchInlineSnapshot(
      `"error: --system-key and --member-id cannot be used together"`,
    );
    expect(usage(['--system-key', '--read-only'])).toMatchInlineSnapshot(
      `"error: --system-key and --read-only cannot be used together"`,
    );
    expect(usage(['--member-id', '-1'])).toMatch(/^error: /);
    expect(usage(['--member-id', '18446744073709551616'])).toMatchInlineSnapshot(
      `"error: --member-id must be a whole number from 0 to 2^64-1, got "18446744073709551616""`,
    );
    const help = run({ args: ['--help'] });
    expect(help).toMatchObject({ exitCode: 0, stderr: '' });
    expect(help.stdout).toContain('--read-only');
  });
});
