import type { FinishPushDiff } from '@selfhost/protocol';
import type { CliContext } from '../cli-context.ts';
import { codegenInputFromDisk } from '../codegen/codegen-input-from-disk.ts';
import { generatedFiles } from '../codegen/generated-files.ts';
import { writeGeneratedFiles } from '../codegen/write-generated-files.ts';
import type { Deployment } from '../config/deployment-settings.ts';
import { CliError } from '../errors/cli-error.ts';
import { runTypecheck, type TypecheckMode } from '../typecheck/run-typecheck.ts';
import { confirmIndexDeletions } from './confirm-index-deletions.ts';
import { preparePush, type PreparedPush } from './prepare-push.ts';
import { printPushDiff } from './print-push-diff.ts';
import {
  finishPush,
  reportPushCompleted,
  startPush,
  waitForSchema,
  type StartedPush,
} from './push-api.ts';

/**
 * How to push (`dev`, `deploy`).
 *
 * @example
 * ```ts
 * const options: PushOptions = { dryRun: false, typecheck: 'try', codegen: true, evaluateFirst: true, yes: false, message: null, pushAllModules: false };
 * ```
 */
export interface PushOptions {
  readonly dryRun: boolean;
  readonly typecheck: TypecheckMode;
  /** Write `_generated/` (before bundling if missing, and from the analysis). */
  readonly codegen: boolean;
  /** `deploy`: ask `evaluate_push` first and confirm deleting indexes on large tables. */
  readonly evaluateFirst: boolean;
  /** Skip that confirmation. */
  readonly yes: boolean;
  readonly message: string | null;
  /** Send every module, ignoring the deployment's hashes. */
  readonly pushAllModules: boolean;
}

/**
 * The files a push read (for `dev` to watch) and what the server changed (`null` on a dry run).
 *
 * @example
 * ```ts
 * const { inputs } = await runPush(ctx, deployment, options);
 * ```
 */
export interface PushResult {
  readonly inputs: readonly string[];
  readonly functionsDir: string;
  readonly diff: FinishPushDiff | null;
}

/**
 * The deploy protocol of compat spec §2.3, as the official CLI runs it: bundle, `get_config_hashes`,
 * (`evaluate_push`), `start_push`, codegen from the analysis, type check, `wait_for_schema` until
 * the schema is validated and indexes are built, `finish_push`, then `report_push_completed`.
 * Any failure before `finish_push` throws, and `finish_push` is never sent — the server applies a
 * push atomically there, so a failed push changes nothing.
 *
 * @example
 * ```ts
 * await runPush(ctx, deployment, { dryRun: false, typecheck: 'try', codegen: true, evaluateFirst: false, yes: false, message: null, pushAllModules: false });
 * ```
 */
export async function runPush(
  ctx: CliContext,
  deployment: Deployment,
  options: PushOptions,
): Promise<PushResult> {
  const prepared = await preparePush(ctx, deployment, options);
  const { client, body } = prepared;
  if (options.evaluateFirst) await confirmIndexDeletions(ctx, prepared, { yes: options.yes });
  ctx.reporter.progress(`Uploading functions to ${deployment.url}…`);
  const started = await startPush(client, body);
  await codegenAndTypecheck(ctx, prepared, { ...options, started });
  await waitUntilSchemaIsReady(ctx, prepared, { started, dryRun: options.dryRun });
  ctx.reporter.progress('Finalizing push…');
  const diff = await finishPush(client, started, {
    dryRun: options.dryRun,
    message: options.message,
  });
  printPushDiff(ctx.reporter, { started: started.parsed, diff, dryRun: options.dryRun });
  if (!options.dryRun) {
    const problem = await reportPushCompleted(client);
    if (problem !== undefined)
      ctx.reporter.warn(`Could not report the finished push: ${(problem as Error).message}`);
  }
  return {
    inputs: prepared.app.inputs,
    functionsDir: prepared.app.functionsDir,
    diff: options.dryRun ? null : diff,
  };
}

/**
 * Writes `_generated/` from the server's analysis of a started push and type-checks the
 * functions against it.
 *
 * @example
 * ```ts
 * await codegenAndTypecheck(ctx, prepared, { started, codegen: true, typecheck: 'try' });
 * ```
 */
export async function codegenAndTypecheck(
  ctx: CliContext,
  prepared: PreparedPush,
  options: {
    readonly started: StartedPush;
    readonly codegen: boolean;
    readonly typecheck: TypecheckMode;
    readonly commonjs?: boolean;
  },
): Promise<void> {
  const { started } = options;
  const { functionsDir } = prepared.app;
  if (options.codegen) {
    ctx.reporter.progress('Generating TypeScript bindings…');
    const analysis = started.parsed.analysis[''] ?? null;
    writeGeneratedFiles(
      functionsDir,
      generatedFiles(
        codegenInputFromDisk({
          functionsDir,
          config: prepared.config,
          pkg: prepared.pkg,
          analysis,
          commonjs: options.commonjs ?? false,
        }),
      ),
    );
  }
  await runTypecheck({
    cwd: ctx.cwd,
    functionsDir,
    mode: options.typecheck,
    reporter: ctx.reporter,
  });
}

async function waitUntilSchemaIsReady(
  ctx: CliContext,
  prepared: PreparedPush,
  { started, dryRun }: { readonly started: StartedPush; readonly dryRun: boolean },
): Promise<void> {
  let lastMessage = '';
  const status = await waitForSchema(prepared.client, started, {
    dryRun,
    onProgress: (progress) => {
      const components = Object.values(progress.components);
      const done = components.reduce((sum, component) => sum + component.indexesComplete, 0);
      const total = components.reduce((sum, component) => sum + component.indexesTotal, 0);
      const validating = components.some((component) => !component.schemaValidationComplete);
      const message =
        done < total
          ? `Backfilling indexes (${done}/${total} ready)${validating ? ' and checking that documents match your schema' : ''}…`
          : 'Checking that documents match your schema…';
      if (message !== lastMessage) ctx.reporter.progress(message);
      lastMessage = message;
    },
  });
  switch (status.type) {
    case 'complete':
      return;
    case 'failed': {
      const where = status.componentPath === '' ? '' : ` in component "${status.componentPath}"`;
      throw new CliError(
        'server',
        `Schema validation failed${where}, nothing was made live:\n${status.error}\n${status.tableName === null ? '' : `Fix the documents of table "${status.tableName}" or change schema.ts, then push again.`}`.trimEnd(),
      );
    }
    case 'raceDetected':
      throw new CliError(
        'server',
        'The schema was changed by another push meanwhile, nothing was made live. Push again.',
      );
    default:
      return unreachable(status);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unknown schema status: ${JSON.stringify(value)}`);
}
