import { encodeBase64 } from '../encoding/base64.ts';
import { isCommitTsPlaceholder } from './commit-ts-placeholder.ts';
import { isArrayBuffer } from './is-plain-object.ts';

const MAX_LENGTH = 1000;

/**
 * Renders a Convex value for an error message, keeping what JSON loses: `5n`, `-0`, `NaN`,
 * `Infinity`, bytes as `b"base64"`, `undefined`; long output is cut at 1000 characters.
 *
 * @example
 * ```ts
 * describeValue({ n: 5n, x: -0 }); // '{"n": 5n, "x": -0}'
 * ```
 */
export function describeValue(value: unknown): string {
  const text = render(value, 0);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}

function render(value: unknown, depth: number): string {
  if (depth > 16) return '…';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${value.toString()}n`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value))
        return `[${value.map((element) => render(element, depth + 1)).join(', ')}]`;
      if (isArrayBuffer(value)) return `b${JSON.stringify(encodeBase64(new Uint8Array(value)))}`;
      if (isCommitTsPlaceholder(value)) return 'db.vars.commitTs';
      return `{${Object.entries(value)
        .map(([key, field]) => `${JSON.stringify(key)}: ${render(field, depth + 1)}`)
        .join(', ')}}`;
    case 'function':
    case 'symbol':
      return `<${typeof value}>`;
  }
}
