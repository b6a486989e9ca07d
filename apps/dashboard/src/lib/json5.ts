import type { Value } from '@selfhost/client/values';

/** A JSON5 syntax error, with the 1-based line and column where parsing stopped. */
export class Json5Error extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, position: { line: number; column: number }) {
    super(`${message} (line ${position.line}, column ${position.column})`);
    this.name = 'Json5Error';
    this.line = position.line;
    this.column = position.column;
  }
}

const identifierStart = /[A-Za-z_$]/;
const identifierPart = /[A-Za-z0-9_$]/;
const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/**
 * Parses JSON5 (comments, unquoted keys, single quotes, trailing commas, hex, `Infinity`, `NaN`)
 * into a Convex value, plus one extension for Convex's integers: `123n` is an Int64 (bigint).
 * Plain numbers are Float64, as in Convex. `{ "$bytes": "<base64>" }` becomes bytes.
 *
 * @example
 * parseJson5("{ name: 'ada', age: 36n, tags: ['x',], }"); // { name: 'ada', age: 36n, tags: ['x'] }
 */
export function parseJson5(text: string): Value {
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('Unexpected text after the value');
  return value;
}

class Parser {
  readonly #text: string;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  atEnd(): boolean {
    return this.#pos >= this.#text.length;
  }

  fail(message: string): never {
    const before = this.#text.slice(0, this.#pos).split('\n');
    throw new Json5Error(message, { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 });
  }

  #peek(): string {
    return this.#text[this.#pos] ?? '';
  }

  skipSpace(): void {
    for (;;) {
      const c = this.#peek();
      if (c === '') return;
      if (/\s/.test(c) || c === '\uFEFF') {
        this.#pos++;
      } else if (this.#text.startsWith('//', this.#pos)) {
        const end = this.#text.indexOf('\n', this.#pos);
        this.#pos = end === -1 ? this.#text.length : end + 1;
      } else if (this.#text.startsWith('/*', this.#pos)) {
        const end = this.#text.indexOf('*/', this.#pos + 2);
        if (end === -1) this.fail('Unterminated comment');
        this.#pos = end + 2;
      } else {
        return;
      }
    }
  }

  value(): Value {
    const c = this.#peek();
    if (c === '{') return this.#object();
    if (c === '[') return this.#array();
    if (c === '"' || c === "'") return this.#string();
    if (c === '') this.fail('Unexpected end of input');
    if (/[-+0-9.]/.test(c) || this.#text.startsWith('Infinity', this.#pos) || this.#text.startsWith('NaN', this.#pos)) return this.#number();
    const word = this.#identifier();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.fail(word === '' ? `Unexpected character ${JSON.stringify(c)}` : `Unexpected word ${JSON.stringify(word)}`);
  }

  #object(): Value {
    this.#pos++;
    const result: Record<string, Value> = {};
    this.skipSpace();
    while (this.#peek() !== '}') {
      const c = this.#peek();
      const key = c === '"' || c === "'" ? this.#string() : this.#identifier();
      if (key === '') this.fail('Expected a property name');
      this.skipSpace();
      if (this.#peek() !== ':') this.fail('Expected ":" after the property name');
      this.#pos++;
      this.skipSpace();
      result[key] = this.value();
      this.skipSpace();
      if (this.#peek() === ',') {
        this.#pos++;
        this.skipSpace();
      } else if (this.#peek() !== '}') {
        this.fail('Expected "," or "}"');
      }
    }
    this.#pos++;
    const keys = Object.keys(result);
    if (keys.length === 1 && keys[0] === '$bytes' && typeof result.$bytes === 'string') return base64ToBuffer(result.$bytes);
    return result;
  }

  #array(): Value {
    this.#pos++;
    const result: Value[] = [];
    this.skipSpace();
    while (this.#peek() !== ']') {
      result.push(this.value());
      this.skipSpace();
      if (this.#peek() === ',') {
        this.#pos++;
        this.skipSpace();
      } else if (this.#peek() !== ']') {
        this.fail('Expected "," or "]"');
      }
    }
    this.#pos++;
    return result;
  }

  #string(): string {
    const quote = this.#peek();
    this.#pos++;
    let result = '';
    for (;;) {
      const c = this.#peek();
      if (c === '') this.fail('Unterminated string');
      this.#pos++;
      if (c === quote) return result;
      if (c === '\n') this.fail('Line break inside a string');
      if (c !== '\\') {
        result += c;
        continue;
      }
      const e = this.#peek();
      this.#pos++;
      if (e === 'u') {
        const hex = this.#text.slice(this.#pos, this.#pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape');
        result += String.fromCharCode(parseInt(hex, 16));
        this.#pos += 4;
      } else if (e === 'x') {
        const hex = this.#text.slice(this.#pos, this.#pos + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail('Invalid \\x escape');
        result += String.fromCharCode(parseInt(hex, 16));
        this.#pos += 2;
      } else if (e === '\n') {
        // A backslash before a line break continues the string.
      } else {
        result += escapes[e] ?? e;
      }
    }
  }

  #number(): Value {
    const match = /^[+-]?(Infinity|NaN|0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)(n?)/.exec(this.#text.slice(this.#pos));
    if (match === null || match[0] === '' || match[0] === '+' || match[0] === '-') return this.fail('Invalid number');
    this.#pos += match[0].length;
    if (identifierPart.test(this.#peek())) this.fail('Invalid number');
    const body = match[0].replace(/n$/, '');
    const negative = body.startsWith('-');
    const unsigned = body.replace(/^[+-]/, '');
    if (match[4] === 'n') {
      if (!/^(\d+|0[xX][0-9a-fA-F]+)$/.test(unsigned)) this.fail('A bigint (…n) must be an integer');
      const big = BigInt(unsigned);
      return negative ? -big : big;
    }
    const magnitude = unsigned === 'Infinity' ? Infinity : unsigned === 'NaN' ? NaN : /^0[xX]/.test(unsigned) ? parseInt(unsigned, 16) : Number(unsigned);
    return negative ? -magnitude : magnitude;
  }

  #identifier(): string {
    const start = this.#pos;
    if (!identifierStart.test(this.#peek())) return '';
    while (identifierPart.test(this.#peek())) this.#pos++;
    return this.#text.slice(start, this.#pos);
  }
}

function base64ToBuffer(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
