import {
  evaluatePushResponseSchema,
  finishPushDiffSchema,
  getConfigHashesResponseSchema,
  schemaStatusSchema,
  startPushResponseSchema,
  type EvaluatePushResponse,
  type FinishPushDiff,
  type GetConfigHashesResponse,
  type SchemaStatus,
  type StartPushResponse,
} from '@selfhost/protocol';
import { CLI_VERSION } from '../http/cli-client-version.ts';
import type { DeploymentClient } from '../http/deployment-client.ts';
import { parseAnswer } from '../http/parse-answer.ts';
import type { StartPushBody } from './start-push-body.ts';

/** How long one `wait_for_schema` call may wait on the server (the official CLI's value). */
const SCHEMA_POLL_MS = 10_000;

/**
 * A `start_push` answer twice: validated, for the CLI to read, and exactly as received, which
 * `wait_for_schema` and `finish_push` must echo (compat spec §2.3).
 *
 * @example
 * ```ts
 * const { parsed, raw } = await startPush(client, body);
 * parsed.analysis['']?.functions;
 * ```
 */
export interface StartedPush {
  readonly parsed: StartPushResponse;
  readonly raw: { readonly schemaChange: unknown };
}

/**
 * `POST /api/get_config_hashes`: the hashes of the modules the deployment has now.
 *
 * @example
 * ```ts
 * const { moduleHashes } = await getConfigHashes(client);
 * ```
 */
export async function getConfigHashes(client: DeploymentClient): Promise<GetConfigHashesResponse> {
  const json = await client.post('/api/get_config_hashes', {
    version: CLI_VERSION,
    adminKey: client.deployment.adminKey,
  });
  return parseAnswer(getConfigHashesResponseSchema, json, 'POST /api/get_config_hashes');
}

/**
 * `POST /api/deploy2/evaluate_push`: what the push would change (its index diff), no side effects.
 *
 * @example
 * ```ts
 * const { schemaChange } = await evaluatePush(client, body);
 * ```
 */
export async function evaluatePush(
  client: DeploymentClient,
  body: StartPushBody,
): Promise<EvaluatePushResponse> {
  const json = await client.post('/api/deploy2/evaluate_push', body, { compress: true });
  return parseAnswer(evaluatePushResponseSchema, json, 'POST /api/deploy2/evaluate_push');
}

/**
 * `POST /api/deploy2/start_push`: the server loads and analyses the modules; nothing is live yet.
 *
 * @example
 * ```ts
 * const started = await startPush(client, body);
 * ```
 */
export async function startPush(
  client: DeploymentClient,
  body: StartPushBody,
): Promise<StartedPush> {
  const json = await client.post('/api/deploy2/start_push', body, { compress: true });
  const parsed = parseAnswer(startPushResponseSchema, json, 'POST /api/deploy2/start_push');
  return { parsed, raw: json as { schemaChange: unknown } };
}

/**
 * `POST /api/deploy2/wait_for_schema`, repeated while the answer is `inProgress` (each call
 * long-polls up to 10 s); `onProgress` sees every `inProgress` status. Returns the final status.
 *
 * @example
 * ```ts
 * const status = await waitForSchema(client, started, { dryRun: false, onProgress: (s) => … });
 * ```
 */
export async function waitForSchema(
  client: DeploymentClient,
  started: StartedPush,
  options: {
    readonly dryRun: boolean;
    readonly onProgress: (status: SchemaStatus & { type: 'inProgress' }) => void;
  },
): Promise<Exclude<SchemaStatus, { type: 'inProgress' }>> {
  for (;;) {
    const json = await client.post('/api/deploy2/wait_for_schema', {
      adminKey: client.deployment.adminKey,
      schemaChange: started.raw.schemaChange,
      timeoutMs: SCHEMA_POLL_MS,
      dryRun: options.dryRun,
    });
    const status = parseAnswer(schemaStatusSchema, json, 'POST /api/deploy2/wait_for_schema');
    if (status.type !== 'inProgress') return status;
    options.onProgress(status);
  }
}

/**
 * `POST /api/deploy2/finish_push`: makes the pushed code live, atomically. Echoes the
 * `start_push` answer as received.
 *
 * @example
 * ```ts
 * const diff = await finishPush(client, started, { dryRun: false, message: null });
 * ```
 */
export async function finishPush(
  client: DeploymentClient,
  started: StartedPush,
  options: { readonly dryRun: boolean; readonly message: string | null },
): Promise<FinishPushDiff> {
  const json = await client.post(
    '/api/deploy2/finish_push',
    {
      adminKey: client.deployment.adminKey,
      startPush: started.raw,
      dryRun: options.dryRun,
      message: options.message,
    },
    { compress: true },
  );
  return parseAnswer(finishPushDiffSchema, json, 'POST /api/deploy2/finish_push');
}

/**
 * `POST /api/deploy2/report_push_completed`, best effort: a failure is only returned, never
 * thrown (the push is done by then).
 *
 * @example
 * ```ts
 * const problem = await reportPushCompleted(client);
 * ```
 */
export async function reportPushCompleted(client: DeploymentClient): Promise<unknown> {
  try {
    await client.post('/api/deploy2/report_push_completed', {
      adminKey: client.deployment.adminKey,
      spans: [],
    });
    return undefined;
  } catch (error) {
    return error;
  }
}
