import {
  checkDocument,
  isCommitTsPlaceholder,
  isPlainObject,
  isValuesError,
  type Value,
} from '@selfhost/values';
import { DatabaseError } from '../errors/database-error.ts';
import type { DatabaseLimits } from '../limits/database-limits.ts';
import type { DocumentValue } from './stored-document.ts';

const LIMIT_NAMES: Record<string, string> = {
  maxSize: 'maxDocumentSize',
  maxNesting: 'maxDocumentNesting',
};

/**
 * Checks a complete document (with `_id` and `_creationTime`) against the value rules and the
 * document limits; returns its size by the size formula.
 *
 * @throws {DatabaseError} `InvalidDocument` (field names, non-values) or `LimitExceeded` naming
 * the limit (`maxDocumentSize`, `maxDocumentNesting`, `maxObjectFields`, `maxArrayLength`).
 * @example
 * ```ts
 * const size = checkFullDocument(doc, limits, 'messages');
 * ```
 */
export function checkFullDocument(
  document: DocumentValue,
  limits: DatabaseLimits,
  tableName: string,
): number {
  try {
    return checkDocument(document, {
      maxSize: limits.maxDocumentSize,
      maxNesting: limits.maxDocumentNesting,
      maxObjectFields: limits.maxObjectFields,
      maxArrayLength: limits.maxArrayLength,
    }).size;
  } catch (error) {
    if (isValuesError(error, 'LimitExceeded')) {
      const message = error.message.replace(
        /\b(maxSize|maxNesting)\b/g,
        (name) => LIMIT_NAMES[name] ?? name,
      );
      throw new DatabaseError(
        'LimitExceeded',
        `Document in table "${tableName}" is too large or too deep: ${message}.`,
        { cause: error, tableName, path: error.path },
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new DatabaseError(
      'InvalidDocument',
      `Invalid document for table "${tableName}": ${message}`,
      { cause: error, tableName },
    );
  }
}

/**
 * Checks the value a user passed to insert/replace/patch: a plain object whose `_id` and
 * `_creationTime`, if present, equal the document's own.
 *
 * @example
 * ```ts
 * checkUserValue(value, { id, creationTime, tableName: 'messages' });
 * ```
 */
export function checkUserValue(
  value: unknown,
  expected: {
    readonly id: string | null;
    readonly creationTime: number | null;
    readonly tableName: string;
  },
): asserts value is Record<string, Value | undefined> {
  if (!isPlainObject(value)) {
    throw new DatabaseError(
      'InvalidDocument',
      `A document must be an object, not ${Array.isArray(value) ? 'an array' : typeof value} (table "${expected.tableName}").`,
      { tableName: expected.tableName },
    );
  }
  const id = value['_id'];
  if (id !== undefined && id !== expected.id) {
    throw new DatabaseError(
      'InvalidDocument',
      `Provided _id ${JSON.stringify(id)} does not match the document's _id ${JSON.stringify(expected.id)}: remove _id from the value.`,
      { tableName: expected.tableName },
    );
  }
  const creationTime = value['_creationTime'];
  if (creationTime !== undefined && creationTime !== expected.creationTime) {
    throw new DatabaseError(
      'InvalidDocument',
      `Provided _creationTime ${JSON.stringify(creationTime)} does not match the document's _creationTime ${String(expected.creationTime)}: remove _creationTime from the value.`,
      { tableName: expected.tableName },
    );
  }
}

/**
 * Replaces every `{"$commitTs": null}` placeholder in a document by the commit timestamp.
 *
 * @example
 * ```ts
 * resolveCommitTs(doc, 1_700_000_000_000_000_000n);
 * ```
 */
export function resolveCommitTs(value: Value | undefined, ts: bigint): Value | undefined {
  if (value === null || typeof value !== 'object') return value;
  if (isCommitTsPlaceholder(value)) return ts;
  if (Array.isArray(value)) return value.map((item) => resolveCommitTs(item, ts) as Value);
  if (value instanceof ArrayBuffer) return value;
  if (!isPlainObject(value)) return value;
  const out: Record<string, Value | undefined> = {};
  for (const [key, item] of Object.entries(value)) out[key] = resolveCommitTs(item, ts);
  return out;
}
