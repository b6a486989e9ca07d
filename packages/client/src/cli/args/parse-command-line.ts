import { parseArgs } from 'node:util';
import { CliError } from '../errors/cli-error.ts';
import { COMMANDS, type CommandName, type OptionSpec } from './command-specs.ts';

/**
 * A parsed command line.
 *
 * @example
 * ```ts
 * const line: CommandLine = { kind: 'command', command: 'run', positionals: ['messages:list'], values: {} };
 * ```
 */
export type CommandLine =
  | { readonly kind: 'help'; readonly command: CommandName | undefined }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'command';
      readonly command: CommandName;
      readonly positionals: readonly string[];
      readonly values: Readonly<Record<string, string | boolean | undefined>>;
    };

/**
 * Parses `argv` (without `node` and the script): the subcommand, its positionals and options
 * (`--flag value`, `--flag=value`, short flags). Unknown commands and options, missing values,
 * values outside an option's choices and extra positionals are `usage` errors.
 *
 * @example
 * ```ts
 * parseCommandLine(['deploy', '--yes', '--typecheck=disable']);
 * // { kind: 'command', command: 'deploy', positionals: [], values: { yes: true, typecheck: 'disable' } }
 * ```
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    return { kind: 'help', command: topic !== undefined && isCommand(topic) ? topic : undefined };
  }
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (!isCommand(first)) {
    throw new CliError(
      'usage',
      `Unknown command "${first}". Run \`selfhost --help\` to see the commands.`,
    );
  }
  const spec = COMMANDS[first];
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, option] of Object.entries(spec.options) as [string, OptionSpec][]) {
    options[name] =
      option.short === undefined
        ? { type: option.type }
        : { type: option.type, short: option.short };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(
      'usage',
      `${(error as Error).message}\nRun \`selfhost ${first} --help\` for its options.`,
      { cause: error },
    );
  }
  if (parsed.values['help'] === true) return { kind: 'help', command: first };
  for (const [name, option] of Object.entries(spec.options) as [string, OptionSpec][]) {
    const value = parsed.values[name];
    if (
      typeof value === 'string' &&
      option.choices !== undefined &&
      !option.choices.includes(value)
    ) {
      throw new CliError(
        'usage',
        `--${name} must be one of ${option.choices.join(', ')}, not "${value}".`,
      );
    }
  }
  if (parsed.positionals.length > spec.maxPositionals) {
    throw new CliError(
      'usage',
      `Too many arguments for \`selfhost ${first}\`: ${parsed.positionals.join(' ')}\nUsage: ${spec.usage}`,
    );
  }
  return {
    kind: 'command',
    command: first,
    positionals: parsed.positionals,
    values: parsed.values,
  };
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
