import { convexOrUndefinedToJson, type Value } from '@selfhost/values';
import { checkArgPresent } from '../args/check-arg.ts';
import { SearchFilter } from './search-filter-builder.ts';
import type { SerializedSearchFilter } from './serialized-query.ts';

/**
 * The search filter builder handed to `.withSearchIndex(name, q => …)`. Like the index range
 * builder, each builder may be used once: write the filter as one chain.
 *
 * @example
 * ```ts
 * SearchFilterBuilderImpl.start().search('body', 'hello').eq('channel', 'general').serialize();
 * ```
 */
export class SearchFilterBuilderImpl extends SearchFilter {
  readonly #filters: readonly SerializedSearchFilter[];
  #used = false;

  private constructor(filters: readonly SerializedSearchFilter[]) {
    super();
    this.#filters = filters;
  }

  /** A filter with no conditions yet. */
  static start(): SearchFilterBuilderImpl {
    return new SearchFilterBuilderImpl([]);
  }

  search(fieldName: string, query: string): SearchFilterBuilderImpl {
    checkArgPresent(fieldName, { position: 1, method: 'search', argName: 'fieldName' });
    checkArgPresent(query, { position: 2, method: 'search', argName: 'query' });
    return this.#with({ type: 'Search', fieldPath: fieldName, value: query });
  }

  // `value` may be `undefined` on purpose (documents missing the field), but only when passed
  // explicitly: a forgotten second argument is a mistake.
  eq(...args: [fieldName: string, value?: Value | undefined]): SearchFilterBuilderImpl {
    const [fieldName, value] = args;
    checkArgPresent(fieldName, { position: 1, method: 'eq', argName: 'fieldName' });
    if (args.length !== 2) checkArgPresent(value, { position: 2, method: 'eq', argName: 'value' });
    return this.#with({ type: 'Eq', fieldPath: fieldName, value: convexOrUndefinedToJson(value) });
  }

  /** The conditions, in the order they were added. */
  serialize(): readonly SerializedSearchFilter[] {
    this.#markUsed();
    return this.#filters;
  }

  #with(filter: SerializedSearchFilter): SearchFilterBuilderImpl {
    this.#markUsed();
    return new SearchFilterBuilderImpl([...this.#filters, filter]);
  }

  #markUsed(): void {
    if (this.#used) {
      throw new Error(
        'This search filter builder has already been used. Chain the calls in one expression, ' +
          'like `q => q.search("body", text).eq("channel", c)`.',
      );
    }
    this.#used = true;
  }
}
