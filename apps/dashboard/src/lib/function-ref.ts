// Function references made here rather than with `makeFunctionReference` from
// `@selfhost/client/server`: that entry point is the isolate-side authoring API, and importing
// it would pull its sources (written against Node's lib, not the DOM's) into this app.

/** A reference to a function by path, the shape the React hooks and clients take. */
export type FunctionRef<TType extends 'query' | 'mutation' | 'action', TArgs, TResult> = {
  _type: TType;
  _visibility: 'public';
  _args: TArgs;
  _returnType: TResult;
  _componentPath: string | undefined;
};

/**
 * A reference to the function at `path` (`"messages:list"`, `"_system/frontend/tableSize"`).
 *
 * @example
 * const list = functionRef<'query', { channel: string }, string[]>('messages:list');
 */
export function functionRef<TType extends 'query' | 'mutation' | 'action', TArgs = Record<string, unknown>, TResult = unknown>(
  path: string,
): FunctionRef<TType, TArgs, TResult> {
  return { [Symbol.for('functionName')]: path } as unknown as FunctionRef<TType, TArgs, TResult>;
}

/** The options of one page request (`paginationOptsValidator`). */
export type PaginationOptions = { numItems: number; cursor: string | null; endCursor?: string | null; id?: number };

/** One page of a paginated query. */
export type PaginationResult<TItem> = { page: TItem[]; isDone: boolean; continueCursor: string };
