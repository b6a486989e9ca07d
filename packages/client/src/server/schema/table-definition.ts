// The type parameters mirror convex/server's TableDefinition, `any` and `{}` included: generated
// data models are computed from them.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type */
import {
  isValidator,
  v,
  type GenericValidator,
  type Validator,
  type ValidatorJSON,
} from '@selfhost/values';
import type {
  GenericTableIndexes,
  GenericTableSearchIndexes,
  GenericTableVectorIndexes,
} from '../data-model/data-model.ts';
import type { IndexTiebreakerField, SystemFields } from '../data-model/system-fields.ts';
import type { Expand } from '../type-utils.ts';
import type {
  DbIndexConfig,
  Index,
  IndexOptions,
  SearchIndex,
  SearchIndexConfig,
  VectorIndex,
  VectorIndexConfig,
} from './index-config.ts';

// The field paths an index may use: the document's, plus `_creationTime` (`_id` is appended to
// every index anyway).
type inferFieldPaths<TValidator extends Validator<any, any, any>> =
  TValidator['fieldPaths'] | keyof SystemFields;

/**
 * The export of one table, as it appears in the schema JSON (without its name).
 *
 * @example
 * ```ts
 * const { indexes, documentType } = defineTable({ a: v.string() }).export();
 * ```
 */
export interface TableExport {
  indexes: Index[];
  stagedDbIndexes: Index[];
  searchIndexes: SearchIndex[];
  stagedSearchIndexes: SearchIndex[];
  vectorIndexes: VectorIndex[];
  stagedVectorIndexes: VectorIndex[];
  documentType: ValidatorJSON;
  stagedDocumentType: ValidatorJSON | undefined;
}

/**
 * One table of a schema: its document validator and its indexes. Create it with `defineTable`.
 *
 * The index methods record the index on this definition and return it with a wider type (like
 * convex/server's, so `const t = defineTable(…); t.index(…)` keeps working).
 *
 * @example
 * ```ts
 * const messages = defineTable({ channel: v.string(), body: v.string() })
 *   .index('by_channel', ['channel'])
 *   .searchIndex('search_body', { searchField: 'body', filterFields: ['channel'] });
 * ```
 */
export class TableDefinition<
  TDocumentType extends Validator<any, any, any> = Validator<any, any, any>,
  TIndexes extends GenericTableIndexes = {},
  TSearchIndexes extends GenericTableSearchIndexes = {},
  TVectorIndexes extends GenericTableVectorIndexes = {},
