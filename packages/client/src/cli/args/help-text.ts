import { COMMANDS, type CommandName, type CommandSpec } from './command-specs.ts';

/**
 * `selfhost --help`: the commands with one line each.
 *
 * @example
 * ```ts
 * reporter.output(generalHelp());
 * ```
 */
export function generalHelp(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((name) => name.length));
  return [
    'Usage: selfhost <command> [options]',
    '',
    'The command-line tool of selfhost: develop, deploy and manage functions on a selfhost (or',
    'self-hosted Convex) backend. Projects stay compatible with the official `npx convex` CLI.',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    'The deployment is --url / --admin-key, else SELFHOST_URL / SELFHOST_ADMIN_KEY or',
    'CONVEX_SELF_HOSTED_URL / CONVEX_SELF_HOSTED_ADMIN_KEY from the environment, .env.local or .env.',
    '',
    'Run `selfhost <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * `selfhost <command> --help`.
 *
 * @example
 * ```ts
 * reporter.output(commandHelp('deploy'));
 * ```
 */
export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  const flags = Object.entries(spec.options).map(([option, optionSpec]) => {
    const short = optionSpec.short === undefined ? '' : `-${optionSpec.short}, `;
    const value = optionSpec.type === 'string' ? ` <${optionSpec.valueName ?? 'value'}>` : '';
    return { flag: `${short}--${option}${value}`, help: optionSpec.help };
  });
  flags.push({ flag: '-h, --help', help: 'Show this help' });
  const width = Math.max(...flags.map(({ flag }) => flag.length));
  return [
    `Usage: ${spec.usage}`,
    '',
    spec.description,
    '',
    'Options:',
    ...flags.map(({ flag, help }) => `  ${flag.padEnd(width)}  ${help}`),
  ].join('\n');
}
