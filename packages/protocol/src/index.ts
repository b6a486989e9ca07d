// The public surface of @selfhost/protocol: a hand-written list (STYLE.md habit 1). Inside the
// package, import the concrete module instead (habit 2).

// Errors
export {
  ProtocolError,
  isProtocolError,
  protocolErrorFromUnknown,
  type PathKey,
} from './protocol-error.ts';
export {
  PROTOCOL_ERROR_CODES,
  httpStatusOf,
  isProtocolErrorCode,
  webSocketActionOf,
  type ProtocolErrorCode,
  type WebSocketErrorAction,
} from './error-codes.ts';
export { errorBodyOf, errorBodySchema, type ErrorBody } from './error-body.ts';

// JSON payloads
// (`JSONValue` itself comes from @selfhost/values.)
export {
  isJsonObject,
  isJsonValue,
  jsonObjectSchema,
  jsonValueSchema,
  type JSONObject,
} from './json-value.ts';

// Timestamps
export {
  MAX_TIMESTAMP,
  MIN_TIMESTAMP,
  makeTimestamp,
  parseTimestamp,
  type Timestamp,
} from './timestamp.ts';
export { decodeTimestamp, encodeTimestamp, timestampWireSchema } from './timestamp-wire.ts';

// Function paths
export { canonicalizeUdfPath, parseUdfPath, type UdfPath } from './udf-path.ts';
export { udfPathFromRunPath } from './run-path.ts';

// Sync protocol: client → server
export { connectMessageSchema, type ConnectMessage } from './sync/connect-message.ts';
export {
  addQuerySchema,
  modifyQuerySetMessageSchema,
  removeQuerySchema,
  type AddQuery,
  type ModifyQuerySetMessage,
  type RemoveQuery,
} from './sync/modify-query-set-message.ts';
export { mutationMessageSchema, type MutationMessage } from './sync/mutation-message.ts';
export { actionMessageSchema, type ActionMessage } from './sync/action-message.ts';
export {
  adminAuthenticateSchema,
  authenticateMessageSchema,
  noneAuthenticateSchema,
  userAuthenticateSchema,
  type AdminAuthenticateMessage,
  type AuthenticateMessage,
} from './sync/authenticate-message.ts';
export { eventMessageSchema, type EventMessage } from './sync/event-message.ts';
export {
  clientMessageSchema,
  encodeClientMessage,
  parseClientMessage,
  type ClientMessage,
} from './sync/client-message.ts';
export {
  userIdentityAttributesSchema,
  type UserIdentityAttributes,
} from './sync/user-identity-attributes.ts';

// Sync protocol: server → client
export { stateVersionSchema, type StateVersion } from './sync/state-version.ts';
export {
  queryFailedSchema,
  queryRemovedSchema,
  queryUpdatedSchema,
  stateModificationSchema,
  transitionMessageSchema,
  type QueryFailed,
  type QueryRemoved,
  type QueryUpdated,
  type StateModification,
  type TransitionMessage,
} from './sync/transition-message.ts';
export {
  transitionChunkMessageSchema,
  type TransitionChunkMessage,
} from './sync/transition-chunk-message.ts';
export { splitTransition } from './sync/split-transition.ts';
export { encodeStateModification, encodeTransitionFromParts } from './sync/encode-transition.ts';
export {
  mutationFailureMessageSchema,
  mutationResponseMessageSchema,
  mutationSuccessMessageSchema,
  type MutationFailureMessage,
  type MutationResponseMessage,
  type MutationSuccessMessage,
} from './sync/mutation-response-message.ts';
export {
  actionFailureMessageSchema,
  actionResponseMessageSchema,
  actionSuccessMessageSchema,
  type ActionFailureMessage,
  type ActionResponseMessage,
  type ActionSuccessMessage,
} from './sync/action-response-message.ts';
export { authErrorMessageSchema, type AuthErrorMessage } from './sync/auth-error-message.ts';
export { fatalErrorMessageSchema, type FatalErrorMessage } from './sync/fatal-error-message.ts';
export { pingMessageSchema, type PingMessage } from './sync/ping-message.ts';
export {
  encodeServerMessage,
  parseServerMessage,
  serverMessageSchema,
  type ServerMessage,
} from './sync/server-message.ts';
export {
  logLinesSchema,
  queryJournalSchema,
  u32Schema,
  udfPathSchema,
} from './sync/wire-primitives.ts';

// Headers, keys and formats
export {
  clientVersionFromSyncPath,
  isVersionAtLeast,
  parseConvexClientHeader,
  supportsTransitionChunks,
  type ClientVersion,
} from './headers/client-version.ts';
export { parseAuthorizationHeader, type AuthorizationHeader } from './headers/authorization.ts';
export {
  parseAdminKey,
  type AdminKeyDisplayType,
  type AdminKeyParts,
} from './headers/admin-key.ts';
export {
  defaultValueFormat,
  parseValueFormat,
  resolveValueFormat,
  type ValueFormat,
} from './value-format.ts';

