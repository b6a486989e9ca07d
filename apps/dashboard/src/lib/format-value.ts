import type { Value } from '@selfhost/client/values';

function bytesToBase64(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes a Convex value as text that {@link parseJson5} reads back to the same value: bigints as
 * `12n`, bytes as `{ "$bytes": "…" }`, non-finite floats as `NaN`/`Infinity`. With `indent`,
 * objects and arrays span lines.
 *
 * @example
 * formatValue({ n: 1n, tags: ['a'] }); // '{ n: 1n, tags: ["a"] }'
 */
export function formatValue(value: Value | undefined, indent?: number, depth = 0): string {
  if (value === undefined) return 'unset';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ArrayBuffer) return `{ "$bytes": ${JSON.stringify(bytesToBase64(value))} }`;
  const pad = indent === undefined ? '' : ' '.repeat(indent * (depth + 1));
  const closePad = indent === undefined ? '' : ' '.repeat(indent * depth);
  const separator = indent === undefined ? ', ' : ',\n';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => pad + formatValue(item, indent, depth + 1));
    return indent === undefined ? `[${items.join(separator)}]` : `[\n${items.join(separator)},\n${closePad}]`;
  }
  const entries = Object.entries(value as Record<string, Value | undefined>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const fields = entries.map(([key, v]) => `${pad}${plainKey.test(key) ? key : JSON.stringify(key)}: ${formatValue(v, indent, depth + 1)}`);
  return indent === undefined ? `{ ${fields.join(separator)} }` : `{\n${fields.join(separator)},\n${closePad}}`;
}

/**
 * A short label of a value's Convex type, for the grid and filters.
 *
 * @example
 * typeLabel(1n); // 'bigint'
 */
export function typeLabel(value: Value | undefined): string {
  if (value === undefined) return 'unset';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof ArrayBuffer) return 'bytes';
  return typeof value;
}
