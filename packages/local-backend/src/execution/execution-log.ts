import { randomUUID } from 'node:crypto';
import type { FunctionCompletion } from '@selfhost/protocol';
import type { LogLine, RunResult } from '@selfhost/function-runner';
import { LogStream } from '../logs/log-stream.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { canonicalPath } from '../deployment/loaded-deployment.ts';
import type { ExecutionOutcome } from './execution-outcome.ts';
import type { ExecutionRequest } from './execution-request.ts';

/** A stored execution: the Completion entry with structured log lines (formatted per client on output). */
export type StoredExecution = Omit<FunctionCompletion, 'logLines'> & { readonly logLines: readonly LogLine[] };

const zeroUsage = Object.freeze({
  databaseReadBytes: 0,
  databaseWriteBytes: 0,
  databaseIoReadBytes: 0,
  databaseIoWriteBytes: 0,
  databaseReadDocuments: 0,
  databaseWriteDocuments: 0,
  databaseWriteIndexRows: 0,
  storageReadBytes: 0,
  storageWriteBytes: 0,
  vectorIndexReadBytes: 0,
  vectorIndexWriteBytes: 0,
  textIndexQueryBytes: 0,
  textIndexWriteQueryBytes: 0,
  vectorIndexReadQueryBytes: 0,
  vectorIndexWriteQueryBytes: 0,
  networkEgressBytes: 0,
  memoryUsedMb: 0,
});

const udfTypeNames = { query: 'Query', mutation: 'Mutation', action: 'Action', httpAction: 'HttpAction' } as const;

/**
 * Records every finished execution: into the bounded log stream behind
 * `/api/stream_function_logs` (CLI `convex logs`, the dashboard) and into the metrics.
 *
 * @example
 * log.completed(result, request);
 */
export class ExecutionLog {
  readonly stream = new LogStream<StoredExecution>(4096);
  readonly #calls;
  readonly #durations;

  constructor(metrics: MetricsRegistry) {
    this.#calls = metrics.counter('selfhost_function_calls_total', 'Function executions by type and result.');
    this.#durations = metrics.histogram('selfhost_function_duration_seconds', 'Function execution time by type.');
  }

  /** A query answered from the result cache: logged like an execution, marked `cachedResult`. */
  completedFromCache(request: Pick<ExecutionRequest, 'caller' | 'identity' | 'path' | 'requestId'>, outcome: ExecutionOutcome): void {
    const result: RunResult = {
      outcome: outcome.status === 'success' ? { status: 'success', value: outcome.valueJson } : { status: 'error', errorMessage: outcome.errorMessage },
      logLines: outcome.logLines,
      path: canonicalPath(request.path),
      udfType: 'query',
      requestId: request.requestId ?? '',
      executionTimeMs: 0,
      userTimeMs: 0,
    };
    this.completed(result, request, true);
  }

  completed(result: RunResult, request: Pick<ExecutionRequest, 'caller' | 'identity'>, cachedResult = false): void {
    const udfType = udfTypeNames[result.udfType];
    const failed = result.outcome.status === 'error';
    this.#calls.inc({ udfType, status: failed ? 'failure' : 'success' });
    this.#durations.observe(result.executionTimeMs / 1000, { udfType });
    // Internal `_system/*` calls (dashboard, CLI) stay out of the user's logs.
    if (result.path.startsWith('_system/')) return;
    const now = Date.now() / 1000;
    this.stream.append({
      kind: 'Completion',
      udfType,
      identifier: result.path,
      componentPath: null,
      logLines: result.logLines,
      timestamp: now,
      executionTime: result.executionTimeMs / 1000,
      userExecutionTime: result.userTimeMs / 1000,
      error: result.outcome.status === 'error' ? result.outcome.errorMessage : null,
      success: null,
      cachedResult,
      requestId: result.requestId,
      executionId: randomUUID(),
      caller: request.caller,
      parentExecutionId: null,
      usageStats: zeroUsage,
      returnBytes: result.outcome.status === 'success' ? result.outcome.value.length : null,
      occInfo: null,
      willRetry: false,
      executionTimestamp: now - result.executionTimeMs / 1000,
      identityType: request.identity.kind,
      environment: 'isolate',
    });
  }
}
