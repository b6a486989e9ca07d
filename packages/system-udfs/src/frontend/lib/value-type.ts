import type { Value } from '@selfhost/client/values';
import type { typeFilterValues } from './filter-expression.ts';

type TypeName = (typeof typeFilterValues)[number];

// A string that decodes as a document id: 31–37 Crockford base32 characters (compat §1.6).
const idPattern = /^[0-9a-hjkmnp-tv-z]{31,37}$/;

/**
 * Whether `value` (a field of a document, `undefined` when missing) has the Convex type `type`.
 *
 * @example
 * hasType(1n, 'bigint'); // true
 */
export function hasType(value: Value | undefined, type: TypeName): boolean {
  switch (type) {
    case 'unset':
      return value === undefined;
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'bytes':
      return value instanceof ArrayBuffer;
    case 'id':
      return typeof value === 'string' && idPattern.test(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ArrayBuffer);
    case 'string':
    case 'boolean':
    case 'number':
    case 'bigint':
      return typeof value === type;
    default: {
      const unknownType: never = type;
      throw new Error(`Unknown type filter ${String(unknownType)}`);
    }
  }
}
