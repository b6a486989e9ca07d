import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../cli-context.ts';
import { codegenInputFromDisk } from '../codegen/codegen-input-from-disk.ts';
import { generatedFiles } from '../codegen/generated-files.ts';
import { writeGeneratedFiles } from '../codegen/write-generated-files.ts';
import { normalizeDeploymentUrl } from '../config/deployment-settings.ts';
import { ADMIN_KEY_VARIABLES, URL_VARIABLES } from '../config/env-var-names.ts';
import { parseDotenv } from '../config/parse-dotenv.ts';
import { functionsDirectory, readProjectConfig } from '../config/project-config.ts';
import { readDependencies, type ServerPackage } from '../config/server-package.ts';
import { CliError } from '../errors/cli-error.ts';
import { messagesTemplate, schemaTemplate, tsconfigTemplate } from '../init/templates.ts';
import { stringValue, type CommandValues } from './command-values.ts';

const DEFAULT_URL = 'http://127.0.0.1:3210';

/**
 * `selfhost init`: sample functions, `convex/tsconfig.json`, `_generated/` (written locally: the
 * default codegen needs no backend) and the deployment in `.env.local`. Keeps existing files.
 *
 * @example
 * ```ts
 * initCommand(ctx, { url: 'http://127.0.0.1:3210' });
 * ```
 */
export function initCommand(ctx: CliContext, values: CommandValues): void {
  if (!existsSync(path.join(ctx.cwd, 'package.json'))) {
    throw new CliError(
      'project',
      `No package.json in ${ctx.cwd}. Run \`npm init -y\` and \`npm install @selfhost/client\` first, then \`selfhost init\` again.`,
    );
  }
  const url = normalizeDeploymentUrl(stringValue(values, 'url') ?? DEFAULT_URL);
  const adminKey = stringValue(values, 'admin-key');
  const pkg = packageForInit(ctx);
  const config = readProjectConfig(ctx.cwd);
  const functionsDir = functionsDirectory(ctx.cwd, config);
  const created: string[] = [];
  const write = (file: string, text: string) => {
    if (existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    created.push(path.relative(ctx.cwd, file));
  };
  const isNew = !existsSync(functionsDir);
  if (isNew) {
    write(path.join(functionsDir, 'schema.ts'), schemaTemplate(pkg));
    write(path.join(functionsDir, 'messages.ts'), messagesTemplate(pkg));
  }
  write(path.join(functionsDir, 'tsconfig.json'), tsconfigTemplate());
  mkdirSync(functionsDir, { recursive: true });
  writeGeneratedFiles(
    functionsDir,
    generatedFiles(codegenInputFromDisk({ functionsDir, config, pkg, analysis: null })),
  );
  created.push(`${path.relative(ctx.cwd, path.join(functionsDir, '_generated'))}/`);
  const envNote = writeEnvLocal(ctx.cwd, url, adminKey);
  for (const file of created) ctx.reporter.step(`Wrote ${file}`);
  ctx.reporter.step(envNote);
  ctx.reporter.info(
    [
      '',
      'Next:',
      '  1. Start the backend: npx selfhost-backend',
      ...(adminKey === undefined
        ? ['  2. Put the admin key it prints into .env.local as CONVEX_SELF_HOSTED_ADMIN_KEY=<key>']
        : []),
      `  ${adminKey === undefined ? 3 : 2}. Run: npx selfhost dev`,
    ].join('\n'),
  );
}

function packageForInit(ctx: CliContext): ServerPackage {
  const dependencies = readDependencies(ctx.cwd);
  if (!('@selfhost/client' in dependencies) && 'convex' in dependencies) {
    return { name: 'convex', server: 'convex/server', values: 'convex/values' };
  }
  if (!('@selfhost/client' in dependencies)) {
    ctx.reporter.warn(
      '@selfhost/client is not a dependency of this project yet: run `npm install @selfhost/client`.',
    );
  }
  return {
    name: '@selfhost/client',
    server: '@selfhost/client/server',
    values: '@selfhost/client/values',
  };
}

/** Adds the deployment to `.env.local` unless one is there; says what it did. */
function writeEnvLocal(cwd: string, url: string, adminKey: string | undefined): string {
  const file = path.join(cwd, '.env.local');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const values = parseDotenv(existing);
  if (URL_VARIABLES.some((name) => values[name] !== undefined)) {
    return '.env.local already names a deployment: left unchanged';
  }
  const lines = [`CONVEX_SELF_HOSTED_URL=${url}`];
  if (adminKey !== undefined && !ADMIN_KEY_VARIABLES.some((name) => values[name] !== undefined)) {
    lines.push(`CONVEX_SELF_HOSTED_ADMIN_KEY=${adminKey}`);
  }
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}${lines.join('\n')}\n`);
  return `Wrote ${lines.map((line) => line.split('=')[0]).join(' and ')} to .env.local`;
}
