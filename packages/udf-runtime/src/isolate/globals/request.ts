import { defineGlobal } from '../define-global.ts';
import { AbortSignal } from './abort.ts';
import { BodyHolder, extractBody, type BodySource } from './body.ts';
import { Headers } from './headers.ts';
import { URL } from './url.ts';
import { toDomString } from './to-dom-string.ts';

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];

interface RequestInitLike {
  method?: unknown;
  headers?: unknown;
  body?: unknown;
  signal?: unknown;
  redirect?: unknown;
  credentials?: unknown;
  mode?: unknown;
  cache?: unknown;
  referrer?: unknown;
  integrity?: unknown;
  keepalive?: unknown;
}

function normalizeMethod(method: unknown): string {
  const text = toDomString(method);
  const upper = text.toUpperCase();
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(text)) throw new TypeError(`'${text}' is not a valid HTTP method.`);
  if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') throw new TypeError(`'${text}' HTTP method is unsupported.`);
  return METHODS.includes(upper) ? upper : text;
}

/**
 * `Request`.
 *
 * @example
 * ```ts
 * new Request('https://example.com', { method: 'POST', body: 'hi' });
 * ```
 * @internal
 */
export class Request extends BodyHolder {
  readonly #url: string;
  readonly #method: string;
  readonly #headers: Headers;
  readonly #signal: AbortSignal;
  readonly #redirect: string;
  readonly #credentials: string;
  readonly #mode: string;
  readonly #cache: string;

  constructor(input: unknown, init: RequestInitLike = {}) {
    const from = input instanceof Request ? input : null;
    const source: BodySource | null = init.body !== undefined ? null : from === null ? null : from.sharedSource();
    const extracted = init.body !== undefined ? extractBody(init.body) : { source, contentType: null };
    super(extracted.source);
    this.#url = from !== null ? from.url : new URL(input instanceof URL ? input.href : toDomString(input)).href;
    this.#method = init.method !== undefined ? normalizeMethod(init.method) : (from?.method ?? 'GET');
    if ((this.#method === 'GET' || this.#method === 'HEAD') && extracted.source !== null) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    this.#headers = new Headers(init.headers !== undefined ? init.headers : from?.headers);
    if (extracted.contentType !== null && !this.#headers.has('content-type')) this.#headers.set('content-type', extracted.contentType);
    this.#signal = init.signal instanceof AbortSignal ? init.signal : (from?.signal ?? AbortSignal.never());
    this.#redirect = toDomString(init.redirect ?? from?.redirect ?? 'follow');
    this.#credentials = toDomString(init.credentials ?? from?.credentials ?? 'same-origin');
    this.#mode = toDomString(init.mode ?? from?.mode ?? 'cors');
    this.#cache = toDomString(init.cache ?? from?.cache ?? 'default');
  }

  /** @internal */
  sharedSource(): BodySource | null {
    return this.teeSource();
  }

  protected contentType(): string | null {
    return this.#headers.get('content-type');
  }

  get url(): string {
    return this.#url;
  }
  get method(): string {
    return this.#method;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get signal(): AbortSignal {
    return this.#signal;
  }
  get redirect(): string {
    return this.#redirect;
  }
  get credentials(): string {
    return this.#credentials;
  }
  get mode(): string {
    return this.#mode;
  }
  get cache(): string {
    return this.#cache;
  }
  get destination(): string {
    return '';
  }
  get referrer(): string {
    return 'about:client';
  }
  get integrity(): string {
    return '';
  }
  get keepalive(): boolean {
    return false;
  }

  clone(): Request {
    if (this.bodyUsed) throw new TypeError('Request body is already used');
    return new Request(this);
  }

  get [Symbol.toStringTag](): string {
    return 'Request';
  }
}

/**
 * Installs `Request`.
 *
 * @example
 * ```ts
 * installRequest();
 * ```
 * @internal
 */
export function installRequest(): void {
  defineGlobal('Request', Request);
}