// HTTP bodies: function API
export { parseHttpBody, parseHttpJsonText } from './http/parse-http-body.ts';
export { udfArgsSchema } from './http/udf-args.ts';
export {
  functionRequestSchema,
  queryAtTsRequestSchema,
  queryBatchRequestSchema,
  runRequestSchema,
  udfPostRequestSchema,
  type FunctionRequest,
  type QueryAtTsRequest,
  type QueryBatchRequest,
  type RunRequest,
  type UdfPostRequest,
} from './http/udf-request.ts';
export { udfRequestFromSearchParams } from './http/udf-query-params.ts';
export {
  queryBatchResponseSchema,
  queryTsResponseSchema,
  udfErrorResponseSchema,
  udfResponseSchema,
  udfSuccessResponseSchema,
  type QueryBatchResponse,
  type QueryTsResponse,
  type UdfErrorResponse,
  type UdfResponse,
  type UdfSuccessResponse,
} from './http/udf-response.ts';

// HTTP bodies: push
export {
  moduleConfigSchema,
  moduleEnvironmentSchema,
  moduleHashConfigSchema,
  nodeDependencySchema,
  type ModuleConfig,
  type ModuleEnvironment,
  type ModuleHashConfig,
  type NodeDependency,
} from './http/push/module-config.ts';
export {
  getConfigHashesRequestSchema,
  getConfigHashesResponseSchema,
  moduleHashSchema,
  type GetConfigHashesRequest,
  type GetConfigHashesResponse,
  type ModuleHash,
} from './http/push/config-hashes.ts';
export {
  authInfoSchema,
  customJwtAuthInfoSchema,
  oidcAuthInfoSchema,
  type AuthInfo,
  type CustomJwtAuthInfo,
  type OidcAuthInfo,
} from './http/push/auth-info.ts';
export {
  appDefinitionConfigSchema,
  componentDefinitionConfigSchema,
  startPushRequestSchema,
  type AppDefinitionConfig,
  type ComponentDefinitionConfig,
  type StartPushRequest,
} from './http/push/start-push-request.ts';
export {
  developerIndexConfigSchema,
  indexDiffSchema,
  schemaChangeSchema,
  type DeveloperIndexConfig,
  type IndexDiff,
  type SchemaChange,
} from './http/push/index-diff.ts';
export {
  analyzedFunctionSchema,
  analyzedModuleSchema,
  analyzedSchemaSchema,
  componentDefinitionMetadataSchema,
  componentExportsSchema,
  evaluatedComponentDefinitionSchema,
  udfConfigSchema,
  type AnalyzedFunction,
  type AnalyzedModule,
  type AnalyzedSchema,
  type ComponentDefinitionMetadata,
  type ComponentExports,
  type EvaluatedComponentDefinition,
  type UdfConfig,
} from './http/push/component-definition.ts';
export {
  checkedComponentSchema,
  checkedExportSchema,
  resourceSchema,
  type CheckedComponent,
  type CheckedExport,
  type Resource,
} from './http/push/checked-component.ts';
export {
  evaluatePushResponseSchema,
  startPushResponseSchema,
  type EvaluatePushResponse,
  type StartPushResponse,
} from './http/push/start-push-response.ts';
export {
  schemaStatusSchema,
  waitForSchemaRequestSchema,
  type SchemaStatus,
  type WaitForSchemaRequest,
} from './http/push/wait-for-schema.ts';
export {
  componentDiffSchema,
  finishPushDiffSchema,
  finishPushRequestSchema,
  type ComponentDiff,
  type FinishPushDiff,
  type FinishPushRequest,
} from './http/push/finish-push.ts';
export {
  reportPushCompletedRequestSchema,
  type ReportPushCompletedRequest,
} from './http/push/report-push-completed.ts';

// HTTP bodies: environment variables and logs
export {
  listEnvironmentVariablesResponseSchema,
  updateEnvironmentVariablesRequestSchema,
  type ListEnvironmentVariablesResponse,
  type UpdateEnvironmentVariablesRequest,
} from './http/environment-variables.ts';
export {
  functionLogLineSchema,
  logLevelSchema,
  structuredLogLineSchema,
  type FunctionLogLine,
  type LogLevel,
  type StructuredLogLine,
} from './http/log-line.ts';
export {
  functionCompletionSchema,
  functionExecutionSchema,
  functionProgressSchema,
  streamFunctionLogsQueryFromSearchParams,
  streamFunctionLogsResponseSchema,
  udfTypeSchema,
  type FunctionCompletion,
  type FunctionExecution,
  type FunctionProgress,
  type StreamFunctionLogsQuery,
  type StreamFunctionLogsResponse,
  type UdfType,
  type UsageStats,
} from './http/function-logs.ts';
