// Turns a valibot issue into our error wording: a field path (`modifications[0].queryId`) and a
// short "expected …, received …" detail. Internal to the parse helpers.
import type * as v from 'valibot';
import { type PathKey } from './protocol-error.ts';

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_RECEIVED_LENGTH = 60;

const WORDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  bigint: 'a bigint',
  Object: 'an object',
  Array: 'an array',
};

/**
 * The path of the field an issue is about.
 *
 * @internal
 * @example
 * ```ts
 * issuePath(result.issues[0]); // ['modifications', 0, 'queryId']
 * ```
 */
export function issuePath(issue: v.BaseIssue<unknown>): PathKey[] {
  return (issue.path ?? []).map((item) =>
    typeof item.key === 'number' ? item.key : String(item.key),
  );
}

/**
 * Writes a path ready to append to a label.
 *
 * @internal
 * @example
 * ```ts
 * formatPath(['modifications', 0, 'queryId']); // '.modifications[0].queryId'
 * ```
 */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * Says what is wrong, in our words rather than valibot's.
 *
 * @internal
 * @example
 * ```ts
 * describeIssue(issue); // 'expected a number, received "x"'
 * ```
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const received = describeReceived(issue.received);
  if (issue.kind === 'schema') {
    if (
      OBJECT_TYPES.has(issue.type) &&
      issue.received === 'undefined' &&
      (issue.path?.length ?? 0) > 0
    ) {
      return 'missing required field';
    }
    if (issue.type === 'strict_tuple' && issue.expected === 'never')
      return `unexpected extra item, received ${received}`;
    if (issue.type === 'custom') return `${issue.message}, received ${received}`;
    return `expected ${describeExpected(issue.expected)}, received ${received}`;
  }
  if (issue.kind === 'validation') {
    switch (issue.type) {
      case 'integer':
        return `expected an integer, received ${received}`;
      case 'min_value':
      case 'max_value':
        return `expected a number ${spaceOperator(issue.expected)}, received ${received}`;
      case 'uuid':
        return `expected a UUID, received ${received}`;
      default:
        return `${issue.message}, received ${received}`;
    }
  }
  return issue.message;
}

function describeExpected(expected: string | null): string {
  if (expected === null) return 'something else';
  const inner =
    expected.startsWith('(') && expected.endsWith(')') ? expected.slice(1, -1) : expected;
  const parts = inner.split(' | ').map((part) => WORDS[part] ?? part);
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) return `${parts[0]} or ${parts[1]}`;
  return `one of ${parts.join(', ')}`;
}

function describeReceived(received: string): string {
  const word = received === 'Object' || received === 'Array' ? WORDS[received]! : received;
  return word.length > MAX_RECEIVED_LENGTH ? `${word.slice(0, MAX_RECEIVED_LENGTH)}…` : word;
}

function spaceOperator(expected: string | null): string {
  return (expected ?? '').replace(/^([<>]=?)/, '$1 ');
}
