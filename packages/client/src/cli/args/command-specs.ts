/**
 * One option of a command, in `node:util` `parseArgs` form plus its help line.
 *
 * @example
 * ```ts
 * const option: OptionSpec = { type: 'string', help: 'The deployment URL', valueName: 'url' };
 * ```
 */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly help: string;
  readonly valueName?: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
}

/**
 * A subcommand: its usage line, what it does, and its options.
 *
 * @example
 * ```ts
 * COMMANDS.deploy.usage; // 'selfhost deploy [options]'
 * ```
 */
export interface CommandSpec {
  readonly usage: string;
  readonly summary: string;
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Highest number of positional arguments. */
  readonly maxPositionals: number;
}

const DEPLOYMENT_OPTIONS: Record<string, OptionSpec> = {
  url: {
    type: 'string',
    valueName: 'url',
    help: 'Deployment URL (default: SELFHOST_URL or CONVEX_SELF_HOSTED_URL, from the environment or .env.local)',
  },
  'admin-key': {
    type: 'string',
    valueName: 'key',
    help: 'Admin key (default: SELFHOST_ADMIN_KEY or CONVEX_SELF_HOSTED_ADMIN_KEY)',
  },
  'env-file': {
    type: 'string',
    valueName: 'path',
    help: 'Read the two variables above from this file instead of .env.local and .env',
  },
};

const TYPECHECK: OptionSpec = {
  type: 'string',
  valueName: 'mode',
  choices: ['enable', 'try', 'disable'],
  help: 'Type-check the functions with `tsc --noEmit` before making them live: enable | try (default: skip if TypeScript is missing) | disable',
};
const CODEGEN: OptionSpec = {
  type: 'string',
  valueName: 'mode',
  choices: ['enable', 'disable'],
  help: 'Regenerate convex/_generated/ (default: enable)',
};
const PUSH_ALL_MODULES: OptionSpec = {
  type: 'boolean',
  help: 'Send every module, even those the deployment already has',
};

/**
 * Every `selfhost` subcommand.
 *
 * @example
 * ```ts
 * Object.keys(COMMANDS); // ['init', 'dev', 'deploy', 'codegen', 'run', 'env', 'logs', 'data']
 * ```
 */
