import { bundleSystemUdfs } from '@selfhost/system-udfs';

/** What one request answered: status, headers and the body as text and (when it is JSON) parsed. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/**
 * Sends `body` as JSON to `url` with the admin key (pass `adminKey: null` to send none) and
 * reads the whole answer.
 *
 * @example
 * const { status, json } = await postJson(`${ctx.url}/api/query`, { path: 'a:b', args: {} }, { adminKey: ctx.adminKey });
 */
export async function postJson(url: string, body: unknown, options: { readonly adminKey: string | null }): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.adminKey !== null) headers.authorization = `Convex ${options.adminKey}`;
  return answerOf(await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) }));
}

/** Reads a fetch response into an {@link Answer}. */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: `json` stays null and the test looks at `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A pushed module, as `start_push` takes it. */
export interface PushModule {
  readonly path: string;
  readonly source: string;
  readonly sourceMap: string;
  readonly environment: 'isolate';
}

/**
 * A real bundled app to push: the system functions' own esbuild bundle, moved out of
 * `_system/` so that it deploys as user code (`cli/tableSize:default`, `cli/convexUrl:cloudUrl`,
 * … become public user queries). This package has no bundler of its own.
 *
 * @example
 * const modules = await sampleAppModules();
 */
export async function sampleAppModules(): Promise<PushModule[]> {
  return (await bundleSystemUdfs()).map((module) => ({ ...module, path: module.path.slice('_system/'.length) }));
}

/**
 * A `start_push` body for `modules` (root app only, no schema), as the official CLI sends it.
 *
 * @example
 * await postJson(`${url}/api/deploy2/start_push`, startPushBody(modules), { adminKey });
 */
export function startPushBody(modules: readonly PushModule[], options: { readonly dryRun?: boolean } = {}): unknown {
  return {
    dryRun: options.dryRun ?? false,
    functions: 'convex/',
    appDefinition: { definition: null, dependencies: [], schema: null, changedModules: modules, unchangedModuleHashes: [], udfServerVersion: '1.48.0' },
  };
}

/**
 * Pushes `modules` through `start_push` and `finish_push` and throws unless both succeed.
 *
 * @example
 * await pushModules({ url: ctx.url, adminKey: ctx.adminKey }, await sampleAppModules());
 */
export async function pushModules(backend: { readonly url: string; readonly adminKey: string }, modules: readonly PushModule[]): Promise<void> {
  const started = await postJson(`${backend.url}/api/deploy2/start_push`, startPushBody(modules), { adminKey: backend.adminKey });
  if (started.status !== 200) throw new Error(`start_push answered ${started.status}: ${started.text}`);
  const finished = await postJson(`${backend.url}/api/deploy2/finish_push`, { startPush: started.json, dryRun: false }, { adminKey: backend.adminKey });
  if (finished.status !== 200) throw new Error(`finish_push answered ${finished.status}: ${finished.text}`);
}
