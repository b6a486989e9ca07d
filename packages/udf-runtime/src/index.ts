// @selfhost/udf-runtime: the JavaScript that runs inside each isolate, and the contract the
// host (function-runner) speaks with it. The in-isolate code under src/isolate/ is never
// imported by the host; it reaches isolates as the script `udfRuntimeBundle()` returns.
export { preloadUdfRuntimeBundle, udfRuntimeBundle, type UdfRuntimeBundle } from './bundle/udf-runtime-bundle.ts';
export type { UdfType, ExecutionPhase } from './bridge/udf-type.ts';
export { LOG_LEVELS, type LogLevel } from './bridge/log-level.ts';
export type { HostCallbacks, HostUtilOp, HostErrorPayload } from './bridge/host-callbacks.ts';
export { okEnvelope, errorEnvelope, decodeEnvelope } from './bridge/envelope.ts';
export type { ContextConfig, ExecutionRequest } from './bridge/execution-request.ts';
export type { DriverReport, SerializedUserError, PendingOp } from './bridge/driver-report.ts';
export { REUSABLE_MARK } from './bridge/driver-report.ts';
export { encodeOpResult, decodeOpResults, type OpResult } from './bridge/op-results.ts';
export { MODULE_ORIGIN_PREFIX, RUNTIME_ORIGIN, type StackFrameData } from './bridge/stack-frame.ts';
export { SETUP_ARGUMENT_GLOBALS, SETUP_GLOBAL } from './bridge/setup-global.ts';
export { inspect, formatConsoleArgs } from './shared/inspect.ts';
export type {
  AnalyzedFunction,
  AnalyzedHttpRoute,
  AnalyzedCron,
  AnalyzedModule,
  RawModuleAnalysis,
  SourcePosition,
} from './bridge/analyzed-module.ts';
export type { HttpRequestJson, HttpResponseJson } from './bridge/http-json.ts';
export { nodeExecutorEntry } from './node-executor/entry-path.ts';
export {
  NODE_MODULE_ORIGIN,
  type HostToWorkerMessage,
  type WorkerToHostMessage,
} from './node-executor/node-executor-messages.ts';
