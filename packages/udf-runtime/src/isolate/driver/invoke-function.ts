import type { ExecutionRequest } from '../../bridge/execution-request.ts';
import { finishHttpResponse } from '../http/finish-http-response.ts';

type Invoker = (...args: unknown[]) => unknown;

const KIND_NAMES = { isQuery: 'query', isMutation: 'mutation', isAction: 'action' } as const;

function registeredKind(fn: Record<string, unknown>): string | null {
  for (const [marker, kind] of Object.entries(KIND_NAMES)) if (fn[marker] === true) return kind;
  if (fn['isHttp'] === true) return 'HTTP action';
  return null;
}

function method(target: Record<string, unknown>, name: string): Invoker {
  const value = target[name];
  if (typeof value !== 'function') throw new Error(`The export has no ${name} method`);
  return (...args: unknown[]) => (value as Invoker).apply(target, args);
}

function lookupExport(namespace: Record<string, unknown>, request: ExecutionRequest): Record<string, unknown> {
  const exported = namespace[request.exportName];
  if ((typeof exported !== 'function' && typeof exported !== 'object') || exported === null) {
    throw new Error(`Couldn't find "${request.exportName}" in module "${request.modulePath}".`);
  }
  return exported as Record<string, unknown>;
}

/**
 * Calls the registered function object the way the reference host does (compat spec §4.3):
 * `invokeQuery(argsJson)`, `invokeMutation(argsJson)`, `invokeAction(requestId, argsJson)`,
 * or for HTTP actions the router's `runRequest(requestJson, routedPath)`. Resolves with the
 * result's Convex-JSON text.
 *
 * @example
 * ```ts
 * const json = await invokeFunction(namespace, request);
 * ```
 * @internal
 */
export async function invokeFunction(namespace: Record<string, unknown>, request: ExecutionRequest): Promise<unknown> {
  const target = lookupExport(namespace, request);
  const udfPath = `${request.modulePath.replace(/\.js$/, '')}:${request.exportName}`;
  if (request.udfType === 'httpAction') {
    if (target['isRouter'] !== true) throw new Error(`The default export of ${request.modulePath} is not a Router`);
    const responseJson = await method(target, 'runRequest')(request.args, request.routedPath ?? '');
    return await finishHttpResponse(responseJson);
  }
  const kind = registeredKind(target);
  if (kind !== request.udfType) {
    throw new Error(
      kind === null
        ? `${udfPath} is not a Convex function`
        : `Function ${udfPath} is registered as a ${kind} but is being run as a ${request.udfType}.`,
    );
  }
  switch (request.udfType) {
    case 'query':
      return await method(target, 'invokeQuery')(request.args);
    case 'mutation':
      return await method(target, 'invokeMutation')(request.args);
    case 'action':
      return await method(target, 'invokeAction')(request.requestId, request.args);
  }
}
