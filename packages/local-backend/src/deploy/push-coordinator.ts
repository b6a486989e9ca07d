import { randomUUID } from 'node:crypto';
import { diffSchema, isDatabaseError, parseSchema, prepareSchemaChange, type Database } from '@selfhost/database';
import type { DeploymentAnalysis, FunctionRunner } from '@selfhost/function-runner';
import type { FinishPushDiff, IndexDiff, SchemaStatus, StartPushRequest, StartPushResponse } from '@selfhost/protocol';
import type { ActiveDeployment } from '../deployment/active-deployment.ts';
import { writeDeploymentRecord, type DeploymentRecord } from '../deployment/deployment-record.ts';
import { readEnvironment } from '../deployment/environment-store.ts';
import { storeModuleBlob } from '../deployment/module-blob-store.ts';
import { HttpError } from '../routing/http-error.ts';
import { assembleModules, type PushedModule } from './assemble-modules.ts';
import { finishPushDiff } from './finish-push-diff.ts';
import { evaluateSchema, type SchemaEvaluation } from './schema-evaluation.ts';
import type { PendingPush } from './pending-push.ts';
import { startPushResponse } from './start-push-response.ts';
import { wireIndexDiff } from './wire-index-diff.ts';

/** A schema with no tables: pushing an app without `schema.ts` drops its indexes, as Convex does. */
const emptySchema = { tables: [], schemaValidation: false };

/**
 * The deploy protocol's state machine (compat §2.3). `start_push` analyzes the whole module set
 * and, unless it is a dry run, stores the code and starts the schema change (index backfill and
 * validation in the background) — nothing serves yet. `wait_for_schema` reports progress;
 * `finish_push` commits the schema and the new module set in one transaction and then swaps the
 * running code. A newer `start_push` supersedes an unfinished one (whose schema change is
 * abandoned); a push that arrives while another is being started or finished is refused.
 *
 * @example
 * const response = await pushes.start(request);
 */
export class PushCoordinator {
  readonly #db: Database;
  readonly #runner: FunctionRunner;
  readonly #active: ActiveDeployment;
  #pending: PendingPush | null = null;
  #busy: string | null = null;

  constructor(deps: { readonly db: Database; readonly runner: FunctionRunner; readonly active: ActiveDeployment }) {
    this.#db = deps.db;
    this.#runner = deps.runner;
    this.#active = deps.active;
  }

