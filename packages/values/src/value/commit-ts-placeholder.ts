const UNRESOLVED_MESSAGE =
  'This commit timestamp is not known yet: it is assigned when the mutation commits. ' +
  'Read the document again after the mutation has completed to see its value.';

/**
 * Stands for the commit timestamp of the running mutation, which is only known once it commits
 * (`db.vars.commitTs`). Written into a document field, it becomes an Int64 (`bigint`) holding the
 * commit timestamp. Until then it cannot be used as a number: converting it throws.
 *
 * It sorts like the largest Int64 and has the size of an Int64. Its Convex-JSON is
 * `{"$commitTs":null}`.
 *
 * @example
 * ```ts
 * await ctx.db.insert('events', { at: ctx.db.vars.commitTs });
 * ```
 */
export class CommitTsPlaceholder {
  // A (type-only) private member makes the class nominal: no look-alike object type-checks as a
  // placeholder. It is a type-level marker, not state, hence not a #private field.
  declare private readonly nominalMarker: undefined;

  [Symbol.toPrimitive](hint: string): string {
    // Converting to a string is allowed so that logging a document that holds one works.
    if (hint === 'string') return this.toString();
    throw new Error(UNRESOLVED_MESSAGE);
  }

  valueOf(): never {
    throw new Error(UNRESOLVED_MESSAGE);
  }

  toJSON(): never {
    throw new Error(UNRESOLVED_MESSAGE);
  }

  toString(): string {
    return '[unresolved commit timestamp]';
  }
}

/**
 * The one {@link CommitTsPlaceholder} (what `db.vars.commitTs` returns), so a placeholder read
 * back inside the writing mutation compares equal to it.
 *
 * @example
 * ```ts
 * jsonToConvex({ $commitTs: null }) === commitTsPlaceholder; // true
 * ```
 */
export const commitTsPlaceholder: CommitTsPlaceholder = new CommitTsPlaceholder();
Object.freeze(commitTsPlaceholder);

/**
 * Whether `value` is a {@link CommitTsPlaceholder}.
 *
 * @example
 * ```ts
 * isCommitTsPlaceholder(commitTsPlaceholder); // true
 * ```
 */
export function isCommitTsPlaceholder(value: unknown): value is CommitTsPlaceholder {
  return value instanceof CommitTsPlaceholder;
}
