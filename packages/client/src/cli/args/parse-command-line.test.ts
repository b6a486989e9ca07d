import { describe, expect, test } from 'vitest';
import { parseCommandLine } from './parse-command-line.ts';

describe('parseCommandLine', () => {
  test('commands, options, short flags and positionals', () => {
    expect(parseCommandLine(['deploy', '-y', '--typecheck=disable', '--url', 'http://x'])).toEqual({
      kind: 'command',
      command: 'deploy',
      positionals: [],
      values: { yes: true, typecheck: 'disable', url: 'http://x' },
    });
    expect(parseCommandLine(['run', 'messages:list', '{a: 1}', '--admin-key', 'k'])).toMatchObject({
      positionals: ['messages:list', '{a: 1}'],
      values: { 'admin-key': 'k' },
    });
    expect(parseCommandLine(['env', 'set', 'A', 'b'])).toMatchObject({
      positionals: ['set', 'A', 'b'],
    });
  });

  test('help and version', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'help', command: undefined });
    expect(parseCommandLine(['help', 'dev'])).toEqual({ kind: 'help', command: 'dev' });
    expect(parseCommandLine(['logs', '--help'])).toEqual({ kind: 'help', command: 'logs' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });

  test('usage errors', () => {
    expect(() => parseCommandLine(['push'])).toThrowErrorMatchingInlineSnapshot(
      `[CliError: Unknown command "push". Run \`selfhost --help\` to see the commands.]`,
    );
    expect(() =>
      parseCommandLine(['dev', '--typecheck', 'maybe']),
    ).toThrowErrorMatchingInlineSnapshot(
      `[CliError: --typecheck must be one of enable, try, disable, not "maybe".]`,
    );
    expect(() => parseCommandLine(['deploy', 'extra'])).toThrowErrorMatchingInlineSnapshot(`
      [CliError: Too many arguments for \`selfhost deploy\`: extra
      Usage: selfhost deploy [options]]
    `);
    expect(() => parseCommandLine(['deploy', '--url'])).toThrow(/argument missing/);
  });
});