  /** `get_config_hashes`: what is deployed, by hash. */
  moduleHashes(): { path: string; hash: string; environment: 'isolate' | 'node' }[] {
    return (this.#active.record()?.modules ?? []).map((m) => ({ path: m.path, hash: m.hash, environment: m.environment }));
  }

  /** `get_config_hashes`: the `convex` version the deployed code was pushed with (null before a push). */
  udfServerVersion(): string | null {
    return this.#active.record()?.udfConfig.serverVersion ?? null;
  }

  /** `evaluate_push`: the index diff the push would cause, with no effects. */
  async evaluate(request: StartPushRequest): Promise<IndexDiff> {
    const { analysis } = await this.#analyze(request);
    return wireIndexDiff(diffSchema(this.#db, analysis.schema ?? emptySchema));
  }

  /**
   * `evaluate_schema`: analyzes the push, checks its schema and predicts, against the current
   * data, what the schema change would cost (documents to validate, indexes to backfill or
   * drop). Stores and starts nothing; runs beside a push in progress.
   */
  async evaluateSchema(request: StartPushRequest): Promise<SchemaEvaluation> {
    const { analysis } = await this.#analyze(request);
    const schemaJson = analysis.schema ?? emptySchema;
    let schema;
    try {
      schema = parseSchema(schemaJson);
    } catch (error) {
      throw isDatabaseError(error) ? new HttpError(400, 'InvalidSchema', error.message) : error;
    }
    const tx = this.#db.begin({ readOnly: true });
    try {
      return await evaluateSchema(tx, schema, wireIndexDiff(diffSchema(this.#db, schemaJson)));
    } finally {
      tx.abort();
    }
  }

  async start(request: StartPushRequest): Promise<StartPushResponse> {
    return this.#exclusive('start_push', async () => {
      const { modules, analysis, env } = await this.#analyze(request);
      if (request.dryRun) {
        return startPushResponse({ analysis, env, pushId: null, indexDiff: wireIndexDiff(diffSchema(this.#db, analysis.schema ?? emptySchema)) });
      }
      await this.#abandonPending();
      for (const module of modules) await storeModuleBlob(this.#db, module.hash, module);
      const schemaChange = await prepareSchemaChange(this.#db, analysis.schema ?? emptySchema).catch((error: unknown) => {
        throw isDatabaseError(error) ? new HttpError(400, 'InvalidSchema', error.message) : error;
      });
      const pending: PendingPush = { id: randomUUID(), modules, analysis, schemaChange, env, startedAt: Date.now() };
      this.#pending = pending;
      return startPushResponse({ analysis, env, pushId: pending.id, indexDiff: wireIndexDiff(schemaChange.diff) });
    });
  }

  /** `wait_for_schema`: waits up to `timeoutMs` for backfill and validation to finish. */
  async waitForSchema(pushId: string | null, timeoutMs: number): Promise<SchemaStatus> {
    if (pushId === null) return { type: 'complete' };
    const pending = this.#pending;
    if (pending === null || pending.id !== pushId) return { type: 'raceDetected' };
    const progress = await Promise.race([
      pending.schemaChange.ready(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, Math.min(timeoutMs, 60_000))).unref()),
    ]);
    const current = progress ?? pending.schemaChange.progress;
    if (current.state === 'failed') {
      return { type: 'failed', error: current.error ?? 'The schema change failed.', componentPath: '', tableName: current.violations[0]?.tableName ?? null };
    }
    if (current.state === 'inProgress') {
      return {
        type: 'inProgress',
        components: { '': { schemaValidationComplete: current.validationComplete, indexesComplete: current.indexesComplete, indexesTotal: current.indexesTotal } },
      };
    }
    return { type: 'complete' };
  }

  async finish(startPush: StartPushResponse, dryRun: boolean): Promise<FinishPushDiff> {
    if (dryRun) return finishPushDiff(this.#active.record(), this.#active.record() ?? emptyRecord(this.#runner), emptyIndexDiff);
    return this.#exclusive('finish_push', async () => {
      const pushId = (startPush.schemaChange.schemaIds as Record<string, unknown>)[''];
      const pending = this.#pending;
      if (pending === null || typeof pushId !== 'string' || pending.id !== pushId) {
        throw new HttpError(409, 'PushSuperseded', 'This push was superseded by a newer one (or the backend restarted since it started). Push again.');
      }
      const env = await this.#readEnv();
      if (JSON.stringify(sorted(env)) !== JSON.stringify(sorted(pending.env))) {
        throw new HttpError(400, 'RaceDetected', 'Environment variables changed while the push was being prepared. Push again.');
      }
      const previous = this.#active.record();
      const record = recordOf(pending.modules, pending.analysis);
      let indexDiff: IndexDiff;
      try {
        indexDiff = wireIndexDiff(await pending.schemaChange.commit({ alsoWrite: (tx) => writeDeploymentRecord(tx, record) }));
      } catch (error) {
        this.#pending = null;
        await pending.schemaChange.abandon();
        if (isDatabaseError(error)) throw new HttpError(400, error.code, error.message);
        throw error;
      }
      this.#pending = null;
      await this.#active.install({ record, modules: pending.modules }, env);
      return finishPushDiff(previous, record, indexDiff);
    });
  }

  async #analyze(request: StartPushRequest): Promise<{ modules: PushedModule[]; analysis: DeploymentAnalysis; env: Record<string, string> }> {
    // The official CLI always sends the app's definition (a bundled `defineApp()`, even without a
    // convex.config.ts); only child components are unsupported.
    if (request.componentDefinitions.length > 0) {
      throw new HttpError(400, 'ComponentsNotSupported', 'This backend runs only the root app: convex.config.ts and components are not supported yet.');
    }
    const tx = this.#db.begin({ readOnly: true });
    let modules: PushedModule[];
    let env: Record<string, string>;
    try {
      modules = await assembleModules(tx, this.#active.record(), {
        changed: request.appDefinition.changedModules,
        unchanged: request.appDefinition.unchangedModuleHashes,
        schema: request.appDefinition.schema,
      });
      env = await readEnvironment(tx);
    } finally {
      tx.abort();
    }
    // The code runs with the `convex` version it was bundled with; the CLI compares it on its next push.
    const udfConfig = { ...this.#runner.newUdfConfig(), serverVersion: request.appDefinition.udfServerVersion };
    const result = await this.#runner.analyze({ modules, environmentVariables: this.#active.environmentFor(env), udfConfig });
    if (result.status === 'error') throw new HttpError(400, result.code, result.errorMessage);
    return { modules, analysis: result.analysis, env };
  }

  async #abandonPending(): Promise<void> {
    const previous = this.#pending;
    this.#pending = null;
    if (previous !== null) await previous.schemaChange.abandon();
  }

  async #readEnv(): Promise<Record<string, string>> {
    const tx = this.#db.begin({ readOnly: true });
    try {
      return await readEnvironment(tx);
    } finally {
      tx.abort();
    }
  }

  async #exclusive<TResult>(step: string, work: () => Promise<TResult>): Promise<TResult> {
    if (this.#busy !== null) {
      throw new HttpError(409, 'PushInProgress', `Another push is running its ${this.#busy} step right now; try again when it has finished.`);
    }
    this.#busy = step;
    try {
      return await work();
    } finally {
      this.#busy = null;
    }
  }
}

const emptyIndexDiff: IndexDiff = { added_indexes: [], removed_indexes: [], enabled_indexes: [], disabled_indexes: [] };

function recordOf(modules: readonly PushedModule[], analysis: DeploymentAnalysis): DeploymentRecord {
  return {
    modules: modules.map((m) => ({ path: m.path, environment: m.environment, hash: m.hash, analysis: analysis.modules[m.path] ?? null })),
    udfConfig: analysis.udfConfig,
    schema: analysis.schema,
    authConfig: analysis.authConfig,
    crons: analysis.crons,
    pushedAt: Date.now(),
  };
}

function emptyRecord(runner: FunctionRunner): DeploymentRecord {
  return { modules: [], udfConfig: runner.newUdfConfig(), schema: null, authConfig: null, crons: null, pushedAt: 0 };
}

function sorted(env: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
