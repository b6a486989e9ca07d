import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { credentialFiles, runGenerateAdminKey } from '@selfhost/local-backend';

// `--data-dir` (or SELFHOST_DATA_DIR) says where the backend saved its name and secret; every
// other argument goes to the shared command.
const { values, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: { 'data-dir': { type: 'string' } },
  strict: false,
  allowPositionals: true,
  tokens: true,
});
const dataDir = path.resolve(typeof values['data-dir'] === 'string' ? values['data-dir'] : (process.env.SELFHOST_DATA_DIR ?? 'data'));
const rest = tokens
  .filter((token) => !(token.kind === 'option' && token.name === 'data-dir'))
  .flatMap((token) => (token.kind === 'positional' ? [token.value] : token.kind === 'option' ? [token.rawName, ...(token.value === undefined ? [] : [token.value])] : []));

const files = credentialFiles(dataDir);
const output = runGenerateAdminKey({
  args: rest,
  env: process.env,
  saved: { instanceName: readIfExists(files.instanceName), instanceSecret: readIfExists(files.instanceSecret) },
});
process.stderr.write(output.stderr);
process.stdout.write(output.stdout);
process.exitCode = output.exitCode;

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
