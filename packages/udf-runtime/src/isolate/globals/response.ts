import { defineGlobal } from '../define-global.ts';
import { BodyHolder, extractBody, type BodySource } from './body.ts';
import { Headers } from './headers.ts';
import { URL } from './url.ts';
import { toDomString } from './to-dom-string.ts';

const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

interface ResponseInitLike {
  status?: unknown;
  statusText?: unknown;
  headers?: unknown;
}

/**
 * `Response`.
 *
 * @example
 * ```ts
 * Response.json({ ok: true }, { status: 201 });
 * ```
 * @internal
 */
export class Response extends BodyHolder {
  readonly #status: number;
  readonly #statusText: string;
  readonly #headers: Headers;
  readonly #type: string;
  #url = '';
  #redirected = false;

  constructor(body: unknown = null, init: ResponseInitLike = {}, internal?: { type: string; source: BodySource | null }) {
    const extracted = internal !== undefined ? { source: internal.source, contentType: null } : extractBody(body);
    super(extracted.source);
    const status = init.status === undefined ? 200 : Number(init.status);
    if (internal === undefined && (!Number.isInteger(status) || status < 200 || status > 599)) {
      throw new RangeError(`Failed to construct 'Response': The status provided (${toDomString(init.status)}) is outside the range [200, 599].`);
    }
    if (extracted.source !== null && NULL_BODY_STATUSES.includes(status) && internal === undefined) {
      throw new TypeError(`Response with null body status ${status} cannot have body`);
    }
    this.#status = status;
    this.#statusText = init.statusText === undefined ? '' : toDomString(init.statusText);
    this.#headers = new Headers(init.headers);
    if (extracted.contentType !== null && !this.#headers.has('content-type')) this.#headers.set('content-type', extracted.contentType);
    this.#type = internal?.type ?? 'default';
  }

  static json(data: unknown, init: ResponseInitLike = {}): Response {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }

  static redirect(url: unknown, status = 302): Response {
    if (!REDIRECT_STATUSES.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    return new Response(null, { status, headers: { location: new URL(toDomString(url)).href } });
  }

  static error(): Response {
    return new Response(null, { status: 0 }, { type: 'error', source: null });
  }

  protected contentType(): string | null {
    return this.#headers.get('content-type');
  }

  /** @internal Set by `fetch`. */
  setFetched(url: string, redirected: boolean): void {
    this.#url = url;
    this.#redirected = redirected;
  }

  get status(): number {
    return this.#status;
  }
  get statusText(): string {
    return this.#statusText;
  }
  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get type(): string {
    return this.#type;
  }
  get url(): string {
    return this.#url;
  }
  get redirected(): boolean {
    return this.#redirected;
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response body is already used');
    const clone = new Response(null, { status: this.#status, statusText: this.#statusText, headers: this.#headers }, { type: this.#type, source: this.teeSource() });
    clone.setFetched(this.#url, this.#redirected);
    return clone;
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }
}

/**
 * Installs `Response`.
 *
 * @example
 * ```ts
 * installResponse();
 * ```
 * @internal
 */
export function installResponse(): void {
  defineGlobal('Response', Response);
}
