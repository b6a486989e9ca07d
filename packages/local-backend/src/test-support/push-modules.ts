import type { RawModule } from './raw-modules.ts';

/** Where to push and with which key. */
export interface PushTarget {
  readonly url: string;
  readonly adminKey: string;
}

/**
 * The `start_push` body the official CLI would send for these modules (no components).
 *
 * @example
 * const body = pushRequest(ctx, rawModules({ 'a.js': '…' }), rawSchema(schema));
 */
export function pushRequest(target: PushTarget, modules: readonly RawModule[], schema: RawModule | null = null) {
  return {
    adminKey: target.adminKey,
    dryRun: false,
    functions: 'convex/',
    appDefinition: { definition: null, dependencies: [], schema, changedModules: modules, unchangedModuleHashes: [], udfServerVersion: '1.48.0' },
    componentDefinitions: [],
    nodeDependencies: [],
  };
}

/** POSTs JSON to a deploy route with the admin key; returns the status and the parsed body. */
export async function postDeploy(target: PushTarget, route: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${target.url}/api/deploy2/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Convex ${target.adminKey}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Deploys modules the way `convex deploy` does (`start_push`, `wait_for_schema` until done,
 * `finish_push`) and throws with the backend's answer when a step fails.
 *
 * @example
 * await pushModules(ctx, rawModules({ 'items.js': source }));
 */
export async function pushModules(target: PushTarget, modules: readonly RawModule[], schema: RawModule | null = null): Promise<void> {
  const started = await postDeploy(target, 'start_push', pushRequest(target, modules, schema));
  if (started.status !== 200) throw new Error(`start_push answered ${started.status}: ${JSON.stringify(started.body)}`);
  const startPush = started.body as { schemaChange: unknown };
  for (;;) {
    const waited = await postDeploy(target, 'wait_for_schema', { adminKey: target.adminKey, schemaChange: startPush.schemaChange, timeoutMs: 10_000 });
    const status = (waited.body as { type?: string }).type;
    if (waited.status !== 200 || status === 'failed' || status === 'raceDetected') throw new Error(`wait_for_schema: ${JSON.stringify(waited.body)}`);
    if (status === 'complete') break;
  }
  const finished = await postDeploy(target, 'finish_push', { adminKey: target.adminKey, startPush, dryRun: false });
  if (finished.status !== 200) throw new Error(`finish_push answered ${finished.status}: ${JSON.stringify(finished.body)}`);
}