> {
  readonly #indexes: Index[] = [];
  readonly #stagedDbIndexes: Index[] = [];
  readonly #searchIndexes: SearchIndex[] = [];
  readonly #stagedSearchIndexes: SearchIndex[] = [];
  readonly #vectorIndexes: VectorIndex[] = [];
  readonly #stagedVectorIndexes: VectorIndex[] = [];
  #stagedValidator: GenericValidator | undefined;
  /** The validator of the documents stored in this table. */
  validator: TDocumentType;

  /** @internal Use `defineTable`. */
  constructor(documentType: TDocumentType) {
    this.validator = documentType;
  }

  /** @internal The database indexes, for tools. */
  ' indexes'(): Index[] {
    return this.#indexes;
  }

  /** Adds a database index on `fields` (a config object, optionally `staged`). */
  index<
    TIndexName extends string,
    TFirstFieldPath extends inferFieldPaths<TDocumentType>,
    TRestFieldPaths extends inferFieldPaths<TDocumentType>[],
  >(
    name: TIndexName,
    indexConfig: Expand<
      DbIndexConfig<TFirstFieldPath, TRestFieldPaths> & IndexOptions & { staged?: false }
    >,
  ): TableDefinition<
    TDocumentType,
    Expand<
      TIndexes & Record<TIndexName, [TFirstFieldPath, ...TRestFieldPaths, IndexTiebreakerField]>
    >,
    TSearchIndexes,
    TVectorIndexes
  >;
  /** Adds a database index on `fields`. */
  index<
    TIndexName extends string,
    TFirstFieldPath extends inferFieldPaths<TDocumentType>,
    TRestFieldPaths extends inferFieldPaths<TDocumentType>[],
  >(
    name: TIndexName,
    fields: [TFirstFieldPath, ...TRestFieldPaths],
  ): TableDefinition<
    TDocumentType,
    Expand<
      TIndexes & Record<TIndexName, [TFirstFieldPath, ...TRestFieldPaths, IndexTiebreakerField]>
    >,
    TSearchIndexes,
    TVectorIndexes
  >;
  /** Adds a staged database index: backfilled, but not queryable yet. */
  index<
    TIndexName extends string,
    TFirstFieldPath extends inferFieldPaths<TDocumentType>,
    TRestFieldPaths extends inferFieldPaths<TDocumentType>[],
  >(
    name: TIndexName,
    indexConfig: Expand<
      DbIndexConfig<TFirstFieldPath, TRestFieldPaths> & IndexOptions & { staged: true }
    >,
  ): TableDefinition<TDocumentType, TIndexes, TSearchIndexes, TVectorIndexes>;
  index(
    name: string,
    indexConfig: (DbIndexConfig<string, string[]> & IndexOptions) | [string, ...string[]],
  ): unknown {
    if (Array.isArray(indexConfig)) {
      this.#indexes.push({ indexDescriptor: name, fields: indexConfig });
    } else {
      (indexConfig.staged ? this.#stagedDbIndexes : this.#indexes).push({
        indexDescriptor: name,
        fields: indexConfig.fields,
      });
    }
    return this;
  }

  /** Adds a full-text search index. */
  searchIndex<
    TIndexName extends string,
    TSearchField extends inferFieldPaths<TDocumentType>,
    TFilterFields extends inferFieldPaths<TDocumentType> = never,
  >(
    name: TIndexName,
    indexConfig: Expand<
      SearchIndexConfig<TSearchField, TFilterFields> & IndexOptions & { staged?: false }
    >,
  ): TableDefinition<
    TDocumentType,
    TIndexes,
    Expand<
      TSearchIndexes &
        Record<TIndexName, { searchField: TSearchField; filterFields: TFilterFields }>
    >,
    TVectorIndexes
  >;
  /** Adds a staged full-text search index: backfilled, but not queryable yet. */
  searchIndex<
    TIndexName extends string,
    TSearchField extends inferFieldPaths<TDocumentType>,
    TFilterFields extends inferFieldPaths<TDocumentType> = never,
  >(
    name: TIndexName,
    indexConfig: Expand<
      SearchIndexConfig<TSearchField, TFilterFields> & IndexOptions & { staged: true }
    >,
  ): TableDefinition<TDocumentType, TIndexes, TSearchIndexes, TVectorIndexes>;
  searchIndex(
    name: string,
    indexConfig: SearchIndexConfig<string, string> & IndexOptions,
  ): unknown {
    (indexConfig.staged ? this.#stagedSearchIndexes : this.#searchIndexes).push({
      indexDescriptor: name,
      searchField: indexConfig.searchField,
      filterFields: indexConfig.filterFields || [],
    });
    return this;
  }

  /** Adds a vector index. */
  vectorIndex<
    TIndexName extends string,
    TVectorField extends inferFieldPaths<TDocumentType>,
    TFilterFields extends inferFieldPaths<TDocumentType> = never,
  >(
    name: TIndexName,
    indexConfig: Expand<
      VectorIndexConfig<TVectorField, TFilterFields> & IndexOptions & { staged?: false }
    >,
  ): TableDefinition<
    TDocumentType,
    TIndexes,
    TSearchIndexes,
    Expand<
      TVectorIndexes &
        Record<
          TIndexName,
          { vectorField: TVectorField; dimensions: number; filterFields: TFilterFields }
        >
    >
  >;
  /** Adds a staged vector index: backfilled, but not queryable yet. */
  vectorIndex<
    TIndexName extends string,
    TVectorField extends inferFieldPaths<TDocumentType>,
    TFilterFields extends inferFieldPaths<TDocumentType> = never,
  >(
    name: TIndexName,
    indexConfig: Expand<
      VectorIndexConfig<TVectorField, TFilterFields> & IndexOptions & { staged: true }
    >,
  ): TableDefinition<TDocumentType, TIndexes, TSearchIndexes, TVectorIndexes>;
  vectorIndex(
    name: string,
    indexConfig: VectorIndexConfig<string, string> & IndexOptions,
  ): unknown {
    (indexConfig.staged ? this.#stagedVectorIndexes : this.#vectorIndexes).push({
      indexDescriptor: name,
      vectorField: indexConfig.vectorField,
      dimensions: indexConfig.dimensions,
      filterFields: indexConfig.filterFields || [],
    });
    return this;
  }

  /**
   * Proposes the next document validator: the backend checks existing documents against it in
   * the background while the current one stays enforced. Pass a full validator, or — for object
   * tables — the fields to add or change (`undefined` removes a field).
   */
  staged(
    documentSchema:
      | Validator<Record<string, any>, 'required', any>
      | Record<string, GenericValidator | undefined>,
  ): TableDefinition<TDocumentType, TIndexes, TSearchIndexes, TVectorIndexes> {
    if (this.#stagedValidator !== undefined) {
      throw new Error(
        'A table can have only one staged validator: merge the changes into one `.staged(...)` call.',
      );
    }
    this.#stagedValidator = isValidator(documentSchema)
      ? documentSchema
      : this.#stagedFields(documentSchema);
    return this;
  }

  /** @internal The table's part of the schema JSON. */
  export(): TableExport {
    const documentType = this.validator.json as unknown;
    if (typeof documentType !== 'object') {
      throw new Error(
        'Invalid validator: make sure the argument of `defineTable` is a validator or an object of validators (see https://docs.convex.dev/database/schemas).',
      );
    }
    let stagedDocumentType: unknown;
    if (this.#stagedValidator !== undefined) {
      stagedDocumentType = this.#stagedValidator.json;
      if (typeof stagedDocumentType !== 'object') {
        throw new Error(
          'Invalid staged validator: make sure the argument of `.staged()` is a validator (see https://docs.convex.dev/database/schemas).',
        );
      }
    }
    return {
      indexes: this.#indexes,
      stagedDbIndexes: this.#stagedDbIndexes,
      searchIndexes: this.#searchIndexes,
      stagedSearchIndexes: this.#stagedSearchIndexes,
      vectorIndexes: this.#vectorIndexes,
      stagedVectorIndexes: this.#stagedVectorIndexes,
      documentType: documentType as ValidatorJSON,
      stagedDocumentType: stagedDocumentType as ValidatorJSON | undefined,
    };
  }

  #stagedFields(changes: Record<string, GenericValidator | undefined>): GenericValidator {
    const current = this.validator as GenericValidator;
    if (current.kind !== 'object' && current.kind !== 'any') {
      throw new Error(
        'Staging field changes works only for tables defined by an object of fields. For a table defined with a union or ' +
          'record validator, stage a complete validator: `.staged(v.union(...))`.',
      );
    }
    const enforced: Record<string, GenericValidator | undefined> =
      current.kind === 'object' ? current.fields : {};
    const merged = Object.entries({ ...enforced, ...changes }).filter(
      (entry): entry is [string, GenericValidator] => entry[1] !== undefined,
    );
    return v.object(Object.fromEntries(merged));
  }
}
