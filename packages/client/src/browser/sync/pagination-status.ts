/**
 * Where a paginated query stands: loading its first page, ready for more, loading more, or done.
 *
 * @example
 * ```ts
 * const status: PaginationStatus = 'CanLoadMore';
 * ```
 */
export type PaginationStatus = 'LoadingFirstPage' | 'CanLoadMore' | 'LoadingMore' | 'Exhausted';
