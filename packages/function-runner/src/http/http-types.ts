import type { ActionHost } from '../execution/action-host.ts';
import type { Identity } from '../execution/identity.ts';
import type { RunResult } from '../execution/run-types.ts';
import type { LogLine } from '../logs/log-line.ts';

/**
 * An HTTP request for an HTTP action (compat spec §2.8): `url` is the public URL, and
 * `path` the routed path (the part after the `/http` prefix of the main port).
 *
 * @example
 * ```ts
 * const request: HttpActionRequest = { method: 'POST', url: 'http://127.0.0.1:3211/hook', path: '/hook', headers: [['content-type', 'text/plain']], body: Buffer.from('hi') };
 * ```
 */
export interface HttpActionRequest {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | null;
}

/**
 * The response to send back.
 *
 * @example
 * ```ts
 * const response: HttpActionResponse = { status: 200, statusText: 'OK', headers: [['content-type', 'text/plain']], body: Buffer.from('ok') };
 * ```
 */
export interface HttpActionResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array | null;
}

/**
 * What `runHttpAction` takes.
 *
 * @example
 * ```ts
 * await deployment.runHttpAction({ request, actionHost });
 * ```
 */
export interface RunHttpActionRequest {
  readonly request: HttpActionRequest;
  readonly identity?: Identity;
  readonly actionHost?: ActionHost;
  readonly requestId?: string;
  readonly onLogLine?: (line: LogLine) => void;
}

/**
 * The result of an HTTP action: the run (logs, outcome) and the response to send. A thrown
 * error becomes the reference's 500 response (compat spec §5.3); a path with no route, a
 * 404 `No matching routes found`.
 *
 * @example
 * ```ts
 * const { response } = await deployment.runHttpAction({ request });
 * ```
 */
export interface RunHttpActionResult extends RunResult {
  readonly response: HttpActionResponse;
  /** The route pattern that matched (`/hook`, `/files/*`), or `null`. */
  readonly route: string | null;
}
