// Formats console arguments the way Convex's runtime does (it uses the `object-inspect`
// package with `indent: 2`, `depth` 5 and strings capped at 32,768 characters): strings are
// single-quoted, non-empty plain objects span lines, arrays stay on one line while their
// elements do. Written from that package's documented behaviour, not its code.

const MAX_DEPTH = 5;
const MAX_STRING_LENGTH = 32_768;
const INDENT = '  ';

function tagOf(value: object): string {
  return Object.prototype.toString.call(value);
}

function hasOwn(value: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function quoteString(text: string): string {
  if (text.length > MAX_STRING_LENGTH) {
    const remaining = text.length - MAX_STRING_LENGTH;
    return `${quoteString(text.slice(0, MAX_STRING_LENGTH))}... ${remaining} more character${remaining > 1 ? 's' : ''}`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are escaped on purpose.
  const escaped = text.replace(/(['\\])/g, '\\$1').replace(/[\x00-\x1f]/g, (c) => {
    const code = c.charCodeAt(0);
    const short: Record<number, string> = { 8: 'b', 9: 't', 10: 'n', 12: 'f', 13: 'r' };
    const letter = short[code];
    return letter !== undefined ? `\\${letter}` : `\\x${code < 16 ? '0' : ''}${code.toString(16).toUpperCase()}`;
  });
  return `'${escaped}'`;
}

function joinIndented(parts: readonly string[], depth: number): string {
  if (parts.length === 0) return '';
  const outer = INDENT.repeat(depth);
  const line = `\n${outer}${INDENT}`;
  return line + parts.join(`,${line}`) + `\n${outer}`;
}

function functionName(fn: unknown): string | null {
  if (typeof fn !== 'function') return null;
  const name: unknown = (fn as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : null;
}

function ownEntries(value: object, depth: number, seen: readonly object[]): string[] {
  const isArray = Array.isArray(value);
  const parts: string[] = [];
  const record = value as Record<string | symbol, unknown>;
  if (isArray) {
    for (let i = 0; i < value.length; i++) {
      parts.push(hasOwn(value, i) ? formatValue(record[i], depth + 1, [...seen, value]) : '');
    }
  }
  for (const key of Object.keys(value)) {
    if (isArray && String(Number(key)) === key && Number(key) < value.length) continue;
    const label = /[^\w$]/.test(key) ? quoteString(key) : key;
    parts.push(`${label}: ${formatValue(record[key], depth + 1, [...seen, value])}`);
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (!Object.prototype.propertyIsEnumerable.call(value, symbol)) continue;
    parts.push(`[${symbol.toString()}]: ${formatValue(record[symbol], depth + 1, [...seen, value])}`);
  }
  return parts;
}

function formatObject(value: object, depth: number, seen: readonly object[]): string {
  const tag = tagOf(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const parts = ownEntries(value, depth, seen);
    if (parts.some((part) => part.includes('\n'))) return `[${joinIndented(parts, depth)}]`;
    return `[ ${parts.join(', ')} ]`;
  }
  if (tag === '[object Error]') {
    const parts = ownEntries(value, depth, seen).filter((part) => !part.startsWith('stack: '));
    const head = safeToString(value);
    return parts.length === 0 ? `[${head}]` : `{ [${head}] ${parts.join(', ')} }`;
  }
  if (value instanceof Map) {
    const parts: string[] = [];
    value.forEach((entry: unknown, key: unknown) => {
      parts.push(`${formatValue(key, depth + 1, [...seen, value])} => ${formatValue(entry, depth + 1, [...seen, value])}`);
    });
    return `Map (${value.size}) {${joinIndented(parts, depth)}}`;
  }
  if (value instanceof Set) {
    const parts: string[] = [];
    value.forEach((entry: unknown) => parts.push(formatValue(entry, depth + 1, [...seen, value])));
    return `Set (${value.size}) {${joinIndented(parts, depth)}}`;
  }
  if (value instanceof WeakMap) return 'WeakMap { ? }';
  if (value instanceof WeakSet) return 'WeakSet { ? }';
  if (tag === '[object Date]' || tag === '[object RegExp]') return safeToString(value);
  if (tag === '[object Number]' || tag === '[object String]' || tag === '[object Boolean]' || tag === '[object BigInt]') {
    return `Object(${formatValue((value as { valueOf(): unknown }).valueOf(), depth, seen)})`;
  }
  if (value === globalThis) return '{ [object globalThis] }';
  const proto: unknown = Object.getPrototypeOf(value);
  const isPlain = proto === Object.prototype;
  const nullProto = proto === null;
  const constructorName = isPlain || nullProto ? null : functionName((value as { constructor?: unknown }).constructor);
  const stringTag = !isPlain && Symbol.toStringTag in value ? tag.slice(8, -1) : nullProto ? 'Object' : '';
  const tags = [stringTag, nullProto ? 'null prototype' : ''].filter((t) => t !== '');
  const prefix = (constructorName !== null ? `${constructorName} ` : '') + (tags.length > 0 ? `[${tags.join(': ')}] ` : '');
  const parts = ownEntries(value, depth, seen);
  if (parts.length === 0) return `${prefix}{}`;
  return `${prefix}{${joinIndented(parts, depth)}}`;
}

function safeToString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[object]';
  }
}

function formatValue(value: unknown, depth: number, seen: readonly object[]): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return quoteString(value);
    case 'number':
      return value === 0 && 1 / value < 0 ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function': {
      const name = functionName(value);
      const parts = depth < MAX_DEPTH ? ownEntries(value, depth, seen) : [];
      return `[Function${name !== null ? `: ${name}` : ' (anonymous)'}]${parts.length > 0 ? ` { ${parts.join(', ')} }` : ''}`;
    }
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[Array]' : '[Object]';
      if (seen.includes(value)) return '[Circular]';
      try {
        return formatObject(value, depth, seen);
      } catch {
        return '[object]';
      }
    }
  }
}

/**
 * Formats one console argument (strings quoted, objects inspected).
 *
 * @example
 * ```ts
 * inspect('hi'); // "'hi'"
 * inspect({ a: 1 }); // "{\n  a: 1\n}"
 * inspect([1, 'x']); // "[ 1, 'x' ]"
 * ```
 */
export function inspect(value: unknown): string {
  return formatValue(value, 0, []);
}

/**
 * Formats all arguments of one console call into the message of one log line.
 *
 * @example
 * ```ts
 * formatConsoleArgs(['count', 3]); // "'count' 3"
 * ```
 */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return args.map((arg) => inspect(arg)).join(' ');
}
