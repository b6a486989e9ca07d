import { defineGlobal } from '../define-global.ts';
import { toDomString } from './to-dom-string.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function normalizeName(name: unknown): string {
  const text = toDomString(name);
  if (!TOKEN.test(text)) throw new TypeError(`Headers: invalid header name ${JSON.stringify(text)}`);
  return text.toLowerCase();
}

function normalizeValue(value: unknown): string {
  const text = toDomString(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (/[\0\n\r]/.test(text)) throw new TypeError(`Headers: invalid header value ${JSON.stringify(text)}`);
  return text;
}

/**
 * `Headers`: case-insensitive, values of repeated names joined with `, ` (except
 * `set-cookie`, see `getSetCookie`), iterated sorted by name.
 *
 * @example
 * ```ts
 * new Headers({ 'Content-Type': 'text/plain' }).get('content-type'); // 'text/plain'
 * ```
 * @internal
 */
export class Headers {
  readonly #entries: [string, string][] = [];

  constructor(init?: unknown) {
    if (init === undefined || init === null) return;
    if (init instanceof Headers) {
      for (const [name, value] of init.#entries) this.#entries.push([name, value]);
      return;
    }
    if (typeof init !== 'object') throw new TypeError('Headers: init must be an object');
    if (typeof (init as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      for (const pair of init as Iterable<unknown>) {
        const entry = [...(pair as Iterable<unknown>)];
        if (entry.length !== 2) throw new TypeError('Headers: each header must be a [name, value] pair');
        this.append(entry[0], entry[1]);
      }
      return;
    }
    for (const key of Object.keys(init)) this.append(key, (init as Record<string, unknown>)[key]);
  }

  append(name: unknown, value: unknown): void {
    this.#entries.push([normalizeName(name), normalizeValue(value)]);
  }

  delete(name: unknown): void {
    const key = normalizeName(name);
    for (let i = this.#entries.length - 1; i >= 0; i--) if (this.#entries[i]?.[0] === key) this.#entries.splice(i, 1);
  }

  get(name: unknown): string | null {
    const key = normalizeName(name);
    const values = this.#entries.filter(([k]) => k === key).map(([, v]) => v);
    return values.length === 0 ? null : values.join(', ');
  }

  getSetCookie(): string[] {
    return this.#entries.filter(([k]) => k === 'set-cookie').map(([, v]) => v);
  }

  has(name: unknown): boolean {
    const key = normalizeName(name);
    return this.#entries.some(([k]) => k === key);
  }

  set(name: unknown, value: unknown): void {
    const key = normalizeName(name);
    const text = normalizeValue(value);
    const index = this.#entries.findIndex(([k]) => k === key);
    this.delete(key);
    this.#entries.splice(index < 0 ? this.#entries.length : Math.min(index, this.#entries.length), 0, [key, text]);
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): IterableIterator<[string, string]> {
    const names = [...new Set(this.#entries.map(([k]) => k))].sort();
    for (const name of names) {
      if (name === 'set-cookie') for (const cookie of this.getSetCookie()) yield [name, cookie];
      else yield [name, this.get(name) ?? ''];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** @internal The raw pairs in insertion order (what goes on the wire). */
  pairs(): [string, string][] {
    return this.#entries.map(([k, v]) => [k, v]);
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}

/**
 * Installs `Headers`.
 *
 * @example
 * ```ts
 * installHeaders();
 * ```
 * @internal
 */
export function installHeaders(): void {
  defineGlobal('Headers', Headers);
}