export const COMMANDS = {
  init: {
    usage: 'selfhost init [options]',
    summary: 'Create convex/ with a sample schema and functions, and .env.local',
    description:
      'Scaffolds a project for a selfhost backend: convex/schema.ts, convex/messages.ts, convex/tsconfig.json and convex/_generated/, and writes the deployment URL (and admin key, if given) to .env.local as CONVEX_SELF_HOSTED_URL / CONVEX_SELF_HOSTED_ADMIN_KEY, which the official convex CLI reads too. Existing files are kept.',
    options: {
      url: {
        type: 'string',
        valueName: 'url',
        help: 'Deployment URL to write to .env.local (default: http://127.0.0.1:3210)',
      },
      'admin-key': { type: 'string', valueName: 'key', help: 'Admin key to write to .env.local' },
    },
    maxPositionals: 0,
  },
  dev: {
    usage: 'selfhost dev [options]',
    summary: 'Push the functions, then again on every change, and show their logs',
    description:
      'Bundles the functions directory, regenerates convex/_generated/, type-checks and pushes to the deployment, then watches the files and pushes again after each change, printing function logs meanwhile. With --once it pushes once and exits.',
    options: {
      ...DEPLOYMENT_OPTIONS,
      once: { type: 'boolean', help: 'Push once and exit (exit code 1 when the push fails)' },
      typecheck: TYPECHECK,
      codegen: CODEGEN,
      'tail-logs': {
        type: 'string',
        valueName: 'mode',
        choices: ['always', 'pause-on-deploy', 'disable'],
        help: 'Print function logs: always | pause-on-deploy (default) | disable',
      },
      'push-all-modules': PUSH_ALL_MODULES,
    },
    maxPositionals: 0,
  },
  deploy: {
    usage: 'selfhost deploy [options]',
    summary: 'Push the functions once (for CI and production)',
    description:
      'Bundles, regenerates convex/_generated/, type-checks and pushes the functions once. It first asks the deployment what the push would change and stops to confirm when it deletes indexes of large tables (--yes confirms).',
    options: {
      ...DEPLOYMENT_OPTIONS,
      yes: { type: 'boolean', short: 'y', help: 'Do not ask for confirmation' },
      'dry-run': {
        type: 'boolean',
        help: 'Check and show the push, but change nothing on the deployment',
      },
      typecheck: TYPECHECK,
      codegen: CODEGEN,
      message: { type: 'string', valueName: 'text', help: 'A message to attach to this push' },
      'push-all-modules': PUSH_ALL_MODULES,
    },
    maxPositionals: 0,
  },
  codegen: {
    usage: 'selfhost codegen [options]',
    summary: 'Regenerate convex/_generated/ without deploying',
    description:
      'Asks the deployment to analyse the functions (a dry-run push: nothing changes on it) and writes convex/_generated/ — api, server and dataModel — from the result.',
    options: {
      ...DEPLOYMENT_OPTIONS,
      typecheck: TYPECHECK,
      init: { type: 'boolean', help: 'Also write convex/tsconfig.json if it is missing' },
      commonjs: { type: 'boolean', help: 'Also write CommonJS api_cjs.cjs / api_cjs.d.cts' },
    },
    maxPositionals: 0,
  },
  run: {
    usage: 'selfhost run <functionName> [args] [options]',
    summary: 'Run a query, mutation or action',
    description:
      'Runs a function of the deployment with admin rights (internal functions too) and prints its result. The name is `module:export` (`messages:list`, `dir/file:fn`), `module` for a default export, or `api.messages.list`; args is a JSON5 object (default {}).',
    options: {
      ...DEPLOYMENT_OPTIONS,
      identity: {
        type: 'string',
        valueName: 'json',
        help: 'Run as this user identity (JSON5, e.g. \'{ subject: "user1" }\')',
      },
      push: { type: 'boolean', help: 'Push the functions first (like `selfhost dev --once`)' },
      typecheck: TYPECHECK,
      codegen: CODEGEN,
    },
    maxPositionals: 2,
  },
  env: {
    usage: 'selfhost env <list | get <name> | set <name> [value] | remove <name>> [options]',
    summary: "Read and change the deployment's environment variables",
    description:
      'list: print NAME=value lines. get: print one value. set: set one (`set NAME value`, `set NAME=value`, the value from stdin) or, with --from-file, every variable of a .env file. remove (also unset, rm): delete one.',
    options: {
      ...DEPLOYMENT_OPTIONS,
      'from-file': {
        type: 'string',
        valueName: 'path',
        help: '(set) Set the variables of this .env file',
      },
      force: {
        type: 'boolean',
        help: '(set --from-file) Overwrite variables that have other values',
      },
    },
    maxPositionals: 3,
  },
  logs: {
    usage: 'selfhost logs [options]',
    summary: 'Print function logs as they happen',
    description:
      'Streams the log lines of every function execution (`<time> [CONVEX Q(messages:list)] [LOG] …`) until Ctrl-C.',
    options: {
      ...DEPLOYMENT_OPTIONS,
      history: {
        type: 'string',
        valueName: 'n',
        help: 'Also print the last n executions from before (default 0)',
      },
      success: { type: 'boolean', help: 'Also print a line for every successful execution' },
      jsonl: { type: 'boolean', help: 'Print each execution as one JSON line' },
    },
    maxPositionals: 0,
  },
  data: {
    usage: 'selfhost data [table] [options]',
    summary: 'List the tables, or the documents of one',
    description: 'Without a table: the names of all tables. With one: its documents, newest first.',
    options: {
      ...DEPLOYMENT_OPTIONS,
      limit: { type: 'string', valueName: 'n', help: 'How many documents (default 100)' },
      order: {
        type: 'string',
        valueName: 'order',
        choices: ['asc', 'desc'],
        help: 'asc | desc (default: desc, newest first)',
      },
      format: {
        type: 'string',
        valueName: 'format',
        choices: ['pretty', 'json', 'jsonArray', 'jsonLines', 'jsonl'],
        help: 'pretty (a table, default) | json / jsonArray | jsonLines / jsonl',
      },
    },
    maxPositionals: 1,
  },
} as const satisfies Record<string, CommandSpec>;

/**
 * The name of a subcommand.
 *
 * @example
 * ```ts
 * const name: CommandName = 'deploy';
 * ```
 */
export type CommandName = keyof typeof COMMANDS;
