// @selfhost/function-runner: runs pushed Convex modules in isolated-vm isolates (and
// `"use node"` actions in worker processes). Callers (local-backend) own HTTP, sync and the
// database transactions; see README.md for how a call flows.
export { FunctionRunner, type FunctionRunnerOptions, type LoadDeploymentSpec } from './function-runner.ts';
export { Deployment } from './deployment.ts';
export type { RunRequest, RunResult, RunOutcome } from './execution/run-types.ts';
export { userIdentityOf, type Identity, type UserIdentityAttributes } from './execution/identity.ts';
export type { ActionHost, NestedFunctionCall } from './execution/action-host.ts';
export type {
  UdfTransaction,
  UdfQueryStream,
  UdfPageRequest,
  UdfPageResult,
  UdfTransactionMetrics,
  DocumentJson,
} from './database/udf-transaction.ts';
export { createUdfTransaction } from './database/database-udf-transaction.ts';
export type { HttpActionRequest, HttpActionResponse, RunHttpActionRequest, RunHttpActionResult } from './http/http-types.ts';
export { httpErrorResponse } from './http/http-error-response.ts';
export { formatLogLine, type LogLine } from './logs/log-line.ts';
export { DEFAULT_LOG_LIMITS, type LogLimits } from './logs/log-collector.ts';
export { DEFAULT_RUNNER_LIMITS, type RunnerLimits } from './config/runner-limits.ts';
export { newUdfConfig, type UdfConfig } from './config/udf-config.ts';
export type { IsolatePoolOptions } from './isolates/isolate-pool.ts';
export type { ModuleConfig, ModuleEnvironment } from './modules/module-config.ts';
export { parseUdfPath, canonicalUdfPath, type UdfAddress } from './modules/udf-path.ts';
export type { DeploymentAnalysis } from './analysis/deployment-analysis.ts';
export type { AnalyzeResult } from './analysis/analyze-modules.ts';
export type { AnalyzedModule, AnalyzedFunction, AnalyzedHttpRoute, AnalyzedCron, SourcePosition } from '@selfhost/udf-runtime';
export { NodeProcessExecutor, type NodeProcessExecutorOptions } from './node-executor/node-process-executor.ts';
export type { NodeExecutor, NodeActionJob } from './node-executor/node-executor.ts';
export { DEFAULT_FETCH_POLICY, type FetchPolicy } from './runtime-ops/fetch-policy.ts';
export { validateConvexJson, type IdTableCheck } from './validation/validate-convex-json.ts';
export type { ValidatorJson } from './validation/validator-json.ts';
export { FunctionRunnerError, isFunctionRunnerError, functionRunnerErrorFromUnknown } from './errors/function-runner-error.ts';
export { FUNCTION_RUNNER_HTTP_STATUS, type FunctionRunnerErrorCode } from './errors/function-runner-error-codes.ts';
