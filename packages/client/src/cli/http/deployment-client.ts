import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { CliContext } from '../cli-context.ts';
import type { Deployment } from '../config/deployment-settings.ts';
import { CliError } from '../errors/cli-error.ts';
import { CLI_CLIENT_HEADER } from './cli-client-version.ts';
import { errorFromResponse, notABackend } from './error-from-response.ts';
import { sleepUntilAborted } from './sleep-until-aborted.ts';

const brotliCompress = promisify(zlib.brotliCompress);

/**
 * Talks to one backend's HTTP API as the CLI: every request carries
 * `Authorization: Convex <admin key>`, `Content-Type: application/json` and
 * `Convex-Client: npm-cli-<version>`; deploy bodies can be brotli-compressed JSON (quality 4, as
 * the official CLI sends them). A request that cannot reach the backend is retried after each
 * of `ctx.retryDelaysMs`, then fails with "Cannot reach <url>: is the backend running?";
 * a non-2xx answer becomes a {@link CliError} (see `errorFromResponse`).
 *
 * @example
 * ```ts
 * const client = new DeploymentClient(ctx, deployment);
 * const hashes = await client.post('/api/get_config_hashes', { version, adminKey });
 * ```
 */
export class DeploymentClient {
  readonly deployment: Deployment;
  readonly #ctx: Pick<CliContext, 'fetch' | 'retryDelaysMs' | 'signal'>;

  constructor(ctx: Pick<CliContext, 'fetch' | 'retryDelaysMs' | 'signal'>, deployment: Deployment) {
    this.#ctx = ctx;
    this.deployment = deployment;
  }

  /** POSTs `body` as JSON (brotli-compressed with `compress`) and returns the parsed answer. */
  async post(
    path: string,
    body: unknown,
    options: { readonly compress?: boolean } = {},
  ): Promise<unknown> {
    const json = JSON.stringify(body);
    const headers: Record<string, string> = {};
    let payload: string | Uint8Array<ArrayBuffer> = json;
    if (options.compress === true) {
      const compressed = await brotliCompress(json, {
        params: {
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        },
      });
      payload = new Uint8Array(compressed);
      headers['Content-Encoding'] = 'br';
    }
    return await this.#request('POST', path, { body: payload, headers });
  }

  /** GETs `path` (with its query string) and returns the parsed answer. */
  async get(path: string, options: { readonly signal?: AbortSignal } = {}): Promise<unknown> {
    return await this.#request('GET', path, { signal: options.signal });
  }

  async #request(
    method: 'GET' | 'POST',
    path: string,
    init: {
      body?: string | Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
      signal?: AbortSignal | undefined;
    },
  ): Promise<unknown> {
    const url = `${this.deployment.url}${path}`;
    const what = `${method} ${path.split('?')[0] ?? path}`;
    const headers = {
      Authorization: `Convex ${this.deployment.adminKey}`,
      'Content-Type': 'application/json',
      'Convex-Client': CLI_CLIENT_HEADER,
      ...init.headers,
    };
    const signal =
      init.signal === undefined
        ? this.#ctx.signal
        : AbortSignal.any([init.signal, this.#ctx.signal]);
    const response = await fetchWithRetries(this.#ctx, {
      url,
      init: { method, headers, body: init.body ?? null, signal },
      what,
      deploymentUrl: this.deployment.url,
    });
    const text = await response.text();
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw notABackend(
        this.deployment.url,
        `${what} with ${type}, not JSON (${JSON.stringify(text.slice(0, 80))})`,
      );
    }
  }
}

/**
 * `fetch` for the CLI: retries a request that could not reach the backend after each of
 * `ctx.retryDelaysMs`, then throws the "Cannot reach" error; turns a non-2xx answer into a
 * {@link CliError}. Resolves only with 2xx responses.
 *
 * @example
 * ```ts
 * const response = await fetchWithRetries(ctx, { url: `${url}/api/query`, init: { method: 'POST', body, signal }, what: 'POST /api/query', deploymentUrl: url });
 * ```
 */
export async function fetchWithRetries(
  ctx: Pick<CliContext, 'fetch' | 'retryDelaysMs' | 'signal'>,
  request: {
    readonly url: string;
    readonly init: RequestInit & { readonly signal: AbortSignal };
    /** `POST /api/…`, for error messages. */
    readonly what: string;
    readonly deploymentUrl: string;
  },
): Promise<Response> {
  const { url, init } = request;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await ctx.fetch(url, init);
    } catch (error) {
      if (init.signal.aborted) throw error;
      const delay = ctx.retryDelaysMs[attempt];
      if (delay === undefined) throw unreachable(request.deploymentUrl, error);
      await sleepUntilAborted(delay, init.signal);
      continue;
    }
    if (!response.ok) throw await errorFromResponse(response, request.what, request.deploymentUrl);
    return response;
  }
}

/**
 * The error for a backend that does not answer.
 *
 * @example
 * ```ts
 * throw unreachable('http://127.0.0.1:3210', fetchError);
 * ```
 */
export function unreachable(url: string, cause: unknown): CliError {
  const reason = describeNetworkError(cause);
  return new CliError(
    'unreachable',
    `Cannot reach ${url}${reason === '' ? '' : ` (${reason})`}: is the backend running? Start it with \`npx selfhost-backend\`, or fix the URL (--url, or SELFHOST_URL / CONVEX_SELF_HOSTED_URL in .env.local).`,
    { cause },
  );
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== undefined) return code;
    if (cause instanceof AggregateError) {
      const first = cause.errors[0] as NodeJS.ErrnoException | undefined;
      if (first?.code !== undefined) return first.code;
    }
    return cause.message;
  }
  return '';
}
