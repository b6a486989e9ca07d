import { defineGlobal } from '../define-global.ts';
import { hostOf, isSpecialScheme, parseUrl, pathOf, percentEncode, serializeUrl, type UrlRecord } from './url-parser.ts';
import { URLSearchParams } from './url-search-params.ts';
import { toDomString } from './to-dom-string.ts';

/**
 * `URL`, on the in-isolate parser.
 *
 * @example
 * ```ts
 * new URL('/a?b=1', 'https://example.com').href; // 'https://example.com/a?b=1'
 * ```
 * @internal
 */
export class URL {
  #record: UrlRecord;
  readonly #searchParams: URLSearchParams;

  constructor(url: unknown, base?: unknown) {
    if (arguments.length === 0) throw new TypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
    const baseRecord = base === undefined ? null : parseUrl(toDomString(base instanceof URL ? base.href : base), null);
    this.#record = parseUrl(toDomString(url instanceof URL ? url.href : url), baseRecord);
    this.#searchParams = URLSearchParams.linked(this.#record.query ?? '', (query) => {
      this.#record.query = query === '' ? null : query;
    });
  }

  static canParse(url: unknown, base?: unknown): boolean {
    try {
      new URL(url, base);
      return true;
    } catch {
      return false;
    }
  }

  static parse(url: unknown, base?: unknown): URL | null {
    try {
      return new URL(url, base);
    } catch {
      return null;
    }
  }

  #reparse(href: string): void {
    this.#record = parseUrl(href, null);
    this.#searchParams.reset(this.#record.query ?? '');
  }

  get href(): string {
    return serializeUrl(this.#record);
  }
  set href(value: string) {
    this.#reparse(toDomString(value));
  }

  get origin(): string {
    const { scheme } = this.#record;
    if (scheme === 'blob' && typeof this.#record.path === 'string') return URL.canParse(this.#record.path) ? new URL(this.#record.path).origin : 'null';
    return isSpecialScheme(scheme) && scheme !== 'file' ? `${scheme}://${hostOf(this.#record)}` : 'null';
  }

  get protocol(): string {
    return `${this.#record.scheme}:`;
  }
  set protocol(value: string) {
    const scheme = toDomString(value).replace(/:.*$/, '').toLowerCase();
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme) || isSpecialScheme(scheme) !== isSpecialScheme(this.#record.scheme)) return;
    this.#reparse(serializeUrl({ ...this.#record, scheme }));
  }

  get username(): string {
    return this.#record.username;
  }
  set username(value: string) {
    if (this.#record.host === null || this.#record.host === '') return;
    this.#record.username = percentEncode(toDomString(value), 'userinfo');
  }

  get password(): string {
    return this.#record.password;
  }
  set password(value: string) {
    if (this.#record.host === null || this.#record.host === '') return;
    this.#record.password = percentEncode(toDomString(value), 'userinfo');
  }

  get host(): string {
    return hostOf(this.#record);
  }
  set host(value: string) {
    if (typeof this.#record.path === 'string') return;
    try {
      const parsed = parseUrl(`${this.#record.scheme}://${toDomString(value)}/`, null);
      this.#record.host = parsed.host;
      if (/:\d+$/.test(toDomString(value))) this.#record.port = parsed.port;
    } catch {
      // Invalid hosts are ignored, as by browsers.
    }
  }

  get hostname(): string {
    return this.#record.host ?? '';
  }
  set hostname(value: string) {
    if (typeof this.#record.path === 'string') return;
    try {
      this.#record.host = parseUrl(`${this.#record.scheme}://${toDomString(value).replace(/:.*$/, '')}/`, null).host;
    } catch {
      // ignored
    }
  }

  get port(): string {
    return this.#record.port === null ? '' : toDomString(this.#record.port);
  }
  set port(value: string) {
    if (this.#record.host === null || this.#record.host === '' || this.#record.scheme === 'file') return;
    const text = toDomString(value);
    if (text === '') {
      this.#record.port = null;
      return;
    }
    const digits = /^\d+/.exec(text)?.[0];
    if (digits === undefined) return;
    this.#reparse(serializeUrl({ ...this.#record, port: Number(digits) }).replace(`//${hostOf(this.#record)}`, `//${this.#record.host}:${digits}`));
  }

  get pathname(): string {
    return pathOf(this.#record);
  }
  set pathname(value: string) {
    if (typeof this.#record.path === 'string') return;
    const text = toDomString(value);
    const prefix = text.startsWith('/') || (isSpecialScheme(this.#record.scheme) && text.startsWith('\\')) ? '' : '/';
    const reparsed = parseUrl(`${this.#record.scheme}://h${prefix}${text.replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'))}`, null);
    this.#record.path = reparsed.path;
  }

  get search(): string {
    return this.#record.query === null || this.#record.query === '' ? '' : `?${this.#record.query}`;
  }
  set search(value: string) {
    const text = toDomString(value);
    const query = text.startsWith('?') ? text.slice(1) : text;
    this.#record.query = text === '' ? null : percentEncode(query, isSpecialScheme(this.#record.scheme) ? 'special-query' : 'query');
    this.#searchParams.reset(query);
  }

  get searchParams(): URLSearchParams {
    return this.#searchParams;
  }

  get hash(): string {
    return this.#record.fragment === null || this.#record.fragment === '' ? '' : `#${this.#record.fragment}`;
  }
  set hash(value: string) {
    const text = toDomString(value);
    this.#record.fragment = text === '' ? null : percentEncode(text.startsWith('#') ? text.slice(1) : text, 'fragment');
  }

  toString(): string {
    return this.href;
  }

  toJSON(): string {
    return this.href;
  }

  get [Symbol.toStringTag](): string {
    return 'URL';
  }
}

/**
 * Installs `URL` and `URLSearchParams`.
 *
 * @example
 * ```ts
 * installUrl();
 * ```
 * @internal
 */
export function installUrl(): void {
  defineGlobal('URL', URL);
  defineGlobal('URLSearchParams', URLSearchParams);
}
