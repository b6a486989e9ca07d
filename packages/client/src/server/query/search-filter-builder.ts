import type {
  FieldTypeFromFieldPath,
  GenericDocument,
  GenericSearchIndexConfig,
} from '../data-model/data-model.ts';

/**
 * A finished search filter, as returned from the callback of `.withSearchIndex(name, q => …)`.
 *
 * @example
 * ```ts
 * const filter = (q: SearchFilterBuilder<Doc, Config>): SearchFilter => q.search('body', 'hello');
 * ```
 */
export abstract class SearchFilter {
  declare private readonly isSearchFilter: undefined;

  /** @internal */
  constructor() {}
}

/**
 * Starts a search filter: exactly one full-text `search` on the index's search field.
 *
 * @example
 * ```ts
 * ctx.db.query('messages').withSearchIndex('search_body', (q) => q.search('body', 'hello').eq('channel', c));
 * ```
 */
export interface SearchFilterBuilder<
  TDocument extends GenericDocument,
  TSearchIndexConfig extends GenericSearchIndexConfig,
> {
  /** Matches documents whose search field contains the terms of `query` (the last one as a prefix). */
  search(
    fieldName: TSearchIndexConfig['searchField'],
    query: string,
  ): SearchFilterFinalizer<TDocument, TSearchIndexConfig>;
}

/**
 * A search filter after the `search`: equality filters on the index's filter fields may follow.
 *
 * @example
 * ```ts
 * q.search('body', 'hello').eq('channel', 'general');
 * ```
 */
export interface SearchFilterFinalizer<
  TDocument extends GenericDocument,
  TSearchIndexConfig extends GenericSearchIndexConfig,
> extends SearchFilter {
  /** Only documents whose `fieldName` equals `value`. */
  eq<TFieldName extends TSearchIndexConfig['filterFields']>(
    fieldName: TFieldName,
    value: FieldTypeFromFieldPath<TDocument, TFieldName>,
  ): SearchFilterFinalizer<TDocument, TSearchIndexConfig>;
}
