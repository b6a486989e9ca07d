import type { ExecutionRequest } from '../../bridge/execution-request.ts';
import { finishHttpResponse } from '../http/finish-http-response.ts';

type Invoker = (...args: unknown[]) => unknown;

// Captured before user code runs (it may replace `Reflect.apply` in its own context).
const apply = Reflect.apply;

function registeredKind(fn: Record<string, unknown>): string | null {
  if (fn['isQuery'] === true) return 'query';
  if (fn['isMutation'] === true) return 'mutation';
  if (fn['isAction'] === true) return 'action';
  if (fn['isHttp'] === true) return 'HTTP action';
  return null;
}

function method(target: Record<string, unknown>, name: string): Invoker {
  const value = target[name];
  if (typeof value !== 'function') throw new Error(`The export has no ${name} method`);
  return value as Invoker;
}

function lookupExport(namespace: Record<string, unknown>, request: ExecutionRequest): Record<string, unknown> {
  const exported = namespace[request.exportName];
  if ((typeof exported !== 'function' && typeof exported !== 'object') || exported === null) {
    throw new Error(`Couldn't find "${request.exportName}" in module "${request.modulePath}".`);
  }
  return exported as Record<string, unknown>;
}

async function runHttpAction(target: Record<string, unknown>, request: ExecutionRequest): Promise<string> {
  if (target['isRouter'] !== true) throw new Error(`The default export of ${request.modulePath} is not a Router`);
  const responseJson = await apply(method(target, 'runRequest'), target, [request.args, request.routedPath ?? '']);
  return await finishHttpResponse(responseJson);
}

/**
 * Calls the registered function object the way the reference host does (compat spec §4.3):
 * `invokeQuery(argsJson)`, `invokeMutation(argsJson)`, `invokeAction(requestId, argsJson)`,
 * or for HTTP actions the router's `runRequest(requestJson, routedPath)`. Returns what the
 * library returns (a promise of the result's Convex-JSON text), without wrapping it in a
 * further promise: this is the hot path of every execution. Throws when the export is not
 * the registered function the request expects.
 *
 * @example
 * ```ts
 * const json = await invokeFunction(namespace, request);
 * ```
 * @internal
 */
export function invokeFunction(namespace: Record<string, unknown>, request: ExecutionRequest): unknown {
  const target = lookupExport(namespace, request);
  const { udfType } = request;
  if (udfType === 'httpAction') return runHttpAction(target, request);
  const kind = registeredKind(target);
  if (kind !== udfType) {
    const udfPath = `${request.modulePath.replace(/\.js$/, '')}:${request.exportName}`;
    throw new Error(
      kind === null ? `${udfPath} is not a Convex function` : `Function ${udfPath} is registered as a ${kind} but is being run as a ${udfType}.`,
    );
  }
  switch (udfType) {
    case 'query':
      return apply(method(target, 'invokeQuery'), target, [request.args]);
    case 'mutation':
      return apply(method(target, 'invokeMutation'), target, [request.args]);
    case 'action':
      return apply(method(target, 'invokeAction'), target, [request.requestId, request.args]);
  }
}
