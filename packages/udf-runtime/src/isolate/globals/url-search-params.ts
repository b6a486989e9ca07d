import { utf8Encode } from './text-encoding.ts';
import { percentDecode } from './url-parser.ts';
import { toDomString } from './to-dom-string.ts';

function formEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (/^[A-Za-z0-9*\-._]$/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else for (const byte of utf8Encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Parses `application/x-www-form-urlencoded` text into pairs.
 *
 * @example
 * ```ts
 * parseFormUrlEncoded('a=1&b=x+y'); // [['a', '1'], ['b', 'x y']]
 * ```
 * @internal
 */
export function parseFormUrlEncoded(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([percentDecode(name.replace(/\+/g, ' ')), percentDecode(value.replace(/\+/g, ' '))]);
  }
  return pairs;
}

/**
 * `URLSearchParams`. A `URL`'s instance writes its changes back to the URL.
 *
 * @example
 * ```ts
 * new URLSearchParams({ a: '1' }).toString(); // 'a=1'
 * ```
 * @internal
 */
export class URLSearchParams {
  #pairs: [string, string][] = [];
  #onChange: ((query: string) => void) | null = null;

  constructor(init: unknown = '') {
    if (typeof init === 'string') {
      this.#pairs = parseFormUrlEncoded(init.startsWith('?') ? init.slice(1) : init);
    } else if (init instanceof URLSearchParams) {
      this.#pairs = init.#pairs.map(([k, v]) => [k, v]);
    } else if (typeof init === 'object' && init !== null) {
      const iterator = (init as { [Symbol.iterator]?: unknown })[Symbol.iterator];
      if (typeof iterator === 'function') {
        for (const pair of init as Iterable<unknown>) {
          const entry = [...(pair as Iterable<unknown>)];
          if (entry.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple');
          this.#pairs.push([toDomString(entry[0]), toDomString(entry[1])]);
        }
      } else {
        for (const key of Object.keys(init)) this.#pairs.push([key, toDomString((init as Record<string, unknown>)[key])]);
      }
    } else if (init !== undefined && init !== null) {
      this.#pairs = parseFormUrlEncoded(toDomString(init));
    }
  }

  /** @internal Links this instance to a URL (its `searchParams`). */
  static linked(query: string, onChange: (query: string) => void): URLSearchParams {
    const params = new URLSearchParams(query);
    params.#onChange = onChange;
    return params;
  }

  /** @internal Replaces the pairs after the URL's search changed. */
  reset(query: string): void {
    this.#pairs = parseFormUrlEncoded(query.startsWith('?') ? query.slice(1) : query);
  }

  #changed(): void {
    this.#onChange?.(this.toString());
  }

  get size(): number {
    return this.#pairs.length;
  }

  append(name: unknown, value: unknown): void {
    this.#pairs.push([toDomString(name), toDomString(value)]);
    this.#changed();
  }

  delete(name: unknown, value?: unknown): void {
    const key = toDomString(name);
    this.#pairs = this.#pairs.filter(([k, v]) => k !== key || (value !== undefined && v !== toDomString(value)));
    this.#changed();
  }

  get(name: unknown): string | null {
    const key = toDomString(name);
    return this.#pairs.find(([k]) => k === key)?.[1] ?? null;
  }

  getAll(name: unknown): string[] {
    const key = toDomString(name);
    return this.#pairs.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(name: unknown, value?: unknown): boolean {
    const key = toDomString(name);
    return this.#pairs.some(([k, v]) => k === key && (value === undefined || v === toDomString(value)));
  }

  set(name: unknown, value: unknown): void {
    const key = toDomString(name);
    const index = this.#pairs.findIndex(([k]) => k === key);
    if (index < 0) this.#pairs.push([key, toDomString(value)]);
    else {
      this.#pairs[index] = [key, toDomString(value)];
      this.#pairs = this.#pairs.filter(([k], i) => k !== key || i === index);
    }
    this.#changed();
  }

  sort(): void {
    this.#pairs = this.#pairs
      .map((pair, index) => ({ pair, index }))
      .sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.index - b.index))
      .map(({ pair }) => pair);
    this.#changed();
  }

  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void, thisArg?: unknown): void {
    for (const [k, v] of [...this.#pairs]) callback.call(thisArg, v, k, this);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [k, v] of this.#pairs) yield [k, v];
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.#pairs) yield k;
  }

  *values(): IterableIterator<string> {
    for (const [, v] of this.#pairs) yield v;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  toString(): string {
    return this.#pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
  }

  get [Symbol.toStringTag](): string {
    return 'URLSearchParams';
  }
}
