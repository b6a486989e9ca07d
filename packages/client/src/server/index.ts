// `@selfhost/client/server`: the `convex/server` API, name for name, so an app switches by
// changing its import specifier. Hand-written list (STYLE.md habit 1); compare with
// node_modules/convex/src/server/index.ts. What is left out is listed in the package README.

// --- Defining functions ------------------------------------------------------------------------
export { queryGeneric, internalQueryGeneric } from './functions/query-generic.ts';
export { mutationGeneric, internalMutationGeneric } from './functions/mutation-generic.ts';
export { actionGeneric, internalActionGeneric } from './functions/action-generic.ts';
export { httpActionGeneric } from './functions/http-action-generic.ts';
export {
  queryGeneric as query,
  internalQueryGeneric as internalQuery,
} from './functions/query-generic.ts';
export {
  mutationGeneric as mutation,
  internalMutationGeneric as internalMutation,
} from './functions/mutation-generic.ts';
export {
  actionGeneric as action,
  internalActionGeneric as internalAction,
} from './functions/action-generic.ts';
export { httpActionGeneric as httpAction } from './functions/http-action-generic.ts';
export { getServiceToken, getServiceUrl, type ServiceName } from './functions/service-token.ts';
export type {
  ArgsArray,
  ArgsArrayToObject,
  DefaultFunctionArgs,
  FunctionVisibility,
} from './functions/function-args.ts';
export type {
  AdvancedRunQueryOptions,
  GenericActionCtx,
  GenericMutationCtx,
  GenericMutationCtxWithTable,
  GenericQueryCtx,
  GenericQueryCtxWithTable,
} from './functions/function-ctx.ts';
export type {
  ActionBuilder,
  ArgsArrayForOptionalValidator,
  DefaultArgsForOptionalValidator,
  HttpActionBuilder,
  MutationBuilder,
  MutationBuilderWithTable,
  QueryBuilder,
  QueryBuilderWithTable,
  ReturnValueForOptionalValidator,
  UnvalidatedFunction,
  ValidatedFunction,
} from './functions/function-builders.ts';
export type {
  PublicHttpAction,
  RegisteredAction,
  RegisteredMutation,
  RegisteredQuery,
} from './functions/registered-function.ts';

// --- Function references -----------------------------------------------------------------------
export { anyApi, type AnyApi, type PartialApi } from './api/any-api.ts';
export { getFunctionName } from './api/get-function-name.ts';
export { makeFunctionReference } from './api/make-function-reference.ts';
export { filterApi, type FilterApi } from './api/filter-api.ts';
export { getFunctionAddress } from './api/function-address.ts';
export {
  createFunctionHandle,
  type FunctionHandle,
  type FunctionHandle_future,
} from './api/create-function-handle.ts';
export type { ApiFromModules, ValidatorTypeToReturnType } from './api/api-from-modules.ts';
export type {
  ArgsAndOptions,
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  FunctionType,
  OptionalRestArgs,
} from './api/function-reference.ts';

// --- Database ----------------------------------------------------------------------------------
export type {
  BaseTableReader,
  BaseTableWriter,
  GenericDatabaseReader,
  GenericDatabaseReaderWithTable,
  GenericDatabaseWriter,
  GenericDatabaseWriterWithTable,
} from './database/database.ts';
export type {
  AnyDataModel,
  DocumentByInfo,
  DocumentByName,
  FieldPaths,
  FieldTypeFromFieldPath,
  FieldTypeFromFieldPathInner,
  GenericDataModel,
  GenericDocument,
  GenericFieldPaths,
  GenericIndexFields,
  GenericSearchIndexConfig,
  GenericTableIndexes,
  GenericTableInfo,
  GenericTableSearchIndexes,
  GenericTableVectorIndexes,
  GenericVectorIndexConfig,
  IndexNames,
  Indexes,
  NamedIndex,
  NamedSearchIndex,
  NamedTableInfo,
  NamedVectorIndex,
  SearchIndexNames,
  SearchIndexes,
  TableNamesInDataModel,
  VectorIndexNames,
  VectorIndexes,
} from './data-model/data-model.ts';
export type {
  IdField,
  IndexTiebreakerField,
  SystemFields,
  SystemIndexes,
  WithOptionalSystemFields,
  WithoutSystemFields,
} from './data-model/system-fields.ts';
export type { OrderedQuery, Query, QueryInitializer } from './query/query.ts';
export type { Expression, ExpressionOrValue } from './query/expression.ts';
export type { FilterBuilder } from './query/filter-builder.ts';
export type { IndexRange, IndexRangeBuilder } from './query/index-range-builder.ts';
export { SearchFilter } from './query/search-filter-builder.ts';
export type { SearchFilterBuilder, SearchFilterFinalizer } from './query/search-filter-builder.ts';
export type { Cursor, PaginationOptions, PaginationResult } from './pagination/pagination.ts';
export {
  paginationOptsValidator,
  paginationResultValidator,
} from './pagination/pagination-validators.ts';

// --- Other ctx services --------------------------------------------------------------------------
export type {
  Auth,
  AuthConfig,
  AuthProvider,
  MutationAuth,
  ReservedJwtClaim,
  ReservedJwtClaimPrefix,
  SignJwtClaims,
  SignJwtOptions,
  UserIdentity,
  UserIdentityAttributes,
} from './auth/authentication.ts';
export type {
  FileMetadata,
  FileStorageId,
  StorageActionWriter,
  StorageId,
  StorageReader,
  StorageWriter,
} from './storage/storage.ts';
export type { SchedulableFunctionReference, Scheduler } from './scheduler/scheduler.ts';
export type {
  ActionMeta,
  DeploymentMetadata,
  FunctionMetadata,
  MutationMeta,
  QueryMeta,
  RequestMetadata,
  TransactionLimits,
  TransactionMetric,
  TransactionMetrics,
} from './meta/meta.ts';
export type {
  FilterExpression,
  VectorFilterBuilder,
  VectorSearch,
  VectorSearchQuery,
} from './vector-search/vector-search.ts';
export { log } from './log/log.ts';
export type { AuditLogBody, AuditLogValue } from './log/audit-log.ts';

// --- HTTP router and crons -----------------------------------------------------------------------
export { httpRouter, HttpRouter } from './router/http-router.ts';
export { ROUTABLE_HTTP_METHODS, type RoutableMethod } from './router/routable-method.ts';
export type { RouteSpec, RouteSpecWithPath, RouteSpecWithPathPrefix } from './router/route-spec.ts';
export { cronJobs, type Crons } from './cron/crons.ts';
export type { CronJob } from './cron/schedule.ts';

// --- Schema ------------------------------------------------------------------------------------
export {
  defineSchema,
  type DefineSchemaOptions,
  type GenericSchema,
  type SchemaDefinition,
} from './schema/schema-definition.ts';
export { defineTable } from './schema/define-table.ts';
export type { TableDefinition } from './schema/table-definition.ts';
export {
  docValidator,
  type DocValidator,
  type SystemFieldValidators,
} from './schema/doc-validator.ts';
export type { DataModelFromSchemaDefinition } from './schema/data-model-from-schema.ts';
export type { SystemDataModel, SystemTableNames } from './schema/system-data-model.ts';
export type {
  Index,
  SearchIndex,
  SearchIndexConfig,
  VectorIndex,
  VectorIndexConfig,
} from './schema/index-config.ts';

// --- Shared with convex/values and the type helpers of convex/server ------------------------------
export { v, ConvexError } from '@selfhost/values';
export type { BetterOmit, Expand } from './type-utils.ts';
