/**
 * An opaque position in a paginated query, produced by the server.
 *
 * @example
 * ```ts
 * const next: Cursor = page.continueCursor;
 * ```
 */
export type Cursor = string;

/**
 * One page of a paginated query.
 *
 * @example
 * ```ts
 * const { page, isDone, continueCursor } = await ctx.db.query('messages').paginate(args.paginationOpts);
 * ```
 */
export interface PaginationResult<TItem> {
  /** The documents of this page. */
  page: TItem[];
  /** Whether this page reaches the end of the query. */
  isDone: boolean;
  /** Where the next page starts. */
  continueCursor: Cursor;
  /** A cursor about halfway through the page, when the server recommends splitting it. */
  splitCursor?: Cursor | null | undefined;
  /** Whether the page should (`SplitRecommended`) or must (`SplitRequired`) be split. */
  pageStatus?: 'SplitRecommended' | 'SplitRequired' | null | undefined;
}

/**
 * What to read for one page: usually received from the client as the `paginationOpts` argument
 * (see `paginationOptsValidator`).
 *
 * @example
 * ```ts
 * const opts: PaginationOptions = { numItems: 20, cursor: null };
 * ```
 */
export interface PaginationOptions {
  /** How many items to read (the page may end earlier, or reach `endCursor` instead). */
  numItems: number;
  /** Where to start; `null` for the first page. */
  cursor: Cursor | null;
  /** Where to end, for pages whose boundaries are already fixed. */
  endCursor?: Cursor | null | undefined;
  /** The most documents to scan for this page. */
  maximumRowsRead?: number | undefined;
  /** The most bytes to scan for this page. */
  maximumBytesRead?: number | undefined;
}
