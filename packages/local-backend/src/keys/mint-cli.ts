// The `generate-admin-key` command as a pure function: arguments, environment and the credentials
// saved in the data directory in; exit code and printed text out. The bin reads the files, calls
// this and writes the text. Output follows the reference's `generate_key`: a label on stderr
// ("Admin key:") and the key alone on stdout, so `KEY=$(generate-admin-key)` captures just the key.

import { parseArgs } from 'node:util';
import { defaultInstanceName } from '../config/backend-config.ts';
import { isAdminKeyError } from './admin-key-error.ts';
import type { AdminKeyIdentity } from './admin-key-identity.ts';
import { mintAdminKey } from './admin-key.ts';

const USAGE = `Usage: generate-admin-key [<instance name> [<instance secret>]] [--member-id <n> | --system-key] [--read-only]

Prints a new admin key for this backend. The instance name and secret default to INSTANCE_NAME and
INSTANCE_SECRET, then to the ones saved in the data directory (the name then defaults to
"${defaultInstanceName}"). Keys stay valid until the instance secret changes.

  --member-id <n>  the admin member the key speaks for (default 0, the generic admin)
  --system-key     a system key: the backend itself, for internal tooling
  --read-only      an admin key that may read but not write (queries only)
  --help           this text
`;

/**
 * What {@link runGenerateAdminKey} reads.
 *
 * @example
 * ```ts
 * const input: GenerateAdminKeyInput = {
 *   args: process.argv.slice(2),
 *   env: process.env,
 *   saved: { instanceName: readIfExists(nameFile), instanceSecret: readIfExists(secretFile) },
 * };
 * ```
 */
export interface GenerateAdminKeyInput {
  /** The command's arguments, without the program name. */
  readonly args: readonly string[];
  /** `INSTANCE_NAME` and `INSTANCE_SECRET` are read from here; empty values count as unset. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The name and secret saved in the data directory, as read from their files (or `undefined`). */
  readonly saved?:
    | { readonly instanceName?: string | undefined; readonly instanceSecret?: string | undefined }
    | undefined;
  /** The issue time; default now. */
  readonly now?: Date | undefined;
}

/**
 * What the command prints and how it exits: 0 done, 1 bad name or secret, 2 bad usage.
 *
 * @example
 * ```ts
 * const { exitCode, stdout, stderr } = runGenerateAdminKey(input);
 * process.stderr.write(stderr);
 * process.stdout.write(stdout);
 * process.exitCode = exitCode;
 * ```
 */
export interface GenerateAdminKeyOutput {
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const usageError = (message: string): GenerateAdminKeyOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `error: ${message}\n\n${USAGE}`,
});
const failure = (message: string): GenerateAdminKeyOutput => ({
  exitCode: 1,
  stdout: '',
  stderr: `error: ${message}\n`,
});

/** The first value that is set and not blank, trimmed (saved files end in a newline). */
function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.map((value) => value?.trim()).find((value) => value !== undefined && value !== '');
}

/**
 * Runs `generate-admin-key` without touching the process: parses `args`, picks the instance name
 * and secret (arguments, then environment, then saved credentials), mints a key and returns what
 * to print. Arguments match the reference's `generate_key <name> <secret> [--member-id N |
 * --system-key]`, plus `--read-only`, and both positionals are optional here.
 *
 * @example
 * ```ts
 * runGenerateAdminKey({ args: [], env: { INSTANCE_SECRET: secretHex } });
 * // → { exitCode: 0, stderr: 'Admin key:\n', stdout: 'convex-self-hosted|01…\n' }
 * ```
 */
export function runGenerateAdminKey(input: GenerateAdminKeyInput): GenerateAdminKeyOutput {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...input.args],
      allowPositionals: true,
      strict: true,
      options: {
        'member-id': { type: 'string' },
        'system-key': { type: 'boolean' },
        'read-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { exitCode: 0, stdout: USAGE, stderr: '' };
  if (positionals.length > 2)
    return usageError(
      `expected at most 2 arguments (instance name, secret), got ${positionals.length}`,
    );

  const memberIdText = values['member-id'];
  const systemKey = values['system-key'] === true;
  const readOnly = values['read-only'] === true;
  if (systemKey && memberIdText !== undefined)
    return usageError('--system-key and --member-id cannot be used together');
  if (systemKey && readOnly)
    return usageError('--system-key and --read-only cannot be used together');
  if (
    memberIdText !== undefined &&
    (!/^\d+$/.test(memberIdText) || BigInt(memberIdText) >= 1n << 64n)
  ) {
    return usageError(
      `--member-id must be a whole number from 0 to 2^64-1, got ${JSON.stringify(memberIdText)}`,
    );
  }
  const memberId = BigInt(memberIdText ?? '0');
  const identity: AdminKeyIdentity = systemKey ? { kind: 'system' } : { kind: 'member', memberId };

  const env = input.env ?? {};
  const instanceName =
    firstSet(positionals[0], env['INSTANCE_NAME'], input.saved?.instanceName) ??
    defaultInstanceName;
  const instanceSecret = firstSet(
    positionals[1],
    env['INSTANCE_SECRET'],
    input.saved?.instanceSecret,
  );
  if (instanceSecret === undefined) {
    return failure(
      'no instance secret: pass it as the second argument, set INSTANCE_SECRET, or start the backend once so that it saves one in its data directory',
    );
  }

  let key: string;
  try {
    key = mintAdminKey({ instanceName, instanceSecret, identity, readOnly, issuedAt: input.now });
  } catch (error) {
    if (isAdminKeyError(error)) return failure(error.message);
    throw error;
  }
  const label = systemKey
    ? 'System key:'
    : `${readOnly ? 'Read-only admin key' : 'Admin key'}${memberId === 0n ? '' : ` for member ID ${memberId}`}:`;
  return { exitCode: 0, stdout: `${key}\n`, stderr: `${label}\n` };
}
